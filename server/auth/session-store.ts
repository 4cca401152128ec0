import { createHash, randomBytes } from 'node:crypto';
import type { CrmUserSession } from '../crm/user-stage-writer.ts';
import type { Viewer } from './viewer.ts';

/**
 * Short-lived, opaque bearer sessions for the web card: the preview opens them for the demo
 * tenant; the Salesforce Canvas route opens record-bound ones after verifying a signed request.
 * A session holds the viewer, plus their own CRM session when the CRM handed us one (Canvas).
 */
export interface SessionGrant extends Viewer {
  readonly crmUser?: CrmUserSession | undefined;
}

export interface ResolvedSession {
  readonly viewer: Viewer;
  readonly crmUser: CrmUserSession | null;
}

export interface OpenedSession {
  readonly token: string;
  readonly expiresAt: number;
}

export interface SessionStore {
  open(grant: SessionGrant, options?: { readonly ttlMs?: number }): OpenedSession;
  /** The session's viewer, or null when the token is unknown or expired. */
  resolve(token: string): Viewer | null;
  /** The viewer and the CRM session kept with it, or null when the token is unknown or expired. */
  lookup(token: string): ResolvedSession | null;
  revoke(token: string): void;
}

export interface InMemorySessionStoreOptions {
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** Oldest sessions are dropped beyond this, so a flood of opens cannot exhaust memory. */
  readonly maxSessions?: number;
}

export const DEFAULT_SESSION_TTL_MS = 30 * 60_000;

/** Sessions live in this process only: a restart signs every card out, which a short TTL makes cheap. */
export class InMemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, { viewer: Viewer; crmUser: CrmUserSession | null; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #max: number;
  #lastSweep = 0;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.#now = options.now ?? Date.now;
    this.#max = options.maxSessions ?? 50_000;
  }

  open(grant: SessionGrant, options: { readonly ttlMs?: number } = {}): OpenedSession {
    this.#sweep();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#now() + Math.min(options.ttlMs ?? this.#ttlMs, this.#ttlMs);
    const { crmUser, ...viewer } = grant;
    this.#sessions.set(digest(token), { viewer, crmUser: crmUser ?? null, expiresAt });
    while (this.#sessions.size > this.#max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      this.#sessions.delete(oldest);
    }
    return { token, expiresAt };
  }

  resolve(token: string): Viewer | null {
    return this.lookup(token)?.viewer ?? null;
  }

  lookup(token: string): ResolvedSession | null {
    const key = digest(token);
    const session = this.#sessions.get(key);
    if (!session) return null;
    if (session.expiresAt <= this.#now()) {
      this.#sessions.delete(key);
      return null;
    }
    return { viewer: session.viewer, crmUser: session.crmUser };
  }

  revoke(token: string): void {
    this.#sessions.delete(digest(token));
  }

  #sweep(): void {
    const now = this.#now();
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, session] of this.#sessions) if (session.expiresAt <= now) this.#sessions.delete(key);
  }
}

/** Only a hash of each token is kept, so a heap dump does not hand out live sessions. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
