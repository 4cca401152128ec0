import { readFile } from 'node:fs/promises';
import { AppError } from '../errors/app-error.ts';

/** Reads a JSON document from a file, or from standard input when the name is `-`. */
export async function readJsonDocument(name: string, what: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown> {
  const text = name === '-' ? await readStream(stdin) : await readFileText(name, what);
  try {
    // Editors on Windows often save UTF-8 with a byte order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid_input', `${what} ${name === '-' ? '(stdin)' : name} is not valid JSON: ${detail}`);
  }
}

async function readFileText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new AppError('invalid_input', `cannot read ${what} ${path}: ${why}`, { cause: error });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
