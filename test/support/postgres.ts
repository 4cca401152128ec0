import { execFile as execFileCb } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);

/** A throwaway PostgreSQL server for tests: its own cluster in a temp folder, on a free port. */
export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = (await findBinDir()) ?? (await installPostgres());
  const dir = await mkdtemp(join(tmpdir(), 'pj-postgres-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user then.
  if (isRoot) {
    const { uid, gid } = await postgresUser();
    await chown(dir, uid, gid);
  }
  await chmod(dir, 0o700);
  const run = (cmd: string, args: string[]) =>
    isRoot ? execFile('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : execFile(join(bin, cmd), args);

  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function findBinDir(): Promise<string | null> {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

async function installPostgres(): Promise<string> {
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const apt = async (...args: string[]) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    await execFile(cmd as string, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
  };
  await apt('update', '-qq');
  await apt('install', '-y', '-qq', '--no-install-recommends', 'postgresql');
  const bin = await findBinDir();
  if (!bin) throw new Error('PostgreSQL was installed but initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin');
  return bin;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([execFile('id', ['-u', 'postgres']), execFile('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
