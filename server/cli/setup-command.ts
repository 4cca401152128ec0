import { parseArgs } from 'node:util';
import { isLocale, LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import { loadConfig } from '../config/env.ts';
import { adaptersFromConfig } from '../crm/connections-from-config.ts';
import type { SetupReport } from '../crm/crm-adapter.ts';
import { runSalesforceSetup, SETUP_INCOMPLETE_EXIT } from '../crm/salesforce/setup-command.ts';
import { AppError } from '../errors/app-error.ts';

const TEXT: Record<Locale, { nothing: (portal: string) => string; created: string; unchanged: (n: number) => string; problems: string; done: (portal: string) => string }> = {
  en: {
    nothing: (portal) => `Nothing to change: every Partner Journey property and the "Partner" label already exist in ${portal}.\n`,
    created: 'Created:\n',
    unchanged: (n) => `Already in place: ${n}\n`,
    problems: 'Setup could not finish; fix these in HubSpot and run it again:\n',
    done: (portal) => `Partner Journey is set up in ${portal}.\n`,
  },
  'pt-BR': {
    nothing: (portal) => `Nada a mudar: todas as propriedades do Partner Journey e o rótulo "Partner" já existem em ${portal}.\n`,
    created: 'Criado:\n',
    unchanged: (n) => `Já existentes: ${n}\n`,
    problems: 'O setup não terminou; corrija isto no HubSpot e rode de novo:\n',
    done: (portal) => `O Partner Journey está configurado em ${portal}.\n`,
  },
};

export function formatSetupReport(report: SetupReport, portal: string, locale: Locale): string {
  const text = TEXT[locale];
  if (report.problems.length === 0 && report.created.length === 0) return text.nothing(portal);
  let out = '';
  if (report.created.length > 0) out += text.created + report.created.map((c) => `  + ${c}\n`).join('');
  if (report.unchanged.length > 0) out += text.unchanged(report.unchanged.length);
  if (report.problems.length > 0) out += text.problems + report.problems.map((p) => `  ! ${p}\n`).join('');
  else out += text.done(portal);
  return out;
}

/** `partner-journey setup --crm hubspot [--locale en|pt-BR]`; exit 4 when something must be fixed by hand. */
export async function runSetupCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, write: (text: string) => void): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { crm: { type: 'string' }, locale: { type: 'string', default: 'en' } } });
  if (!isLocale(values.locale)) throw new AppError('invalid_input', `--locale must be one of ${LOCALES.join(', ')} (got "${values.locale}")`);
  if (values.crm === 'salesforce') return runSalesforceSetup(env, (line) => write(`${line}\n`));
  if (values.crm !== 'hubspot') {
    throw new AppError('invalid_input', `setup needs --crm hubspot or --crm salesforce (got ${values.crm === undefined ? 'no --crm' : `"${values.crm}"`})`);
  }
  // The same configuration as serve and sync (budget included); --locale picks the labels of what setup creates.
  const config = await loadConfig({ ...env });
  const [adapter] = adaptersFromConfig({ ...config, sync: { ...config.sync, locale: values.locale } }, 'hubspot');
  if (!adapter) {
    throw new AppError('invalid_input', 'HubSpot settings are missing or invalid', {
      problems: [{ field: 'HUBSPOT_ACCESS_TOKEN', problem: 'is required: the private app access token' }],
    });
  }
  const portal = `HubSpot portal ${(await adapter.tenantId()).replace(/^hubspot:/, '')}`;
  const report = await adapter.setup();
  write(formatSetupReport(report, portal, values.locale));
  return report.problems.length > 0 ? SETUP_INCOMPLETE_EXIT : 0;
}
