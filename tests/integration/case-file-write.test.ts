// The import's write path (CaseFileRepo.write with prepared statements) on a real store: what a
// new case stores, what a new revision replaces and keeps, and that a failure leaves no trace.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/main/db/open';
import { CaseFileRepo } from '../../src/main/db/repos/case-files';
import { SearchRepo } from '../../src/main/db/repos/search';
import { packageFiles, type CasePackage } from '../../src/shared/casefile/schema';
import { buildPackage, tempDir } from '../helpers/package-builder';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup() {
  const store = openStore(join(tempDir('h5-write-'), 'db.sqlite'));
  stores.push(store);
  return { store, repo: new CaseFileRepo(store.db), search: new SearchRepo(store.sqlite) };
}

const meta = (revisionHash: string, extra: { replace?: { round: number } } = {}) => ({
  revisionHash,
  importedAt: '2026-11-23T02:00:00.000Z',
  receivedOn: '2026-11-23',
  packageJson: `{"hash":"${revisionHash}"}`,
  ...extra,
});
/** One row per distinct file (as the importer writes them). */
const blobsOf = (pkg: CasePackage) => [...new Map(packageFiles(pkg).map((f) => [f.sha256, { sha256: f.sha256, size: f.size, mime: f.mime }])).values()];
const count = (s: Store, sql: string, ...args: unknown[]) => (s.sqlite.prepare(sql).get(...args) as { n: number }).n;
/** Case ids whose indexed fields contain the phrase. */
const ftsCases = (s: Store, phrase: string) =>
  s.sqlite.prepare('select c.id from case_fts join case_file c on c.rowid = case_fts.rowid where case_fts match ?').pluck().all(`"${phrase}"`) as string[];

async function pkgWithTwoItems(): Promise<CasePackage> {
  const pkg = structuredClone((await buildPackage(tempDir())).manifest);
  pkg.parties.push({ id: 'p2', kind: 'natural', name: '赵某某', idNumber: '340503199001011234', address: '测试市雨山区1号', phone: '13800000000' });
  pkg.evidence.push({ ...pkg.evidence[0]!, id: 'e2', title: '现场照片', collectedBy: ['o2'], file: { ...pkg.documents[0]!.file, path: 'evidence/scene.pdf' } });
  return pkg;
}

