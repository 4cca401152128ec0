import type { Locale } from '../../shared/i18n/locale.ts';
import type { SyncReport } from '../sync/sync-context.ts';

interface ReportText {
  readonly heading: (crm: string, tenant: string) => string;
  readonly partnersRead: string;
  readonly dealsRead: string;
  readonly evaluated: string;
  readonly promotions: string;
  readonly crmEdits: string;
  readonly written: (records: number, fields: number) => string;
  readonly failures: string;
  readonly finished: string;
  readonly stopped: (why: string) => string;
  readonly runAgain: string;
}

const TEXT: Record<Locale, ReportText> = {
  en: {
    heading: (crm, tenant) => `${crm} (${tenant})`,
    partnersRead: 'partners read',
    dealsRead: 'deals read',
    evaluated: 'journeys evaluated',
    promotions: 'promotions',
    crmEdits: 'stage edits found in the CRM',
    written: (records, fields) => `${records} records (${fields} fields)`,
    failures: 'records not written',
    finished: 'finished: the CRM is up to date',
    stopped: (why) => `stopped early: ${why}`,
    runAgain: 'Run the sync again to finish; it picks up where it stopped and writes nothing twice.',
  },
  'pt-BR': {
    heading: (crm, tenant) => `${crm} (${tenant})`,
    partnersRead: 'parceiros lidos',
    dealsRead: 'negócios lidos',
    evaluated: 'jornadas avaliadas',
    promotions: 'promoções',
    crmEdits: 'mudanças de estágio feitas no CRM',
    written: (records, fields) => `${records} registros (${fields} campos)`,
    failures: 'registros não gravados',
    finished: 'concluído: o CRM está em dia',
    stopped: (why) => `interrompido antes do fim: ${why}`,
    runAgain: 'Rode o sync de novo para terminar; ele continua de onde parou e não grava nada duas vezes.',
  },
};

const LABEL_WIDTH = 32;

/** The report `partner-journey sync` prints for one CRM connection. */
export function formatSyncReport(crm: string, tenant: string, report: SyncReport, locale: Locale): string {
  const t = TEXT[locale];
  const line = (label: string, value: string | number) => `  ${label.padEnd(LABEL_WIDTH)}${value}\n`;
  let out = `${t.heading(crm, tenant)}\n`;
  out += line(t.partnersRead, report.partnersRead);
  out += line(t.dealsRead, report.dealsRead);
  out += line(t.evaluated, report.evaluated);
  out += line(t.promotions, report.promotions);
  out += line(t.crmEdits, report.crmEdits);
  out += line(locale === 'pt-BR' ? 'gravado no CRM' : 'written to the CRM', t.written(report.recordsWritten, report.fieldsWritten));
  out += line(t.failures, report.writeFailures.length);
  for (const failure of report.writeFailures) out += `    ! ${failure.partnerId}: ${failure.code} — ${failure.message}\n`;
  out += `  ${report.stoppedEarly === null ? t.finished : t.stopped(report.stoppedEarly)}\n`;
  if (!isComplete(report)) out += `  ${t.runAgain}\n`;
  return out;
}

/** A run that read everything and wrote everything it had to. */
export function isComplete(report: SyncReport): boolean {
  return report.stoppedEarly === null && report.writeFailures.length === 0;
}
