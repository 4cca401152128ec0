import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import { describeIssues, type FieldProblem } from '../../shared/validation/issues.ts';
import { DEFAULT_FRAME_ANCESTORS, frameAncestorsSchema } from '../crm/salesforce/canvas-frame-ancestors.ts';
import { parseSalesforceEnv, type SalesforceEnvConfig } from '../crm/salesforce/salesforce-config.ts';
import { AppError } from '../errors/app-error.ts';
import { channelManagersSchema, NO_CHANNEL_MANAGERS, type ChannelManagers } from './channel-managers.ts';
import { loadRulesFile } from './rules-file.ts';

/**
 * The service's configuration, parsed once at startup. This is the only module that reads
 * `process.env`; everything else receives the typed `AppConfig`.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional();

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value))
  .optional();

const envSchema = z.object({
  PORT: optionalText.pipe(z.coerce.number<string | undefined>({ error: 'must be a port number' }).int().min(0).max(65_535).default(3000)),
  HOST: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL (leave it unset for the embedded PGlite database)' })
      .optional(),
  ),
  DATA_DIR: optionalText,
  PUBLIC_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be the http(s) origin the CRMs call, e.g. https://partners.example.com' })
      .refine((url) => !/[?#]/.test(url), { error: 'must not carry a query or fragment' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_ACCESS_TOKEN: optionalText,
  HUBSPOT_BASE_URL: optionalText.pipe(httpUrl('the HubSpot API base')),
  // The portal's budget is shared by every app in it: ours stays under these.
  HUBSPOT_REQUESTS_PER_10S: optionalText.pipe(z.coerce.number<string | undefined>({ error: 'must be a number of requests' }).int().min(1).max(1_000).default(100)),
  HUBSPOT_SEARCHES_PER_SECOND: optionalText.pipe(z.coerce.number<string | undefined>({ error: 'must be a number of searches' }).int().min(1).max(50).default(4)),
  SYNC_INTERVAL_MINUTES: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: 'must be a number of minutes (0 turns the schedule off)' }).int().min(0).max(7 * 24 * 60).default(15),
  ),
  CRM_LOCALE: optionalText.pipe(z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en')),
  // The connection's SALESFORCE_* variables are parsed by the Salesforce adapter's own schema (below).
  SALESFORCE_CONSUMER_SECRET: optionalText,
  SALESFORCE_FRAME_ANCESTORS: optionalText.pipe(frameAncestorsSchema.optional()),
  CHANNEL_MANAGERS: optionalText,
  CHANNEL_MANAGERS_FILE: optionalText,
  RULES_FILE: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
  DEMO: optionalText.pipe(flag),
});

type Env = z.output<typeof envSchema>;

export type DatabaseConfig = { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };

export interface AppConfig {
  readonly port: number;
  readonly host: string | undefined;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly publicBaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly hubspot: {
    readonly clientSecret: string | undefined;
    readonly accessToken: string | undefined;
    readonly baseUrl: string | undefined;
    /** Our client-side budget in the portal. */
    readonly limits: { readonly requestsPer10s: number; readonly searchesPerSecond: number };
  };
  readonly salesforce: {
    /** The sync's connection, when the org's credentials are configured. */
    readonly connection: SalesforceEnvConfig | undefined;
    /** Verifies Canvas signed requests. */
    readonly consumerSecret: string | undefined;
    /** Origins that may frame the Canvas card (CSP frame-ancestors). */
    readonly frameAncestors: readonly string[];
  };
  readonly channelManagers: ChannelManagers;
  readonly rules: RulesDocument | undefined;
  readonly sync: {
    /** Between scheduled syncs inside `serve`; 0 turns the schedule off. */
    readonly intervalMs: number;
    /** Language of what the sync writes to the CRM (next action) and of its history reasons. */
    readonly locale: Locale;
  };
  /** Demo mode: a seeded demo tenant and `/preview`. On when no CRM credentials are configured. */
  readonly demo: boolean;
}

