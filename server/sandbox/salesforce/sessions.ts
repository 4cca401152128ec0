import { randomBytes } from 'node:crypto';

export interface SandboxUser {
  readonly id: string;
  readonly username: string;
  readonly profile: string;
}

interface Session {
  readonly userId: string;
  readonly expiresAt: number;
}

/** Access tokens the sandbox issued, their user and their end of life. */
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly clock: () => number;
  private readonly ttlMs: number;

  constructor(clock: () => number, ttlMs: number) {
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  issue(userId: string): string {
    const token = `00D!${randomBytes(24).toString('base64url')}`;
    this.sessions.set(token, { userId, expiresAt: this.clock() + this.ttlMs });
    return token;
  }

  /** The user behind a bearer token, or null when it is unknown, expired or revoked. */
  resolve(token: string): string | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expiresAt <= this.clock()) {
      this.sessions.delete(token);
      return null;
    }
    return session.userId;
  }

  expire(token: string): void {
    this.sessions.delete(token);
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