describe('CaseFileRepo.write', () => {
  it('stores a new case with every row and column, and indexes it for search', async () => {
    const { store, repo, search } = setup();
    const pkg = await pkgWithTwoItems();
    pkg.case.violationPeriod.continuing = true;
    pkg.officers[1]!.legalQualification = true;
    pkg.case.caseOfficerIds = ['o2'];
    repo.write(pkg, meta('h1'), blobsOf(pkg), () => search.indexCase(pkg.case.id));

    const agg = repo.load(pkg.case.id)!;
    expect(agg.row).toMatchObject({ revision: 1, revisionHash: 'h1', status: 'pending', round: 1, offline: true, continuing: true, proposedFineFen: 5_000_000, partyName: '测试食品有限公司' });
    expect(JSON.parse(agg.row.procedureJson)).toEqual(pkg.case.procedure);
    expect(agg.agency).toEqual(pkg.case.agency);
    expect(agg.parties.map((p) => [p.id, p.position, p.phone, p.legalRepresentative])).toEqual([
      ['p1', 0, null, '王某'],
      ['p2', 1, '13800000000', null],
    ]);
    expect(agg.officers.map((o) => [o.id, o.isCaseOfficer, o.legalQualification]).sort()).toEqual([
      ['o1', false, false],
      ['o2', true, true],
    ]);
    expect(agg.documents).toEqual([expect.objectContaining({ id: 'd1', position: 0, docNumber: null, path: 'documents/notice.pdf' })]);
    expect(agg.evidence.map((e) => [e.id, e.position, JSON.parse(e.collectedByJson)])).toEqual([
      ['e1', 0, ['o1', 'o2']],
      ['e2', 1, ['o2']],
    ]);
    // Two items share the notice's bytes: one blob row for them.
    expect(agg.blobs.size).toBe(2);
    for (const b of agg.blobs.values()) expect(b).toMatchObject({ verifiedState: 'ok', verifiedAt: '2026-11-23T02:00:00.000Z', storedAt: '2026-11-23T02:00:00.000Z', textState: 'pending', detectedMime: null, pageCount: null });
    expect(repo.revisionPackage(pkg.case.id, 1)).toEqual({ packageJson: '{"hash":"h1"}', receivedOn: '2026-11-23' });
    expect(ftsCases(store, '赵某某')).toEqual([pkg.case.id]);
  });

  it('a new revision keeps nothing of the old one’s parties, officers, documents and evidence, and keeps its review', async () => {
    const { store, repo, search } = setup();
    const pkg = await pkgWithTwoItems();
    repo.write(pkg, meta('h1'), blobsOf(pkg), () => search.indexCase(pkg.case.id));
    store.sqlite.prepare("insert into review (id, case_id, round, case_revision_hash, started_at) values ('r1', ?, 1, 'h1', 'x')").run(pkg.case.id);
    store.sqlite.prepare("update case_file set status = 'returned' where id = ?").run(pkg.case.id);
    // A blob found tampered is written again by the new revision: marked ok, its other facts kept.
    store.sqlite.prepare("update blob set verified_state = 'tampered', text_state = 'done', page_count = 1 where sha256 = ?").run(pkg.documents[0]!.file.sha256);

    const next = structuredClone(pkg);
    next.case.revision = 2;
    next.case.agency.name = '测试市市场监督管理局（新）';
    next.parties = [{ ...pkg.parties[0]!, id: 'p9', name: '新名称食品有限公司', legalRepresentative: undefined }];
    next.case.partyIds = ['p9'];
    next.officers = [{ ...pkg.officers[0]!, credentialValidTo: '2031-12-31' }];
    next.case.caseOfficerIds = ['o1'];
    next.evidence = [{ ...pkg.evidence[1]!, id: 'e7', collectedBy: ['o1'] }];
    next.documents = [];
    next.case.proposedDecision.penalties = next.case.proposedDecision.penalties.filter((p) => p.type !== 'fine');
    repo.write(next, { ...meta('h2', { replace: { round: 2 } }), importedAt: '2026-11-24T02:00:00.000Z' }, blobsOf(next), () => search.indexCase(next.case.id));

    const agg = repo.load(pkg.case.id)!;
    expect(agg.row).toMatchObject({ revision: 2, revisionHash: 'h2', status: 'pending', round: 2, partyName: '新名称食品有限公司', proposedFineFen: null, importedAt: '2026-11-24T02:00:00.000Z' });
    expect(agg.agency.name).toBe('测试市市场监督管理局（新）');
    expect(agg.parties.map((p) => [p.id, p.legalRepresentative])).toEqual([['p9', null]]);
    expect(agg.officers.map((o) => [o.id, o.isCaseOfficer, o.credentialValidTo])).toEqual([['o1', true, '2031-12-31']]);
    expect(agg.documents).toEqual([]);
    expect(agg.evidence.map((e) => e.id)).toEqual(['e7']);
    expect(agg.blobs.get(pkg.documents[0]!.file.sha256)).toMatchObject({ verifiedState: 'ok', verifiedAt: '2026-11-24T02:00:00.000Z', storedAt: '2026-11-23T02:00:00.000Z', textState: 'done', pageCount: 1 });
    // Both revisions as received, the earlier round's review, and the old officer row (other cases may use it).
    expect(count(store, 'select count(*) n from case_revision where case_id = ?', pkg.case.id)).toBe(2);
    expect(count(store, 'select count(*) n from review where case_id = ?', pkg.case.id)).toBe(1);
    expect(count(store, "select count(*) n from officer where id = 'o2'")).toBe(1);
    expect(ftsCases(store, '新名称食品')).toEqual([pkg.case.id]);
    expect(ftsCases(store, '赵某某')).toEqual([]);
  });

  it('writes nothing when the work inside the transaction fails — new case or new revision', async () => {
    const { store, repo, search } = setup();
    const pkg = await pkgWithTwoItems();
    const fail = () => {
      throw new Error('索引失败');
    };
    expect(() => repo.write(pkg, meta('h1'), blobsOf(pkg), fail)).toThrow('索引失败');
    for (const t of ['case_file', 'case_revision', 'party', 'case_officer', 'document', 'evidence', 'blob', 'officer', 'agency']) expect(count(store, `select count(*) n from ${t}`)).toBe(0);

    repo.write(pkg, meta('h1'), blobsOf(pkg), () => search.indexCase(pkg.case.id));
    const before = repo.load(pkg.case.id);
    const next = structuredClone(pkg);
    next.case.revision = 2;
    next.parties = [{ ...pkg.parties[0]!, name: '新名称食品有限公司' }];
    expect(() => repo.write(next, meta('h2', { replace: { round: 2 } }), blobsOf(next), fail)).toThrow('索引失败');
    expect(repo.load(pkg.case.id)).toEqual(before);
    expect(count(store, 'select count(*) n from case_revision')).toBe(1);
    expect(ftsCases(store, '赵某某')).toEqual([pkg.case.id]);

    // A bad row (two evidence items with one id) fails the whole revision the same way.
    next.evidence.push({ ...next.evidence[0]! });
    expect(() => repo.write(next, meta('h2', { replace: { round: 2 } }), blobsOf(next), () => search.indexCase(next.case.id))).toThrow(/UNIQUE/);
    expect(repo.load(pkg.case.id)).toEqual(before);
  });

  it('finds a case by id and by case number, which may be two different cases', async () => {
    const { repo } = setup();
    const a = await pkgWithTwoItems();
    const b = await pkgWithTwoItems();
    repo.write(a, meta('ha'), blobsOf(a));
    repo.write(b, meta('hb'), blobsOf(b));
    expect(repo.findIdentity(a.case.id, a.case.caseNumber)).toEqual({ byId: expect.objectContaining({ id: a.case.id, offline: true }), byNumber: expect.objectContaining({ id: a.case.id }) });
    const mixed = repo.findIdentity(a.case.id, b.case.caseNumber);
    expect([mixed.byId?.id, mixed.byNumber?.id]).toEqual([a.case.id, b.case.id]);
    expect(repo.findIdentity('', b.case.caseNumber)).toEqual({ byId: undefined, byNumber: expect.objectContaining({ id: b.case.id }) });
    expect(repo.findIdentity('nope', '')).toEqual({ byId: undefined, byNumber: undefined });
  });
});
