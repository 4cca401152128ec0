import { expect } from 'vitest';

/** Direct SQL cannot rewrite the audit trails either: the database refuses UPDATE and DELETE on them. */
export async function expectAuditTablesAppendOnly(exec: (statement: string) => Promise<unknown>): Promise<void> {
  for (const statement of [
    "update stage_history set reason = 'rewritten'",
    'delete from stage_history',
    'update action_completions set done = false',
    'delete from action_completions',
  ]) {
    await expect(exec(statement), statement).rejects.toThrow(/append-only/);
  }
}
