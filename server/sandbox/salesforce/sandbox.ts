import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, type FaultOptions } from './faults.ts';
import { apiError, HttpFailure, readBody, sendJson } from './http-kit.ts';
import { salesforceId } from './ids.ts';
import { answerTokenRequest, type OAuthConfig } from './oauth-token.ts';
import { buildOrgObjects, type OrgShape } from './org-objects.ts';
import { OrgFile } from './org-file.ts';
import { OrgStore } from './org-store.ts';
import { QueryCursors } from './query-cursors.ts';
import { endpointOf, routeRest } from './rest-routes.ts';
import { SandboxState } from './sandbox-state.ts';
import { loadSeed, type SandboxSeed } from './seed.ts';
import { Sessions, type SandboxUser } from './sessions.ts';

export interface SalesforceSandboxOptions {
  readonly seed?: SandboxSeed;
  readonly org?: OrgShape;
  readonly faults?: FaultOptions;
  /** The daily API allocation (Sforce-Limit-Info's M) and the calls already used today. */
  readonly dailyApiLimit?: number;
  readonly apiUsed?: number;
  /** Distinguishes orgs when a test runs several sandboxes. */
  readonly orgNumber?: number;
  readonly clock?: () => number;
  readonly sessionTtlMs?: number;
  /** The newest API version this org serves (default 66.0). */
  readonly latestApiVersion?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** PEM of the certificate key uploaded to the app; a key pair is generated when absent. */
  readonly jwtPublicKeyPem?: string;
  /**
   * Field-level security per profile: the `Object.Field` names its users may read but not edit
   * (profiles: Integration User, System Administrator, Channel Manager, Standard User).
   */
  readonly readOnlyFieldsByProfile?: Readonly<Record<string, readonly string[]>>;
  /**
   * Keeps the org in this JSON file: loaded at start when it exists (the seed is then not
   * loaded again), saved after changes and on close.
   */
  readonly dataFile?: string;
}

export interface SandboxCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The integration user the JWT bearer flow signs in as. */
  readonly username: string;
  /** PEM private key matching the app's certificate (absent when the caller supplied its own public key). */
  readonly privateKeyPem: string | null;
}

export interface SalesforceSandbox {
  readonly instanceUrl: string;
  readonly loginUrl: string;
  readonly orgId: string;
  readonly credentials: SandboxCredentials;
  readonly state: SandboxState;
  close(): Promise<void>;
}

const MAX_URI_BYTES = 16_384;
const MIN_API_VERSION = 31;

/**
 * A local stand-in for a Salesforce org, speaking the REST paths jsforce 3 uses. Two listeners,
 * as in Salesforce: the login host (token endpoint only) and the org's My Domain instance.
 */
