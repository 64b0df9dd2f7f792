// The real central server for the sync E2E: `scripts/central.mjs` as a child process (PGlite in a
// temp folder, first admin from --init-admin), plus the admin's few calls over its HTTP API —
// reviewers, case packages (the handling unit's intake), assignment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralProcess, stopCentral, type CentralProcess } from '../../integration/sync/central-process';
import { zipPackage } from '../../helpers/server-fixtures';

export const ADMIN_PASSWORD = 'admin-password-e2e';

export interface IntakeAnswer {
  caseId: string;
  revision: number;
  revisionHash: string;
}

export class CentralAdmin {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async login(url: string, user: string, password: string): Promise<{ token: string }> {
    const r = await fetch(`${url}/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password, device: `${user}-e2e` }) });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { token: string };
  }

  async post(path: string, body: unknown, token = this.token): Promise<{ status: number; json: unknown }> {
    return this.send('POST', path, body, token);
  }

  /**
   * A call of the admin's (a Buffer body goes as a zip, anything else as JSON; GET has none). The
   * answer's bytes as they came (a case bundle), and parsed when JSON.
   */
  async send(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, token = this.token): Promise<{ status: number; json: unknown; bytes: Buffer }> {
    const isZip = Buffer.isBuffer(body);
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': isZip ? 'application/zip' : 'application/json' }) },
      ...(body === undefined ? {} : { body: isZip ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    const bytes = Buffer.from(await r.arrayBuffer());
    const isJson = (r.headers.get('content-type') ?? '').includes('json');
    return { status: r.status, json: isJson && bytes.length ? (JSON.parse(bytes.toString('utf8')) as unknown) : null, bytes };
  }

  async addReviewer(name: string, password: string): Promise<void> {
    const r = await this.post('/v1/admin/users', { name, role: 'reviewer', password });
    if (r.status !== 201) throw new Error(`user add ${name}: ${r.status} ${JSON.stringify(r.json)}`);
  }

  /** The handling unit's intake (a package folder, zipped) and assignment to the reviewer. */
  async publish(packageDir: string, reviewer: string): Promise<IntakeAnswer> {
    const r = await this.post('/v1/admin/packages', await zipPackage(packageDir));
    if (r.status !== 201 && r.status !== 200) throw new Error(`intake: ${r.status} ${JSON.stringify(r.json)}`);
    const answer = r.json as IntakeAnswer;
    const a = await this.post(`/v1/admin/cases/${encodeURIComponent(answer.caseId)}/assign`, { user: reviewer });
    if (a.status !== 200) throw new Error(`assign: ${a.status} ${JSON.stringify(a.json)}`);
    return answer;
  }
}

export interface RunningCentral {
  proc: CentralProcess;
  url: string;
  port: number;
  admin: CentralAdmin;
  stop(): Promise<void>;
}

/** Starts the server; `trustAnchors` is a PEM file of extra trusted roots (FASHEN_TRUST_ANCHORS). */
export async function startCentral(trustAnchors?: string): Promise<RunningCentral> {
  const data = mkdtempSync(join(tmpdir(), 'fashen-e2e-central-'));
  // LOG_LEVEL info: startCentralProcess waits for pino's "Server listening" and "central server ready".
  const env: Record<string, string> = { ADMIN_PW: ADMIN_PASSWORD, LOG_LEVEL: 'info', ...(trustAnchors ? { FASHEN_TRUST_ANCHORS: trustAnchors } : {}) };
  const proc = await startCentralProcess(data, env, ['--init-admin', 'admin', '--password-env', 'ADMIN_PW']);
  const { token } = await CentralAdmin.login(proc.url, 'admin', ADMIN_PASSWORD);
  return { proc, url: proc.url, port: proc.port, admin: new CentralAdmin(proc.url, token), stop: () => stopCentral(proc) };
}
