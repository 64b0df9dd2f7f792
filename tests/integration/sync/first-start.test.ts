// Several central instances started at the same moment on an empty PostgreSQL database and an
// empty shared data folder — a deployment brought up by its orchestrator, every replica at once.
// They must come up as one system: the migrations applied once (not two `CREATE TABLE`s racing),
// one first admin, one development CA, one timestamp authority and one bundle key, so that a
// certificate issued by one is trusted by the others and a bundle made by one verifies with the key
// a workstation learnt from another.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readTimestampToken, requestTimestamp } from '../../../src/main/services/signing/timestamp';
import type { CentralConfig } from '../../../src/shared/sync/pki';
import { tempDir } from '../../helpers/package-builder';
import { Client } from '../../helpers/server';
import { startPostgres, type PrivatePostgres } from '../../helpers/server-postgres';
import { startCentralProcess, stopCentral, type CentralProcess } from './central-process';

const INSTANCES = 3;
const PASSWORD = 'first-admin-pw';

let pg: PrivatePostgres;
let instances: CentralProcess[] = [];
let started: PromiseSettledResult<CentralProcess>[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  const dataDir = tempDir('central-shared-');
  const env = { DATABASE_URL: pg.url, FIRST_ADMIN_PW: PASSWORD };
  started = await Promise.allSettled(
    Array.from({ length: INSTANCES }, () => startCentralProcess(dataDir, env, ['--init-admin', 'admin', '--password-env', 'FIRST_ADMIN_PW'])),
  );
  instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map(stopCentral));
  pg?.stop();
});

async function configOf(c: CentralProcess): Promise<CentralConfig> {
  const anon = new Client(c.url);
  const r = await anon.post('/v1/login', { user: 'admin', password: PASSWORD, device: `admin-${c.port}` });
  expect(r.status, r.body.toString()).toBe(200);
  const cfg = await new Client(c.url, (r.json as { token: string }).token).get('/v1/config');
  expect(cfg.status).toBe(200);
  return cfg.json as CentralConfig;
}

it('every instance started together comes up (migrations and the first admin made once)', () => {
  const failures = started.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message).slice(0, 2000)] : []));
  expect(failures).toEqual([]);
  expect(instances).toHaveLength(INSTANCES);
});

it('they share one development CA, one timestamp authority and one bundle key', async () => {
  const configs = await Promise.all(instances.map(configOf));
  const first = configs[0]!;
  expect(first.trustAnchors.length).toBeGreaterThan(0);
  expect(first.bundleSigner?.keyId).toBeTruthy();
  for (const cfg of configs.slice(1)) {
    expect(cfg.trustAnchors).toEqual(first.trustAnchors);
    expect(cfg.bundleSigner).toEqual(first.bundleSigner);
  }
});

it('a timestamp from any of them is signed by the same timestamp authority', async () => {
  const digest = createHash('sha256').update('同一时间戳服务').digest();
  const signers = await Promise.all(
    instances.map(async (c) => {
      const r = await requestTimestamp(`${c.url}/v1/tsa`, digest);
      if (r.status !== 'granted') throw new Error(`${c.url}: ${r.reason}`);
      const info = await readTimestampToken(r.token);
      return Buffer.from(info.signerCertificate!).toString('base64');
    }),
  );
  expect(new Set(signers).size).toBe(1);
});
