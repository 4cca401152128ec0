import { z } from 'zod';
import { parseOrThrow } from '../../errors/app-error.ts';

/** How the sync signs in; the Canvas flow uses the viewing user's token instead. */
export type SalesforceAuth =
  | { readonly kind: 'jwt'; readonly clientId: string; readonly username: string; readonly privateKey: PrivateKeySource; readonly audience: string }
  | { readonly kind: 'client_credentials'; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'access_token'; readonly accessToken: string; readonly orgId: string };

export type PrivateKeySource = { readonly pem: string } | { readonly file: string };

export interface SalesforceConnectionConfig {
  /** Where the token endpoint lives: login.salesforce.com, test.salesforce.com or the org's My Domain. */
  readonly loginUrl: string;
  /** The org's My Domain URL; given for access tokens, otherwise taken from the token response. */
  readonly instanceUrl?: string;
  readonly auth: SalesforceAuth;
}

export interface SalesforceEnvConfig extends SalesforceConnectionConfig {
  /** Share of the org's daily API allocation past which the sync stops (0–1). */
  readonly apiBudgetShare: number;
}

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((u) => u.replace(/\/+$/, ''));
const text = z.string().trim().min(1, { error: 'must not be empty' });

/** SALESFORCE_* as the server's env.ts and the CLI receive them. */
export const salesforceEnvSchema = z
  .object({
    SALESFORCE_LOGIN_URL: url.default('https://login.salesforce.com'),
    SALESFORCE_INSTANCE_URL: url.optional(),
    SALESFORCE_AUTH_FLOW: z.enum(['jwt', 'client_credentials'], { error: 'must be jwt or client_credentials' }).optional(),
    SALESFORCE_CLIENT_ID: text.optional(),
    SALESFORCE_CLIENT_SECRET: text.optional(),
    SALESFORCE_USERNAME: text.optional(),
    SALESFORCE_PRIVATE_KEY: text.optional(),
    SALESFORCE_PRIVATE_KEY_FILE: text.optional(),
    SALESFORCE_JWT_AUDIENCE: url.optional(),
    SALESFORCE_API_BUDGET: z.coerce.number({ error: 'must be a number' }).gt(0, { error: 'must be above 0' }).max(1, { error: 'must be at most 1 (a share, e.g. 0.5)' }).default(0.5),
  })
  .superRefine((env, ctx) => {
    const flow = env.SALESFORCE_AUTH_FLOW ?? (env.SALESFORCE_PRIVATE_KEY || env.SALESFORCE_PRIVATE_KEY_FILE ? 'jwt' : 'client_credentials');
    const need = (key: keyof typeof env, why: string) => {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${why}` });
    };
    need('SALESFORCE_CLIENT_ID', '(the consumer key of the Partner Journey app)');
    if (flow === 'jwt') {
      need('SALESFORCE_USERNAME', 'for the JWT bearer flow (the integration user)');
      if (!env.SALESFORCE_PRIVATE_KEY && !env.SALESFORCE_PRIVATE_KEY_FILE) {
        ctx.addIssue({ code: 'custom', path: ['SALESFORCE_PRIVATE_KEY'], message: 'or SALESFORCE_PRIVATE_KEY_FILE is required for the JWT bearer flow' });
      }
    } else {
      need('SALESFORCE_CLIENT_SECRET', 'for the client credentials flow');
      need('SALESFORCE_INSTANCE_URL', "for the client credentials flow (the org's My Domain URL)");
    }
  });

export function parseSalesforceEnv(env: Readonly<Record<string, string | undefined>>): SalesforceEnvConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SALESFORCE_') && v !== undefined && v !== ''));
  const e = parseOrThrow(salesforceEnvSchema, present, 'Salesforce settings');
  const flow = e.SALESFORCE_AUTH_FLOW ?? (e.SALESFORCE_PRIVATE_KEY || e.SALESFORCE_PRIVATE_KEY_FILE ? 'jwt' : 'client_credentials');
  const clientId = e.SALESFORCE_CLIENT_ID as string;
  if (flow === 'client_credentials') {
    const myDomain = e.SALESFORCE_INSTANCE_URL as string;
    return { loginUrl: myDomain, instanceUrl: myDomain, auth: { kind: 'client_credentials', clientId, clientSecret: e.SALESFORCE_CLIENT_SECRET as string }, apiBudgetShare: e.SALESFORCE_API_BUDGET };
  }
  const privateKey: PrivateKeySource = e.SALESFORCE_PRIVATE_KEY ? { pem: e.SALESFORCE_PRIVATE_KEY.replace(/\\n/g, '\n') } : { file: e.SALESFORCE_PRIVATE_KEY_FILE as string };
  return {
    loginUrl: e.SALESFORCE_LOGIN_URL,
    ...(e.SALESFORCE_INSTANCE_URL ? { instanceUrl: e.SALESFORCE_INSTANCE_URL } : {}),
    auth: { kind: 'jwt', clientId, username: e.SALESFORCE_USERNAME as string, privateKey, audience: e.SALESFORCE_JWT_AUDIENCE ?? jwtAudience(e.SALESFORCE_LOGIN_URL) },
    apiBudgetShare: e.SALESFORCE_API_BUDGET,
  };
}

/** Salesforce wants login.salesforce.com as the audience, or test.salesforce.com for sandboxes. */
export function jwtAudience(loginUrl: string): string {
  const host = new URL(loginUrl).hostname;
  return host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com') ? 'https://test.salesforce.com' : 'https://login.salesforce.com';
}
