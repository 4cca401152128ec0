import { describe, expect, it } from 'vitest';
import { InMemorySessionStore } from '../../server/auth/session-store.ts';
import type { Viewer } from '../../server/auth/viewer.ts';

const viewer: Viewer = { tenant: 'salesforce:00D1', userId: '005x', actor: 'ana@example.com', role: 'rep', locale: 'pt-BR' };

describe('in-memory sessions', () => {
  it('resolves a token to its viewer until it expires, and never after', () => {
    const clock = { now: 1_000 };
    const sessions = new InMemorySessionStore({ ttlMs: 60_000, now: () => clock.now });
    const { token, expiresAt } = sessions.open({ ...viewer, record: { objectType: 'deal', objectId: '006x' } });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe(61_000);
    expect(sessions.resolve(token)).toEqual({ ...viewer, record: { objectType: 'deal', objectId: '006x' } });
    clock.now = 61_000;
    expect(sessions.resolve(token)).toBeNull();
  });

  it('lets a caller shorten a session but not lengthen it past the store’s time to live', () => {
    const sessions = new InMemorySessionStore({ ttlMs: 60_000, now: () => 0 });
    expect(sessions.open(viewer, { ttlMs: 5_000 }).expiresAt).toBe(5_000);
    expect(sessions.open(viewer, { ttlMs: 600_000 }).expiresAt).toBe(60_000);
  });

  it('forgets revoked tokens and drops the oldest sessions beyond its capacity', () => {
    const sessions = new InMemorySessionStore({ maxSessions: 2 });
    const a = sessions.open(viewer).token;
    const b = sessions.open(viewer).token;
    sessions.revoke(b);
    expect(sessions.resolve(b)).toBeNull();
    const c = sessions.open(viewer).token;
    const d = sessions.open(viewer).token;
    expect([sessions.resolve(a), sessions.resolve(c), sessions.resolve(d)].map(Boolean)).toEqual([false, true, true]);
  });

  it('keeps a CRM user session with the viewer on the server, apart from the viewer it resolves to', () => {
    const sessions = new InMemorySessionStore({ now: () => 0 });
    const crmUser = { crm: 'salesforce' as const, orgId: '00D1', instanceUrl: 'https://example.my.salesforce.com', accessToken: '00D1!secret' };
    const { token } = sessions.open({ ...viewer, crmUser });
    expect(sessions.resolve(token)).toEqual(viewer);
    expect(sessions.lookup(token)).toEqual({ viewer, crmUser });
    expect(sessions.lookup(sessions.open(viewer).token)).toEqual({ viewer, crmUser: null });
  });
});
