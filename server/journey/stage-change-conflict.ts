import type { StageId } from '../../shared/journey/stages.ts';
import { AppError } from '../errors/app-error.ts';
import type { StageChangeRow } from '../storage/journey-store.ts';

/** A retried request is harmless only when it asks for the same change as the row its key already made. */
export function assertSameChange(row: StageChangeRow, partnerId: string, stage: StageId): void {
  if (row.partnerId === partnerId && row.to === stage) return;
  throw new AppError('conflict', 'this idempotency key was already used for a different stage change', {
    problems: [{ field: 'idempotencyKey', problem: 'was already used for a different change; send a new key' }],
  });
}
