import type { z } from 'zod';

/** One problem with an input, named by the field it is about (`deals[2].closedAt`). */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Turns zod issues into field problems a person can act on. */
export function describeIssues(
  error: z.ZodError,
  root = '',
  unknownKeyHint: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const hint = unknownKeyHint(issue.path);
      return issue.keys.map((key) => ({
        field: formatPath([...issue.path, key], root),
        problem: hint ? `is not a known field here (${hint})` : 'is not a known field here',
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      return [{ field: formatPath(issue.path, root), problem: issue.message }];
    }
    return [{ field: formatPath(issue.path, root), problem: typeProblem(issue.message) }];
  });
}

/** zod's own wording for a value of the wrong type (zod does not keep the value itself on the issue). */
const WRONG_TYPE = /^Invalid input: expected (\w+), received (\w+)$/;

/** "is required" only when the value is missing; a value of the wrong kind says what it should be. */
function typeProblem(message: string): string {
  const match = WRONG_TYPE.exec(message);
  if (!match) return message;
  const [, expected = '', received = ''] = match;
  if (received === 'undefined') return 'is required';
  return `must be ${withArticle(expected)}, not ${received === 'null' ? 'null' : withArticle(received)}`;
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

export function problemsToText(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.problem}`).join('\n');
}
