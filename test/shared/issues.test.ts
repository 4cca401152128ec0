import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../shared/validation/issues.ts';

const schema = z.object({ partner: z.object({ joinedAt: z.string(), certifications: z.number().optional() }), deals: z.array(z.object({})) });

function problems(value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be rejected');
  return describeIssues(result.error);
}

describe('field problems from zod issues', () => {
  it('When a field is missing, then it "is required"', () => {
    expect(problems({ partner: {}, deals: [] })).toEqual([{ field: 'partner.joinedAt', problem: 'is required' }]);
  });

  it('When a field holds the wrong kind of value, then the problem says what it must be and what it is', () => {
    expect(problems({ partner: { joinedAt: '2025-01-01', certifications: '2' }, deals: {} })).toEqual([
      { field: 'partner.certifications', problem: 'must be a number, not a string' },
      { field: 'deals', problem: 'must be an array, not an object' },
    ]);
  });

  it.each([
    [[], 'must be an object, not an array'],
    [null, 'must be an object, not null'],
    [42, 'must be an object, not a number'],
  ])('When the whole document is %j, then the document is named', (value, problem) => {
    expect(problems(value)).toEqual([{ field: '(document)', problem }]);
  });
});
