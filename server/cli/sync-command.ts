import { parseArgs } from 'node:util';
import { isLocale, LOCALES } from '../../shared/i18n/locale.ts';
import { loadConfig } from '../config/env.ts';
import { adaptersFromConfig } from '../crm/connections-from-config.ts';
import type { CrmKind } from '../crm/crm-adapter.ts';
import { AppError } from '../errors/app-error.ts';
import { createLogger } from '../logging/logger.ts';
import { openJourneyStore } from '../storage/open-store.ts';
import { CRM_NAMES } from '../sync/sync-context.ts';
import { SyncService } from '../sync/sync-service.ts';
import { formatSyncReport, isComplete } from './sync-report-text.ts';

/** Exit code of a run that stopped early or could not write some records: run it again. */
export const SYNC_INCOMPLETE_EXIT = 5;

const CRMS = ['hubspot', 'salesforce'] as const satisfies readonly CrmKind[];

export interface SyncCommandIo {
  readonly env: NodeJS.ProcessEnv;
  readonly write: (text: string) => void;
  /** Where the sync's log lines go (standard error, so the report stays readable). */
  readonly log: NodeJS.WritableStream;
  /** Calls `stop` on SIGINT/SIGTERM; returns how to stop listening. */
  readonly onSignal?: (stop: () => void) => () => void;
}

/**
 * `partner-journey sync [--crm hubspot|salesforce] [--full] [--locale en|pt-BR]`: runs the sync
 * once for every configured CRM (or the one named): the backfill or what is left of it, then the
 * changes since the last run. `--full` reads every partner again (history is never deleted).
 */
export async function runSyncCommand(args: readonly string[], io: SyncCommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { crm: { type: 'string' }, full: { type: 'boolean', default: false }, locale: { type: 'string', default: 'en' } },
  });
  if (!isLocale(values.locale)) throw new AppError('invalid_input', `--locale must be one of ${LOCALES.join(', ')} (got "${values.locale}")`);
  const crm = values.crm;
  if (crm !== undefined && !(CRMS as readonly string[]).includes(crm)) {
    throw new AppError('invalid_input', `--crm must be hubspot or salesforce (got "${crm}")`);
  }
  const config = await loadConfig(io.env);
  const adapters = adaptersFromConfig(config, crm as CrmKind | undefined);
  if (adapters.length === 0) throw new AppError('misconfigured', missingConnection(crm as CrmKind | undefined));

  const store = await openJourneyStore(config.database);
  const sync = new SyncService({
    store,
    now: () => Date.now(),
    locale: config.sync.locale,
    rules: config.rules,
    log: createLogger(config.logLevel, io.log).child({ component: 'sync' }),
  });
  const stopListening = io.onSignal?.(() => void sync.stop()) ?? (() => undefined);
  try {
    let complete = true;
    for (const adapter of adapters) {
      const tenant = await adapter.tenantId();
      const report = await sync.sync(adapter, { full: values.full });
      io.write(formatSyncReport(CRM_NAMES[adapter.kind], tenant, report, values.locale));
      complete &&= isComplete(report);
    }
    return complete ? 0 : SYNC_INCOMPLETE_EXIT;
  } finally {
    stopListening();
    await sync.stop();
    await store.close();
  }
}

function missingConnection(crm: CrmKind | undefined): string {
  if (crm === 'hubspot') return 'no HubSpot connection is configured: set HUBSPOT_ACCESS_TOKEN (and HUBSPOT_BASE_URL to use another API address)';
  if (crm === 'salesforce') return 'no Salesforce connection is configured: set SALESFORCE_CLIENT_ID and the variables of your sign-in flow (see --help)';
  return 'no CRM connection is configured: set HUBSPOT_ACCESS_TOKEN, or the SALESFORCE_* variables (see --help)';
}
