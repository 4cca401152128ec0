import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../shared/journey/actions.ts';
import { actionIds, daysAgo, lostDeal, matureDeals, openDeal, run, wonDeal, type Scenario } from '../support/journey-builders.ts';

const threeWins = () => [wonDeal(10, 10_000), wonDeal(20, 10_000), wonDeal(30, 10_000)];

describe('recommended actions', () => {
  it.each<{ name: string; scenario: Scenario; expected: string[] }>([
    {
      name: 'a new recruit with nothing yet',
      scenario: { partner: { joinedAt: daysAgo(10), certifications: 0, hasJointBusinessPlan: false } },
      expected: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    },
    {
      name: 'a recruit with no deal after exactly 30 days',
      scenario: { partner: { joinedAt: daysAgo(30) } },
      expected: ['recruit.register-first-deal'],
    },
    { name: 'a recruit with no deal after 29 days', scenario: { partner: { joinedAt: daysAgo(29) } }, expected: [] },
    {
      name: 'a recruit 200 days in with a lost deal (it has registered a deal)',
      scenario: { partner: { joinedAt: daysAgo(200) }, deals: [lostDeal(30)] },
      expected: [],
    },
    {
      name: 'a recruit past 270 days',
      scenario: { partner: { joinedAt: daysAgo(271) }, deals: [openDeal(3)] },
      expected: ['any.check-in-at-risk', 'recruit.review-fit'],
    },
    {
      name: 'a first-revenue partner with an open deal, no certification, no plan',
      scenario: { partner: { certifications: 0, hasJointBusinessPlan: false }, deals: [wonDeal(10), openDeal(5)] },
      expected: ['activate.support-first-negotiations', 'activate.sales-training', 'activate.share-roi-plan'],
    },
    {
      name: 'a first-revenue partner with everything in place',
      scenario: { deals: [wonDeal(10)] },
      expected: [],
    },
    {
      name: 'an accelerating partner with no plan, a stalled deal, one certification',
      scenario: { partner: { certifications: 1, hasJointBusinessPlan: false }, deals: [...threeWins(), openDeal(61)] },
      expected: [
        'accelerate.build-joint-plan',
        'accelerate.follow-up-stalled-deals',
        'accelerate.certify-team',
        'accelerate.target-campaigns',
      ],
    },
    {
      name: 'an accelerating partner whose open deal is exactly 60 days old',
      scenario: { deals: [...threeWins(), openDeal(60)] },
      expected: ['accelerate.target-campaigns'],
    },
    { name: 'a healthy mature partner', scenario: { deals: matureDeals() }, expected: ['mature.review-kpis', 'mature.promote-top-partner'] },
    {
      name: 'an inactive mature partner',
      scenario: { partner: { lastActivityAt: daysAgo(95) }, deals: [90, 150, 200, 300].map((d) => wonDeal(d, 30_000)) },
      expected: ['any.reengage-inactive', 'mature.review-kpis'],
    },
  ])('$name → $expected', ({ scenario, expected }) => {
    expect(actionIds(run(scenario))).toEqual(expected);
  });

  it('puts the inactive re-engagement first, then the stage actions in catalogue order', () => {
    const result = run({
      partner: { lastActivityAt: daysAgo(120), certifications: 0, hasJointBusinessPlan: false },
      deals: [wonDeal(200, 5_000, { createdAt: daysAgo(230), registeredAt: daysAgo(229) })],
    });
    expect(result.health).toBe('inactive');
    expect(actionIds(result)).toEqual(['any.reengage-inactive', 'activate.sales-training', 'activate.share-roi-plan']);
    expect(result.actions.map((a) => a.priority)).toEqual([1, 2, 3]);
  });

  it('does not suggest campaigns to an accelerating partner at risk', () => {
    const result = run({ partner: { lastActivityAt: daysAgo(50) }, deals: [wonDeal(50), wonDeal(60), wonDeal(70)] });
    expect(result.health).toBe('at_risk');
    expect(actionIds(result)).toEqual(['any.check-in-at-risk']);
  });

  describe('early registration (14-day lag) for first-revenue partners', () => {
    it.each([
      { name: 'registered 14 days after creation', extra: { createdAt: daysAgo(40), registeredAt: daysAgo(26) }, fires: false },
      { name: 'registered 15 days after creation', extra: { createdAt: daysAgo(40), registeredAt: daysAgo(25) }, fires: true },
      { name: 'never registered', extra: { createdAt: daysAgo(40), registeredAt: null }, fires: true },
      { name: 'registered after asOf', extra: { createdAt: daysAgo(40), registeredAt: daysAgo(-2) }, fires: true },
      {
        name: 'late but created 365 days ago (outside 12m)',
        extra: { createdAt: daysAgo(365), registeredAt: daysAgo(300) },
        fires: false,
      },
      {
        name: 'late and created 364 days ago',
        extra: { createdAt: daysAgo(364), registeredAt: daysAgo(300) },
        fires: true,
      },
    ])('$name → fires: $fires', ({ extra, fires }) => {
      const ids = actionIds(run({ deals: [wonDeal(5), openDeal(40, 1_000, extra)] }));
      expect(ids.includes('activate.reward-early-registration')).toBe(fires);
    });
  });

  it('asks a channel manager to review when the evidence falls below the official stage', () => {
    const result = run({ partner: { stage: 'accelerate' }, deals: [wonDeal(10)] });
    expect(result.suggestedStage).toBe('activate');
    expect(actionIds(result)[0]).toBe('any.review-stage');
  });

  it('every catalogued action has an English and a Portuguese title', async () => {
    const { messagesFor } = await import('../../shared/i18n/index.ts');
    for (const id of ACTION_IDS) {
      expect(messagesFor('en').actions[id].title).not.toBe('');
      expect(messagesFor('pt-BR').actions[id].title).not.toBe(messagesFor('en').actions[id].title);
    }
  });
});
