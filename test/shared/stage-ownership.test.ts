import { describe, expect, it } from 'vitest';
import { decideOfficialStage } from '../../shared/journey/stage-ownership.ts';

describe('who owns the official stage', () => {
  it.each([
    { official: null, suggested: 'activate', person: null, decision: { kind: 'initial', to: 'activate' } },
    { official: 'activate', suggested: 'accelerate', person: null, decision: { kind: 'promote', to: 'accelerate' } },
    { official: 'accelerate', suggested: 'activate', person: null, decision: { kind: 'keep' } },
    { official: 'activate', suggested: 'activate', person: null, decision: { kind: 'keep' } },
    {
      official: 'activate',
      suggested: 'accelerate',
      person: { suggestedStage: 'accelerate' },
      decision: { kind: 'keep' },
      why: 'a manager held the partner back while the evidence said accelerate',
    },
    {
      official: 'activate',
      suggested: 'mature',
      person: { suggestedStage: 'accelerate' },
      decision: { kind: 'promote', to: 'mature' },
      why: 'the evidence changed again since the manager decided',
    },
  ] as const)('official $official, suggested $suggested, person $person → $decision.kind', ({ official, suggested, person, decision }) => {
    expect(decideOfficialStage(official, suggested, person)).toEqual(decision);
  });
});