export async function startSalesforceSandbox(options: SalesforceSandboxOptions = {}): Promise<SalesforceSandbox> {
  const clock = options.clock ?? Date.now;
  const orgNumber = options.orgNumber ?? 1;
  const orgId = salesforceId('00D', orgNumber);
  const users: SandboxUser[] = [
    { id: salesforceId('005', orgNumber * 10 + 1), username: `integration@org${orgNumber}.sandbox`, profile: 'Integration User' },
    { id: salesforceId('005', orgNumber * 10 + 2), username: `admin@org${orgNumber}.sandbox`, profile: 'System Administrator' },
    { id: salesforceId('005', orgNumber * 10 + 3), username: `manager@org${orgNumber}.sandbox`, profile: 'Channel Manager' },
    { id: salesforceId('005', orgNumber * 10 + 4), username: `rep@org${orgNumber}.sandbox`, profile: 'Standard User' },
  ];
  const [integration, admin] = users as [SandboxUser, SandboxUser];
  const { publicKey, privateKeyPem } = keys(options.jwtPublicKeyPem);
  const credentials: SandboxCredentials = {
    clientId: options.clientId ?? `3MVG9sandbox${orgNumber}`,
    clientSecret: options.clientSecret ?? `sandbox-secret-${orgNumber}`,
    username: integration.username,
    privateKeyPem,
  };

  const readOnly = new Map(Object.entries(options.readOnlyFieldsByProfile ?? {}).map(([profile, fields]) => [profile, new Set(fields)]));
  const profileOf = new Map(users.map((u) => [u.id, u.profile]));
  const store = new OrgStore(buildOrgObjects(options.org), clock, (userId) => readOnly.get(profileOf.get(userId) ?? '') ?? new Set());
  const saved = options.dataFile ? await OrgFile.load(options.dataFile) : null;
  if (saved) store.restore(saved.snapshot);
  const seedIds = saved?.seedIds ?? (options.seed ? loadSeed(store, options.seed, admin.id) : new Map<string, string>());
  const file = options.dataFile ? new OrgFile(options.dataFile, () => ({ snapshot: store.snapshot(), seedIds })) : null;
  if (file) {
    if (!saved) await file.save();
    store.onChange = () => file.schedule();
  }
  const sessions = new Sessions(clock, options.sessionTtlMs ?? 2 * 3_600_000);
  const faults = new Faults(options.faults);
  const state = new SandboxState({
    store,
    faults,
    users,
    orgId,
    sessions,
    seedIds,
    apiUsage: { used: options.apiUsed ?? 0, limit: options.dailyApiLimit ?? 15_000 },
  });
  const cursors = new QueryCursors();
  const latest = Number(options.latestApiVersion ?? '66.0');

  const urls = { login: '', instance: '' };
  const oauth: OAuthConfig = {
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    jwtPublicKey: publicKey,
    users,
    runAsUserId: integration.id,
    orgId,
    clock,
    loginUrl: () => urls.login,
    instanceUrl: () => urls.instance,
  };

  const handle = (isLoginHost: boolean) => async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    let userId: string | null = null;
    let endpoint = `${method} ${url.pathname}`;
    const limitHeader = () => {
      const { used, limit } = state.apiUsage();
      return { 'sforce-limit-info': `api-usage=${used}/${limit}` };
    };
    let status = 500;
    try {
      if (url.pathname === '/services/oauth2/token' && method === 'POST') {
        endpoint = 'POST token';
        const answer = answerTokenRequest(new URLSearchParams(await readBody(req)), oauth, sessions);
        status = answer.status;
        sendJson(res, status, answer.body);
        return;
      }
      const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
      if (isLoginHost || !match) throw apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (Buffer.byteLength(req.url ?? '') > MAX_URI_BYTES) throw apiError(414, 'URI_TOO_LONG', 'URI Too Long');
      const version = match[1] as string;
      endpoint = endpointOf(method, match[2] ?? '/');
      if (Number(version) > latest || Number(version) < MIN_API_VERSION) throw apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const fault = faults.forRequest();
      if (fault === 'expire-session') sessions.expire(token);
      userId = sessions.resolve(token);
      if (userId === null) throw apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      if (fault === 'unavailable') throw apiError(503, 'SERVER_UNAVAILABLE', 'The server is temporarily unable to handle the request.');
      if (fault === 'request-limit' || !state.chargeApiCall()) {
        throw apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      }
      const answer = await routeRest({ req, method, path: match[2] ?? '/', query: url.searchParams, version, userId }, { store, cursors, faults, apiUsage: () => state.apiUsage() });
      if (fault === 'drop-connection') {
        status = 0;
        res.socket?.destroy();
        return;
      }
      status = answer.status;
      sendJson(res, status, answer.body, limitHeader());
    } catch (error) {
      const failure = error instanceof HttpFailure ? error : apiError(500, 'UNKNOWN_EXCEPTION', error instanceof Error ? error.message : String(error));
      status = failure.status;
      sendJson(res, status, failure.body, url.pathname.startsWith('/services/data/') ? limitHeader() : {});
    } finally {
      state.noteRequest({ method, path: url.pathname, endpoint, status, userId });
    }
  };

  // Idle connections stay open a minute, as Salesforce's edge keeps them: Node's 5-second default
  // closes them while a sync is busy evaluating, racing the client's next request on that socket.
  const serverOptions = { maxHeaderSize: 64 * 1024, keepAliveTimeout: 60_000 };
  const loginServer = createServer(serverOptions, handle(true));
  const instanceServer = createServer(serverOptions, handle(false));
  urls.login = `http://localhost:${await listen(loginServer)}`;
  urls.instance = `http://127.0.0.1:${await listen(instanceServer)}`;
  return {
    instanceUrl: urls.instance,
    loginUrl: urls.login,
    orgId,
    credentials,
    state,
    close: async () => {
      await Promise.all([stop(loginServer), stop(instanceServer)]);
      await file?.save();
    },
  };
}

function keys(publicKeyPem: string | undefined): { publicKey: KeyObject; privateKeyPem: string | null } {
  if (publicKeyPem) return { publicKey: createPublicKey(publicKeyPem), privateKeyPem: null };
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKey: pair.publicKey, privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
