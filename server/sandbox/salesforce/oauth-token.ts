import { createHmac, verify, type KeyObject } from 'node:crypto';
import type { SandboxUser, Sessions } from './sessions.ts';

export interface OAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The certificate's public key uploaded to the app: JWT assertions must verify against it. */
  readonly jwtPublicKey: KeyObject;
  readonly users: readonly SandboxUser[];
  /** Client credentials run as this user (the app's "Run As" user). */
  readonly runAsUserId: string;
  readonly orgId: string;
  readonly clock: () => number;
  loginUrl(): string;
  instanceUrl(): string;
}

type TokenAnswer = { readonly status: number; readonly body: Readonly<Record<string, string>> };

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ACCEPTED_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

/** `POST /services/oauth2/token`: JWT bearer and client credentials, answered as Salesforce does. */
export function answerTokenRequest(form: URLSearchParams, config: OAuthConfig, sessions: Sessions): TokenAnswer {
  const grant = form.get('grant_type');
  if (grant === JWT_BEARER) return jwtBearer(form.get('assertion') ?? '', config, sessions);
  if (grant === 'client_credentials') {
    if (form.get('client_id') !== config.clientId) return refuse('invalid_client_id', 'client identifier invalid');
    if (form.get('client_secret') !== config.clientSecret) return refuse('invalid_client', 'invalid client credentials');
    return grantFor(config.runAsUserId, config, sessions);
  }
  return refuse('unsupported_grant_type', 'grant type not supported');
}

function jwtBearer(assertion: string, config: OAuthConfig, sessions: Sessions): TokenAnswer {
  const parts = assertion.split('.');
  if (parts.length !== 3) return refuse('invalid_grant', 'invalid assertion');
  const [header, payload, signature] = parts as [string, string, string];
  const head = decodeJson(header);
  if (!head || head.alg !== 'RS256') return refuse('invalid_grant', 'invalid assertion');
  const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), config.jwtPublicKey, Buffer.from(signature, 'base64url'));
  if (!signed) return refuse('invalid_grant', 'invalid assertion');
  const claims = decodeJson(payload);
  if (!claims) return refuse('invalid_grant', 'invalid assertion');
  if (claims.iss !== config.clientId) return refuse('invalid_client_id', 'client identifier invalid');
  const audiences = [...ACCEPTED_AUDIENCES, config.loginUrl(), config.instanceUrl()];
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud.replace(/\/$/, ''))) return refuse('invalid_grant', 'audience is invalid');
  const now = Math.floor(config.clock() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return refuse('invalid_grant', 'expired authorization code');
  if (claims.exp > now + 300) return refuse('invalid_grant', 'invalid assertion: exp is too far in the future');
  const user = config.users.find((u) => u.username === claims.sub);
  if (!user) return refuse('invalid_grant', "user hasn't approved this consumer");
  return grantFor(user.id, config, sessions);
}

function grantFor(userId: string, config: OAuthConfig, sessions: Sessions): TokenAnswer {
  const accessToken = sessions.issue(userId);
  const id = `${config.loginUrl()}/id/${config.orgId}/${userId}`;
  const issuedAt = String(config.clock());
  return {
    status: 200,
    body: {
      access_token: accessToken,
      scope: 'api',
      instance_url: config.instanceUrl(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', config.clientSecret).update(id + issuedAt).digest('base64'),
    },
  };
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function refuse(error: string, description: string): TokenAnswer {
  return { status: 400, body: { error, error_description: description } };
}
