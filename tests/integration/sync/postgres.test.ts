// Smoke: the same engine against the central server on a real PostgreSQL server (the server's own
// suites cover PostgreSQL in depth): pull with verified files, push confirmed once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import type { SubmissionSummary } from '../../../src/shared/sync/protocol';
import { enrol } from '../../helpers/server-fixtures';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { startPostgres, type PrivatePostgres } from '../../helpers/server-postgres';
import { tempDir } from '../../helpers/package-builder';
import { httpTransport, newDataDir, outbox, packageWithFiles, publish, queueOpinion, workstation } from './fixtures';

let pg: PrivatePostgres;
let central: CentralUnderTest;
let ws: Workstation;

beforeAll(async () => {
  pg = await startPostgres();
  central = await startCentral({ databaseUrl: pg.url });
});

afterAll(async () => {
  ws?.close();
  await central?.close();
  pg?.stop();
});

it('pulls and pushes against the server on PostgreSQL', async () => {
  const rita = await central.user('rita');
  const signer = await enrol(rita, 'rita');
  const a = await publish(central.admin, await packageWithFiles(tempDir(), [150_000]), 'rita');
  ws = workstation(newDataDir(), () => httpTransport(central.url, rita.token!));
  const id = await queueOpinion(ws, signer, a, 'rita');
  const r = await ws.sync.run();
  expect(r.line).toBe('已同步 · 拉取 1 个案件 · 发送 1 件');
  expect(ws.cases.load(a.caseId)!.row).toMatchObject({ revisionHash: a.revisionHash, offline: true });
  expect(outbox(ws)[0]).toMatchObject({ id, state: 'accepted' });
  const server = (await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
  expect(server.filter((s) => s.id === id)).toHaveLength(1);
});
