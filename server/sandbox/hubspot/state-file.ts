import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../../shared/validation/issues.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SandboxState } from './sandbox-state.ts';

/**
 * The sandbox's portal on disk (records, our schema, labels, links), so the demo CRM keeps what
 * people and the sync changed across restarts. Written whole to a temporary file, then renamed.
 */
const objectType = z.enum(['companies', 'deals']);
const perType = <T extends z.ZodType>(item: T) => z.object({ companies: z.array(item), deals: z.array(item) });

const recordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  properties: z.record(z.string(), z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  archived: z.boolean(),
  archivedAt: z.number().nullable(),
});

const propertySchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string(),
  options: z.array(z.object({ label: z.string(), value: z.string(), displayOrder: z.number(), hidden: z.boolean() })),
  displayOrder: z.number(),
  hasUniqueValue: z.boolean(),
  hidden: z.boolean(),
  formField: z.boolean(),
  hubspotDefined: z.boolean(),
  calculated: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
});

const groupSchema = z.object({ name: z.string(), label: z.string(), displayOrder: z.number(), archived: z.boolean() });

const labelSchema = z.object({
  typeId: z.number().int(),
  category: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  label: z.string().nullable(),
  name: z.string(),
  from: objectType,
  to: objectType,
  inverseTypeId: z.number().int(),
});

const snapshotSchema = z.object({
  version: z.literal(1),
  portalId: z.number().int().positive(),
  objects: z.object({ records: perType(recordSchema), properties: perType(propertySchema), groups: perType(groupSchema) }),
  associations: z.object({
    labels: z.array(labelSchema),
    nextTypeId: z.number().int(),
    links: z.array(z.object({ dealId: z.string(), companyId: z.string(), typeIds: z.array(z.number().int()) })),
  }),
});

export type SandboxSnapshot = z.infer<typeof snapshotSchema>;

export function snapshotOf(state: SandboxState): SandboxSnapshot {
  return { version: 1, portalId: state.portalId, objects: state.store.snapshot(), associations: state.associations.snapshot() };
}

/** Loads a saved portal into a fresh state; false when there is no file yet. */
export async function restoreState(state: SandboxState, file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', `The HubSpot sandbox state in ${file} is not JSON; delete the file to start the demo CRM afresh`);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid_input', `The HubSpot sandbox state in ${file} cannot be read; delete the file to start the demo CRM afresh`, {
      problems: describeIssues(parsed.error, 'sandbox state'),
    });
  }
  if (parsed.data.portalId !== state.portalId) {
    throw new AppError('invalid_input', `The HubSpot sandbox state in ${file} belongs to portal ${parsed.data.portalId}, not ${state.portalId}`);
  }
  state.store.restore(parsed.data.objects);
  state.associations.restore(parsed.data.associations);
  return true;
}

export async function saveState(state: SandboxState, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshotOf(state)));
  await rename(temporary, file);
}

/** Saves the portal shortly after changes (coalesced), one write at a time. */
export class StateSaver {
  private readonly state: SandboxState;
  private readonly file: string;
  private readonly delayMs: number;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(state: SandboxState, file: string, delayMs = 100) {
    this.state = state;
    this.file = file;
    this.delayMs = delayMs;
  }

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.save().catch(() => undefined);
    }, this.delayMs);
  }

  /** Saves now (after any save in progress); a failure is the caller's to report. */
  save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const next = this.chain.then(() => saveState(this.state, this.file));
    this.chain = next.catch(() => undefined);
    return next;
  }
}
