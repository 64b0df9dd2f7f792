// The feed's in-memory copy of immutable revision texts (src/server/routes/revision-texts.ts): what
// it hands out is the stored case.json and blob list, byte for byte; it stays within its byte bound,
// dropping the least recently used; a revision without a row is simply absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobsRepo } from '../../../src/server/db/repos/blobs';
import { FeedRepo } from '../../../src/server/db/repos/feed';
import { RevisionTexts } from '../../../src/server/routes/revision-texts';
import { canonicalJson } from '../../../src/shared/canonical';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { importCase, type CaseUnderTest } from './suites/env';

let c: CentralUnderTest;
let cases: CaseUnderTest[];

beforeAll(async () => {
  c = await startCentral();
  cases = [];
  for (let i = 0; i < 3; i++) cases.push(await importCase(c.admin));
});
afterAll(() => c?.close());

const pair = (k: CaseUnderTest) => ({ caseId: k.caseId, revision: k.revision });

describe('RevisionTexts', () => {
  it('gives the stored case.json and blob list, and stays within its byte bound (least recently used out)', async () => {
    const db = c.database.db;
    const unbounded = new RevisionTexts(new FeedRepo(db), new BlobsRepo(db));
    const all = await unbounded.get(cases.map(pair));
    const k0 = cases[0]!;
    const t0 = all.get(`${k0.caseId}#${k0.revision}`)!;
    expect(t0.before.toString()).toBe(`"revisionHash":"${k0.revisionHash}","current":`);
    const after = t0.after.toString();
    expect(after.startsWith(`,"package":${canonicalJson(k0.pkg.manifest)},"blobs":[`)).toBe(true);
    const blobs = JSON.parse(after.slice(after.indexOf(',"blobs":') + 9, -1)) as { sha256: string }[];
    expect(blobs.map((b) => b.sha256).sort()).toEqual([...k0.pkg.manifest.documents, ...k0.pkg.manifest.evidence].map((d) => d.file.sha256).sort());

    const one = t0.before.length + t0.after.length + `${k0.caseId}#1`.length;
    const bounded = new RevisionTexts(new FeedRepo(db), new BlobsRepo(db), Math.ceil(one * 2.5));
    await bounded.get([pair(cases[0]!), pair(cases[1]!)]);
    expect(bounded.size).toBe(2);
    await bounded.get([pair(cases[0]!)]); // used again: case 1 is now the oldest
    await bounded.get([pair(cases[2]!)]);
    expect(bounded.size).toBe(2);
    const again = await bounded.get([pair(cases[0]!), pair(cases[2]!), { caseId: 'no-such-case', revision: 1 }]);
    expect([...again.keys()].sort()).toEqual([`${cases[0]!.caseId}#1`, `${cases[2]!.caseId}#1`].sort());
    expect(bounded.size).toBe(2);
  });
});
