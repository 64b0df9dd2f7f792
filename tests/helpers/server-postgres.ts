// A private PostgreSQL server for tests: initdb + pg_ctl in a temp folder under /tmp, on a free
// loopback port, stopped and deleted afterwards. As root the server runs as the `postgres` user
// (initdb refuses root). Missing binaries fail loudly: CI must install PostgreSQL.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export interface PrivatePostgres {
  /** Connection string for a database of its own: call `database(name)` for another. */
  url: string;
  database(name: string): Promise<string>;
  stop(): void;
}

function findBinDir(): string {
  const installed = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const candidates = [process.env.PG_BINDIR, ...installed];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    /* fall through */
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found — the central server tests need a real PostgreSQL. ' +
      'Install it (Debian: apt-get install -y postgresql) or set PG_BINDIR.',
  );
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function startPostgres(): Promise<PrivatePostgres> {
  const bin = findBinDir();
  const root = mkdtempSync('/tmp/fashen-pg-');
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(root, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '--auth=trust', '-U', 'fashen', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(root, 'server.log'), '-w', '-t', '30', 'start']);
  const base = `postgres://fashen@127.0.0.1:${port}`;
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const database = async (name: string) => {
    const c = new pg.Client({ connectionString: `${base}/postgres` });
    await c.connect();
    try {
      await c.query(`create database "${name.replace(/[^a-z0-9_]/g, '')}"`);
    } finally {
      await c.end();
    }
    return `${base}/${name}`;
  };
  try {
    return { url: await database('fashen_test'), database, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
