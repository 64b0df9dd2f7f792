// 文号 reserved centrally (README: 文号): blocks handed out per agency and year never overlap, also
// when two workstations ask at once, on PGlite and on a real PostgreSQL; an accepted opinion's 文号
// is never accepted again for another opinion (online or by bundle), and a reviewer who reserved
// numbers signs only with hers. A workstation that never reserved (legacy) is still accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, opinionFor, type Signer } from '../../helpers/server-fixtures';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { startPostgres, type PrivatePostgres } from '../../helpers/server-postgres';
import type { SubmissionRequest } from '../../../src/server/protocol';
import { assign, importCase, uniqueName, type CaseUnderTest } from './suites/env';

const AGENCY = '340500';

describe.each(['pglite', 'postgres'] as const)('文号 on %s', (kind) => {
  let pg: PrivatePostgres | null = null;
  let c: CentralUnderTest;

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    c = await startCentral(pg ? { databaseUrl: pg.url } : {});
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    pg?.stop();
  });

  const reserve = (who: Client, count: number, year = 2026, agency = AGENCY) => who.post('/v1/document-numbers/reserve', { agency, year, count });

  async function reviewerWithCase(): Promise<{ name: string; client: Client; signer: Signer; kase: CaseUnderTest }> {
    const name = uniqueName('numbers');
    const client = await c.user(name);
    const signer = await enrol(client, name);
    const kase = await importCase(c.admin);
    await assign(c.admin, kase.caseId, name);
    return { name, client, signer, kase };
  }

  async function opinion(r: { name: string; signer: Signer; kase: CaseUnderTest }, documentNumber: string, signedAt = new Date().toISOString()): Promise<SubmissionRequest> {
    const payload = { ...opinionFor(r.kase, r.signer.keyId, r.name), documentNumber, signedAt };
    return { id: payload.opinionId, kind: 'opinion', caseId: r.kase.caseId, caseRevisionHash: r.kase.revisionHash, payload, signature: await r.signer.sign(payload) } as unknown as SubmissionRequest;
  }

  it('hands out blocks that never overlap, also to two workstations asking at the same moment', async () => {
    const [a, b] = [await c.user(uniqueName('zhang')), await c.user(uniqueName('li'))];
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => reserve(i % 2 ? a : b, 7, 2031)));
    for (const r of answers) expect(r.status, r.body.toString()).toBe(200);
    const blocks = answers.map((r) => r.json as { from: number; to: number }).sort((x, y) => x.from - y.from);
    blocks.forEach((blk, i) => {
      expect(blk.to - blk.from).toBe(6);
      expect(blk.from).toBe(i * 7 + 1); // contiguous: nothing skipped, nothing twice
    });
    // Another agency and another year count on their own.
    expect((await reserve(a, 3, 2031, '340600')).json).toMatchObject({ agency: '340600', year: 2031, from: 1, to: 3 });
  });

  it('refuses a bad reservation (count over 50, no agency) and an admin’s', async () => {
    const r = await c.user(uniqueName('bad'));
    const tooMany = await reserve(r, 51);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.json)).toMatch(/一次最多领取 50 个文号/);
    expect((await reserve(r, 5, 2026, ' ')).status).toBe(400);
    expect((await reserve(c.admin, 5)).status).toBe(403);
  });

  it('refuses an opinion whose 文号 another reviewer’s accepted opinion carries, online and by bundle', async () => {
    const zhang = await reviewerWithCase();
    const li = await reviewerWithCase();
    const number = '测市监法审〔2030〕1号';
    const req = await opinion(zhang, number);
    const first = await zhang.client.post('/v1/submissions', req);
    expect(first.json.status, first.body.toString()).toBe('accepted');
    const second = await li.client.post('/v1/submissions', await opinion(li, number));
    expect(second.status).toBe(422);
    expect(second.json).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^文号 测市监法审〔2030〕1号 已被另一份意见书使用/) });
    // Repeating the accepted one is still its first answer, not a duplicate.
    expect((await zhang.client.post('/v1/submissions', req)).json).toMatchObject({ status: 'accepted', repeated: true });

    const sub = await opinion(li, '测市监法审〔2030〕1号');
    const body = { format: 'fashen-outbox-bundle', version: 1, createdAt: new Date().toISOString(), submissions: [sub] };
    const bundle = await c.admin.post('/v1/admin/bundles', { ...body, signature: await li.signer.sign(body) });
    expect(bundle.status, bundle.body.toString()).toBe(200);
    expect(bundle.json.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/已被另一份意见书使用/) });
  });

  it('a reviewer who reserved signs with her own block only; a legacy workstation’s numbers are kept apart from it', async () => {
    const zhang = await reviewerWithCase();
    const legacy = await reviewerWithCase();
    const block = (await reserve(zhang.client, 5, 2029)).json as { from: number; to: number };
    const outside = await zhang.client.post('/v1/submissions', await opinion(zhang, `测市监法审〔2029〕${block.to + 100}号`));
    expect(outside.json).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/不在您从中心系统领取的文号段内/) });
    // Numbered locally before her first reservation (queued offline): still accepted.
    const before = await zhang.client.post('/v1/submissions', await opinion(zhang, `测市监法审〔2029〕${block.to + 101}号`, '2020-01-01T00:00:00.000Z'));
    expect(before.json.status, before.body.toString()).toBe('accepted');
    // Never reserved: accepted, unless the number is in a block someone else holds.
    const mine = await legacy.client.post('/v1/submissions', await opinion(legacy, `测市监法审〔2029〕${block.to + 200}号`));
    expect(mine.json.status, mine.body.toString()).toBe('accepted');
    const taken = await legacy.client.post('/v1/submissions', await opinion(legacy, `测市监法审〔2029〕${block.from}号`));
    expect(taken.json).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/已预留给另一审核人员/) });
    const inside = await zhang.client.post('/v1/submissions', await opinion(zhang, `测市监法审〔2029〕${block.from}号`));
    expect(inside.json.status, inside.body.toString()).toBe('accepted');
    // The next block starts above every number accepted that year, legacy ones included.
    expect((await reserve(zhang.client, 1, 2029)).json).toMatchObject({ from: block.to + 201 });
  });

  it('two opinions with one 文号 arriving at the same moment: exactly one is accepted', async () => {
    const a = await reviewerWithCase();
    const b = await reviewerWithCase();
    const number = `测市监法审〔2028〕${Math.floor(Math.random() * 1000) + 1}号`;
    const answers = await Promise.all([a.client.post('/v1/submissions', await opinion(a, number)), b.client.post('/v1/submissions', await opinion(b, number))]);
    expect(answers.map((r) => r.json.status).sort()).toEqual(['accepted', 'rejected']);
  });
});
