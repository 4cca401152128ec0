import type { Faults } from './faults.ts';
import type { SalesforceRecord, SalesforceValue } from './org-schema.ts';
import type { OrgStore } from './org-store.ts';
import type { SandboxUser, Sessions } from './sessions.ts';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** `GET query`, `PATCH composite/sobjects`, `POST token`… */
  readonly endpoint: string;
  readonly status: number;
  readonly userId: string | null;
}

/** What tests and the demo see of the sandbox: records, people's edits, faults, sessions and counts. */
export class SandboxState {
  readonly store: OrgStore;
  readonly faults: Faults;
  readonly users: readonly SandboxUser[];
  readonly orgId: string;
  private readonly sessions: Sessions;
  private readonly seedIds: ReadonlyMap<string, string>;
  private readonly log: LoggedRequest[] = [];
  private used: number;
  private limit: number;

  constructor(init: {
    store: OrgStore;
    faults: Faults;
    users: readonly SandboxUser[];
    orgId: string;
    sessions: Sessions;
    seedIds: ReadonlyMap<string, string>;
    apiUsage: { used: number; limit: number };
  }) {
    this.store = init.store;
    this.faults = init.faults;
    this.users = init.users;
    this.orgId = init.orgId;
    this.sessions = init.sessions;
    this.seedIds = init.seedIds;
    this.used = init.apiUsage.used;
    this.limit = init.apiUsage.limit;
  }

  /** The record id a seed key became. */
  idOf(key: string): string {
    const id = this.seedIds.get(key);
    if (!id) throw new Error(`no seeded record for key ${key}`);
    return id;
  }

  /** A user by username, id or the name before the @ (`admin`, `manager`, `rep`, `integration`). */
  user(username: string): SandboxUser {
    const user = this.users.find((u) => u.username === username || u.id === username || u.username.split('@')[0] === username);
    if (!user) throw new Error(`no sandbox user ${username}`);
    return user;
  }

  /** A copy of a record as stored, deleted ones included. */
  record(sobject: string, id: string): SalesforceRecord | undefined {
    const record = this.store.get(sobject, id);
    return record ? { ...record } : undefined;
  }

  /** A person edits a record in Salesforce (validated like an API write; moves SystemModstamp). */
  edit(sobject: string, id: string, fields: Readonly<Record<string, SalesforceValue>>, username = 'admin'): void {
    const outcome = this.store.update(sobject, id, fields, this.user(username).id);
    if ('error' in outcome) throw new Error(`${outcome.error.statusCode}: ${outcome.error.message}`);
  }

  create(sobject: string, fields: Readonly<Record<string, SalesforceValue>>, username = 'admin'): string {
    const outcome = this.store.create(sobject, fields, this.user(username).id);
    if ('error' in outcome) throw new Error(`${outcome.error.statusCode}: ${outcome.error.message}`);
    return outcome.id;
  }

  remove(sobject: string, id: string, username = 'admin'): void {
    const outcome = this.store.delete(sobject, id, this.user(username).id);
    if ('error' in outcome) throw new Error(`${outcome.error.statusCode}: ${outcome.error.message}`);
  }

  /** An access token for this user, as a Canvas signed request or a login would carry. */
  tokenFor(username: string): string {
    return this.sessions.issue(this.user(username).id);
  }

  expireSessions(): void {
    this.sessions.expireAll();
  }

  apiUsage(): { used: number; limit: number } {
    return { used: this.used, limit: this.limit };
  }

  setApiUsage(used: number, limit = this.limit): void {
    this.used = used;
    this.limit = limit;
  }

  /** Counts one REST call against the daily allocation; false when the allocation is spent. */
  chargeApiCall(): boolean {
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  noteRequest(entry: LoggedRequest): void {
    this.log.push(entry);
  }

  requests(): readonly LoggedRequest[] {
    return this.log;
  }

  endpointCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.log) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
    return counts;
  }

  clearRequests(): void {
    this.log.length = 0;
  }
}
