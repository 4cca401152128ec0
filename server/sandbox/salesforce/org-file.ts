import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { OrgSnapshot } from './org-store.ts';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const fileSchema = z.object({
  format: z.literal('partner-journey/salesforce-sandbox@1'),
  snapshot: z.object({
    records: z.record(z.string(), z.array(z.record(z.string(), value))),
    serials: z.record(z.string(), z.number().int().nonnegative()),
  }),
  seedIds: z.record(z.string(), z.string()),
});

export interface OrgFileContents {
  readonly snapshot: OrgSnapshot;
  readonly seedIds: ReadonlyMap<string, string>;
}

/**
 * The sandbox org kept in one JSON file, so a demo keeps its records (and people's edits, and the
 * sync's writes) across restarts. Saves are coalesced and atomic (a temporary file renamed over
 * the old one), so a crash leaves either the previous file or the new one.
 */
export class OrgFile {
  readonly path: string;
  readonly #delayMs: number;
  #timer: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();
  #contents: () => OrgFileContents;

  constructor(path: string, contents: () => OrgFileContents, delayMs = 200) {
    this.path = path;
    this.#contents = contents;
    this.#delayMs = delayMs;
  }

  /** The saved org, or null when there is no file yet. A file that is not one of ours is an error, never overwritten. */
  static async load(path: string): Promise<OrgFileContents | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('misconfigured', `cannot read the Salesforce sandbox file ${path}`, { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new AppError('misconfigured', `the Salesforce sandbox file ${path} is not JSON; move it away to start a fresh demo org`, { cause: error });
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw AppError.fromZod(parsed.error, `the Salesforce sandbox file ${path}`);
    return { snapshot: parsed.data.snapshot, seedIds: new Map(Object.entries(parsed.data.seedIds)) };
  }

  /** Saves soon; many writes in a row make one save. */
  schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.save();
    }, this.#delayMs);
    this.#timer.unref();
  }

  async save(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const { snapshot, seedIds } = this.#contents();
    const text = JSON.stringify({ format: 'partner-journey/salesforce-sandbox@1', snapshot, seedIds: Object.fromEntries(seedIds) });
    this.#saving = this.#saving.catch(() => undefined).then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, this.path);
    });
    return this.#saving;
  }
}
