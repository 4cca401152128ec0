import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { HubspotApis } from './hubspot-client.ts';
import { chunk, mapLimit } from './batching.ts';
import { PARTNER_LABEL, type HubspotObjectType } from './property-definitions.ts';
import type { RequestRunner } from './request-runner.ts';

export const ASSOCIATION_BATCH = 100;

const labelsSchema = z.object({
  results: z.array(z.object({ typeId: z.number().int(), label: z.string().nullish(), category: z.string() }).loose()),
});

const batchSchema = z.object({
  results: z.array(
    z
      .object({
        _from: z.object({ id: z.string() }).loose(),
        to: z.array(
          z
            .object({
              toObjectId: z.union([z.string(), z.number()]).transform(String),
              associationTypes: z.array(z.object({ typeId: z.number().int(), category: z.string() }).loose()),
            })
            .loose(),
        ),
        paging: z.object({ next: z.object({ after: z.string() }).loose().optional() }).loose().optional(),
      })
      .loose(),
  ),
});

/**
 * Reads which records are linked with the user-defined "Partner" label, in batches of 100 inputs
 * with HubSpot's per-input paging, never one call per record.
 */
export class PartnerLinks {
  private readonly apis: HubspotApis;
  private readonly runner: RequestRunner;
  private readonly concurrency: number;
  private readonly typeIds = new Map<string, Promise<number>>();

  constructor(apis: HubspotApis, runner: RequestRunner, concurrency: number) {
    this.apis = apis;
    this.runner = runner;
    this.concurrency = concurrency;
  }

  /** The label's typeId in one direction; read once per adapter. */
  typeId(from: HubspotObjectType, to: HubspotObjectType): Promise<number> {
    const key = `${from}->${to}`;
    let pending = this.typeIds.get(key);
    if (!pending) {
      pending = this.lookUp(from, to);
      pending.catch(() => this.typeIds.delete(key));
      this.typeIds.set(key, pending);
    }
    return pending;
  }

  private async lookUp(from: HubspotObjectType, to: HubspotObjectType): Promise<number> {
    const raw = await this.runner.run(`read the ${from}→${to} association labels`, 'general', () => this.apis.labels.getAll(from, to));
    const labels = labelsSchema.parse(raw);
    const found = labels.results.find((l) => l.category === 'USER_DEFINED' && l.label === PARTNER_LABEL.label);
    if (!found) {
      throw new AppError('misconfigured', `HubSpot has no "${PARTNER_LABEL.label}" association label between ${from} and ${to}; run: partner-journey setup --crm hubspot`);
    }
    return found.typeId;
  }

  /** For each of `ids`, the records on the `to` side that carry the "Partner" label (ids with none are left out). */
  async read(from: HubspotObjectType, to: HubspotObjectType, ids: readonly string[]): Promise<Map<string, string[]>> {
    const linked = new Map<string, string[]>();
    if (ids.length === 0) return linked;
    const typeId = await this.typeId(from, to);
    let pending: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
    while (pending.length > 0) {
      const pages = await mapLimit(chunk(pending, ASSOCIATION_BATCH), this.concurrency, (inputs) =>
        this.runner.run(`read ${from}→${to} associations`, 'general', () => this.apis.associations.getPage(from, to, { inputs })),
      );
      const next: { id: string; after: string }[] = [];
      for (const raw of pages) {
        // A 207 lists records without associations under `errors`: nothing to add for them.
        const page = batchSchema.parse(raw);
        for (const result of page.results) {
          const fromId = result._from.id;
          for (const target of result.to) {
            if (!target.associationTypes.some((t) => t.typeId === typeId)) continue;
            const list = linked.get(fromId) ?? [];
            list.push(target.toObjectId);
            linked.set(fromId, list);
          }
          const after = result.paging?.next?.after;
          if (after) next.push({ id: fromId, after });
        }
      }
      pending = next;
    }
    return linked;
  }
}
