// Starts the real central server on 127.0.0.1 (random port) over PGlite or a PostgreSQL URL, with
// the real dev CA and detached-signature verifier; plus a small HTTP client for the tests.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { hashPassword, type ScryptCost } from '../../src/server/auth/passwords';
import { LocalFolderBackend } from '../../src/server/blobs/local';
import { DevCaIssuer } from '../../src/server/certificates/dev-ca-issuer';
import { openServerDatabase, type ServerDatabase } from '../../src/server/db/open';
import { UsersRepo } from '../../src/server/db/repos/users';
import { DetachedSubmissionVerifier } from '../../src/server/submissions/detached-verifier';
import type { SubmissionVerifier } from '../../src/server/submissions/verifier';
import type { Limits } from '../../src/server/context';
import type { LoginAnswer, Role } from '../../src/server/protocol';
import { tempDir } from './package-builder';

/** Cheap scrypt for tests (production uses N=2^17). */
export const TEST_COST: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };
export const TEST_LIMITS: Partial<Limits> = { packageBytes: 8 * 1024 * 1024, submissionBytes: 256 * 1024 };

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  /** Parsed JSON answer (loosely typed: the tests check it with expect()). */
  json: any;
}

export interface RequestOptions {
  token?: string | null;
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
}

export class Client {
  constructor(
    readonly base: string,
    readonly token: string | null = null,
  ) {}

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? this.token : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: Uint8Array | string | undefined = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}) });
    const buf = Buffer.from(await res.arrayBuffer());
    let json: unknown = null;
    if ((res.headers.get('content-type') ?? '').includes('json') && buf.length) json = JSON.parse(buf.toString('utf8'));
    return { status: res.status, headers: res.headers, body: buf, json };
  }

  get(path: string, opts?: RequestOptions) {
    return this.request('GET', path, opts);
  }
  post(path: string, json?: unknown, opts?: RequestOptions) {
    return this.request('POST', path, { ...opts, ...(json !== undefined ? { json } : {}) });
  }
}

export interface CentralUnderTest {
  url: string;
  app: FastifyInstance;
  database: ServerDatabase;
  dataDir: string;
  blobDir: string;
  anon: Client;
  admin: Client;
  /** Creates a user (through the admin API) and logs them in. */
  user(name: string, role?: Role, password?: string): Promise<Client>;
  login(name: string, password: string): Promise<Client>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** PostgreSQL URL; PGlite when absent. */
  databaseUrl?: string;
  verifier?: SubmissionVerifier;
  limits?: Partial<Limits>;
  /** The development TSA at POST /v1/tsa, advertised in GET /v1/config (default true). */
  tsa?: boolean;
  /** The server's clock (default: the real one). */
  now?: () => Date;
  /** How long a device's authentication is reused (the server's default when absent). */
  authCacheTtlMs?: number;
  /**
   * A second instance of a deployment: the same database (databaseUrl), data folder and blob folder
   * as this one, as several servers behind a load balancer would share them; its admin already exists.
   */
  alongside?: CentralUnderTest;
}

export async function startCentral(opts: StartOptions = {}): Promise<CentralUnderTest> {
  if (opts.alongside && !opts.databaseUrl) throw new Error('a second instance shares a PostgreSQL database (PGlite is one process)');
  const dataDir = opts.alongside?.dataDir ?? tempDir('central-');
  const database = await openServerDatabase(opts.databaseUrl ? { url: opts.databaseUrl } : { pgliteDir: join(dataDir, 'pg') });
  const issuer = await DevCaIssuer.open(dataDir);
  const blobDir = join(dataDir, 'blobs');
  const tsa = opts.tsa === false ? null : await issuer.timestampAuthority();
  const app = await buildServer({
    db: database.db,
    blobs: new LocalFolderBackend(blobDir),
    verifier: opts.verifier ?? new DetachedSubmissionVerifier(() => [issuer.caCertificatePem]),
    issuer,
    tsa,
    trustAnchors: [issuer.caCertificatePem],
    dataDir,
    workDir: join(dataDir, 'tmp'),
    limits: { ...TEST_LIMITS, ...opts.limits },
    passwordCost: TEST_COST,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.authCacheTtlMs !== undefined ? { authCacheTtlMs: opts.authCacheTtlMs } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const anon = new Client(url);
  if (!opts.alongside) await new UsersRepo(database.db).create('admin', 'admin', await hashPassword('admin-password', TEST_COST));
  const login = async (name: string, password: string) => {
    const r = await anon.post('/v1/login', { user: name, password, device: `${name}-laptop` });
    if (r.status !== 200) throw new Error(`login ${name}: ${r.status} ${r.body.toString()}`);
    return new Client(url, (r.json as LoginAnswer).token);
  };
  const admin = await login('admin', 'admin-password');
  return {
    url,
    app,
    database,
    dataDir,
    blobDir,
    anon,
    admin,
    login,
    async user(name, role = 'reviewer', password = `${name}-password`) {
      const r = await admin.post('/v1/admin/users', { name, role, password });
      if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.body.toString()}`);
      return login(name, password);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
