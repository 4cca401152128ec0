import type { TokenResponse } from 'jsforce';
import { AppError } from '../../errors/app-error.ts';
import { SALESFORCE_API_VERSION } from './api-version.ts';
import { loadPrivateKey, signJwtAssertion } from './jwt-assertion.ts';
import { MeteredConnection } from './metered-connection.ts';
import type { SalesforceConnectionConfig } from './salesforce-config.ts';
import { isNetworkFailure, toAppError, type ErrorPolicy } from './salesforce-errors.ts';
import type { SoqlFragment } from './soql.ts';

export interface SalesforceClientOptions {
  readonly connection: SalesforceConnectionConfig;
  /** Share of the daily allocation past which calls are refused (0–1). */
  readonly apiBudgetShare: number;
  readonly policy: ErrorPolicy;
  readonly clock: () => number;
}

export interface ApiUsage {
  readonly used: number;
  readonly limit: number;
}

const BATCH_HEADER = { 'Sforce-Query-Options': 'batchSize=2000' };

/**
 * Everything this folder asks of Salesforce, over one jsforce connection pinned to our API
 * version. Sign-in is lazy; a 401 re-runs the grant once (JWT and client credentials return no
 * refresh token); every call first checks the API budget; errors leave as AppError.
 */
export class SalesforceClient {
  private readonly options: SalesforceClientOptions;
  private readonly conn: MeteredConnection;
  private signedIn: Promise<void> | null = null;
  private org: string | null;
  /** When Salesforce last answered a call (and so last told us the org's usage). */
  private usageSeenAt = 0;

  constructor(options: SalesforceClientOptions) {
    this.options = options;
    const { connection } = options;
    const auth = connection.auth;
    this.org = auth.kind === 'access_token' ? auth.orgId : null;
    this.conn = new MeteredConnection({
      version: SALESFORCE_API_VERSION,
      loginUrl: connection.loginUrl,
      ...(connection.instanceUrl ? { instanceUrl: connection.instanceUrl } : {}),
      ...(auth.kind === 'access_token' ? { accessToken: auth.accessToken } : {}),
      ...(auth.kind === 'client_credentials' ? { oauth2: { clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl: connection.loginUrl } } : {}),
      ...(auth.kind === 'access_token' ? {} : { refreshFn: (_conn, callback) => void this.refresh(callback) }),
    });
    if (auth.kind === 'access_token') this.signedIn = Promise.resolve();
  }

  /** The org id, known after sign-in (or given with an access token). */
  async orgId(): Promise<string> {
    await this.signIn();
    if (this.org === null) throw new AppError('internal', 'Salesforce sign-in returned no organization id');
    return this.org;
  }

  apiCalls(): number {
    return this.conn.requestCount;
  }

  apiUsage(): ApiUsage | null {
    const usage = this.conn.limitInfo.apiUsage;
    return usage ? { used: usage.used, limit: usage.limit } : null;
  }

  /** Every record of a query, following nextRecordsUrl (autoFetch) up to an explicit cap. */
  async query(soql: SoqlFragment, options: { readonly maxRecords: number; readonly includeDeleted?: boolean }, what: string): Promise<unknown[]> {
    return this.call(what, async () => {
      const result = await this.conn.query(soql.text, {
        autoFetch: true,
        maxFetch: options.maxRecords,
        scanAll: options.includeDeleted ?? false,
        headers: BATCH_HEADER,
      });
      return result.records as unknown[];
    });
  }

  async describe(sobject: string): Promise<unknown> {
    return this.call(`describe ${sobject}`, () => this.conn.describe$(sobject));
  }

  /** Collection retrieve (≤ 2,000 ids per call); null where a record does not exist. */
  async retrieve(sobject: string, ids: readonly string[], fields: readonly string[], what: string): Promise<unknown[]> {
    return this.call(what, async () => (await this.conn.retrieve(sobject, [...ids], { fields: [...fields] })) as unknown[]);
  }

  /**
   * Collection update of the given fields only; per-record results in the order sent. jsforce
   * retries no PATCH; this one is sent once more when the connection fails before the answer,
   * which is safe because it sets absolute values (a second update writes the same ones).
   */
  async update(sobject: string, records: readonly Readonly<Record<string, unknown>>[], what: string): Promise<unknown[]> {
    const send = async () =>
      (await this.conn.sobject(sobject).update(
        records.map((r) => ({ ...r }) as { Id: string }),
        { allOrNone: false, allowRecursive: true },
      )) as unknown[];
    return this.call(what, async () => {
      try {
        return await send();
      } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        return send();
      }
    });
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    await this.signIn();
    this.checkBudget();
    try {
      return await run();
    } catch (error) {
      throw toAppError(error, what, this.options.policy);
    } finally {
      this.usageSeenAt = this.options.clock();
    }
  }

  /**
   * Stops before the org's daily allocation is used past our share, with a message an admin can
   * act on. The usage we know comes with each answer, so once stopped, one call is let through
   * after the back-off to learn whether the rolling 24 hours freed some: otherwise a long-lived
   * connection would stay stopped on a figure that no longer holds.
   */
  private checkBudget(): void {
    const usage = this.apiUsage();
    if (!usage || usage.limit <= 0) return;
    const share = usage.used / usage.limit;
    if (share < this.options.apiBudgetShare) return;
    if (this.options.clock() - this.usageSeenAt >= this.options.policy.rateLimitBackoffMs) return;
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    throw new AppError(
      'rate_limited',
      `Stopped to protect the org's API allocation: ${usage.used.toLocaleString('en')} of ${usage.limit.toLocaleString('en')} daily Salesforce API calls used (${percent(share)}), and Partner Journey may use up to ${percent(this.options.apiBudgetShare)} (SALESFORCE_API_BUDGET). The sync resumes when usage falls.`,
      { retryAfterMs: this.options.policy.rateLimitBackoffMs },
    );
  }

  private signIn(): Promise<void> {
    this.signedIn ??= this.grant().then(
      () => undefined,
      (error: unknown) => {
        this.signedIn = null;
        throw toAppError(error, 'sign in', this.options.policy);
      },
    );
    return this.signedIn;
  }

  /** Runs the configured grant; the first time it also establishes the instance URL and org. */
  private async grant(): Promise<TokenResponse> {
    const { auth } = this.options.connection;
    if (auth.kind === 'access_token') throw new AppError('unauthorized', 'the Salesforce user session expired; reload the record page');
    const params: { grant_type: string; [name: string]: string } =
      auth.kind === 'jwt'
        ? {
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion: signJwtAssertion(auth, await loadPrivateKey(auth.privateKey), this.options.clock()),
          }
        : { grant_type: 'client_credentials' };
    const token = await this.conn.oauth2.requestToken(params);
    const [orgId] = token.id.split('/').slice(-2);
    this.conn.instanceUrl = token.instance_url;
    this.conn.accessToken = token.access_token;
    this.org = orgId ?? null;
    return token;
  }

  private async refresh(callback: (error: Error | null, accessToken?: string, response?: TokenResponse) => void): Promise<void> {
    if (this.conn.refreshesSinceSuccess >= 1) {
      callback(new Error('Salesforce rejected a freshly issued session; not refreshing again'));
      return;
    }
    this.conn.refreshesSinceSuccess += 1;
    try {
      const token = await this.grant();
      callback(null, token.access_token, token);
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