/** Parses the environment, failing with every offending variable named. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<AppConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw invalid(describeIssues(parsed.error));
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR ?? './.data');
  const salesforce = salesforceConnection(env);
  const hasCrmCredentials = Boolean(e.HUBSPOT_ACCESS_TOKEN) || salesforce !== undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir },
    dataDir,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
    hubspot: {
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      accessToken: e.HUBSPOT_ACCESS_TOKEN,
      baseUrl: e.HUBSPOT_BASE_URL,
      limits: { requestsPer10s: e.HUBSPOT_REQUESTS_PER_10S, searchesPerSecond: e.HUBSPOT_SEARCHES_PER_SECOND },
    },
    salesforce: {
      connection: salesforce,
      consumerSecret: e.SALESFORCE_CONSUMER_SECRET,
      frameAncestors: e.SALESFORCE_FRAME_ANCESTORS ?? [...DEFAULT_FRAME_ANCESTORS],
    },
    channelManagers: await loadChannelManagers(e),
    rules: e.RULES_FILE ? await loadRulesFile(e.RULES_FILE) : undefined,
    sync: { intervalMs: e.SYNC_INTERVAL_MINUTES * 60_000, locale: e.CRM_LOCALE },
    demo: e.DEMO ?? !hasCrmCredentials,
  };
}

/** Configured as soon as one of the sync's credentials is set; then every variable the flow needs must be. */
function salesforceConnection(env: NodeJS.ProcessEnv): SalesforceEnvConfig | undefined {
  const credentials = ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET', 'SALESFORCE_USERNAME', 'SALESFORCE_PRIVATE_KEY', 'SALESFORCE_PRIVATE_KEY_FILE'];
  if (!credentials.some((name) => env[name]?.trim())) return undefined;
  try {
    return parseSalesforceEnv(env);
  } catch (error) {
    if (error instanceof AppError) throw invalid(error.problems);
    throw error;
  }
}

async function loadChannelManagers(e: Env): Promise<ChannelManagers> {
  if (e.CHANNEL_MANAGERS && e.CHANNEL_MANAGERS_FILE) {
    throw invalid([{ field: 'CHANNEL_MANAGERS_FILE', problem: 'set either CHANNEL_MANAGERS or CHANNEL_MANAGERS_FILE, not both' }]);
  }
  if (e.CHANNEL_MANAGERS) return parseChannelManagers(e.CHANNEL_MANAGERS, 'CHANNEL_MANAGERS');
  if (e.CHANNEL_MANAGERS_FILE) {
    let text: string;
    try {
      text = await readFile(e.CHANNEL_MANAGERS_FILE, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw invalid([{ field: 'CHANNEL_MANAGERS_FILE', problem: `cannot read ${e.CHANNEL_MANAGERS_FILE} (${code})` }]);
    }
    return parseChannelManagers(text, 'CHANNEL_MANAGERS_FILE');
  }
  return NO_CHANNEL_MANAGERS;
}

function parseChannelManagers(text: string, variable: string): ChannelManagers {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid([
      { field: variable, problem: 'is not valid JSON; expected {"hubspot":{"userIds":[],"emails":[]},"salesforce":{"userIds":[],"profiles":[]}}' },
    ]);
  }
  const result = channelManagersSchema.safeParse(json);
  if (!result.success) throw invalid(describeIssues(result.error, variable));
  return result.data;
}

function invalid(problems: readonly FieldProblem[]): AppError {
  return new AppError('misconfigured', 'the service configuration is invalid', { problems });
}

/** What is safe to log about the configuration: no secrets, only whether they are set. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    database: config.database.kind === 'postgres' ? 'postgres' : `pglite:${config.database.dataDir}`,
    publicBaseUrl: config.publicBaseUrl ?? null,
    hubspotSecretSet: config.hubspot.clientSecret !== undefined,
    hubspotTokenSet: config.hubspot.accessToken !== undefined,
    salesforceConnection: config.salesforce.connection?.auth.kind ?? null,
    salesforceConsumerSecretSet: config.salesforce.consumerSecret !== undefined,
    salesforceFrameAncestors: config.salesforce.frameAncestors,
    rulesFile: config.rules !== undefined,
    syncIntervalMinutes: config.sync.intervalMs / 60_000,
    crmLocale: config.sync.locale,
    demo: config.demo,
  };
}
