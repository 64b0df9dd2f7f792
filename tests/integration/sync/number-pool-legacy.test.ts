// The 文号 pool against an older central system that hands out no numbers (its reserve route 404s):
// a logged-in workstation keeps signing with its local counter instead of being unable to sign; and
// in December the next year's numbers are reserved too, for a reviewer offline over New Year.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFileRepo } from '../../../src/main/db/repos/case-files';
import { ReviewRepo } from '../../../src/main/db/repos/reviews';
import { peekDocumentNumber, poolNumbers, usesPool } from '../../../src/main/services/opinions/document-number';
import { topUpNumberPool } from '../../../src/main/services/sync/number-pool';
import type { SyncTransport } from '../../../src/main/services/sync/transport';
import type { ReserveNumbersRequest } from '../../../src/shared/api/sync';
import { Workstation } from '../../../src/main/workstation';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { FAST_RETRY } from './fixtures';

let ws: Workstation | null = null;
afterEach(() => ws?.close());

async function withCase(today: string): Promise<{ ws: Workstation; agency: { code: string; shortName: string } }> {
  ws = new Workstation({ dataDir: tempDir('number-legacy-'), today: () => today });
  const pkg = await buildPackage(tempDir());
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
  return { ws, agency: ws.views.get(pkg.manifest.case.id)!.agency };
}

/** A transport that only answers reservations: `answer` says what the server hands out. */
function reserving(answer: (r: ReserveNumbersRequest) => { from: number; to: number } | null, asked: ReserveNumbersRequest[] = []): SyncTransport {
  return {
    reserveDocumentNumbers: async (r: ReserveNumbersRequest) => {
      asked.push(r);
      const a = answer(r);
      return a && { agency: r.agency, year: r.year, ...a };
    },
  } as unknown as SyncTransport;
}

const topUp = (w: Workstation, transport: SyncTransport, today: string) =>
  topUpNumberPool({ transport, db: w.store.db, retry: FAST_RETRY, signal: new AbortController().signal, now: () => new Date(`${today}T02:00:00Z`), today: () => today });

describe('文号 pool with an older central system', () => {
  it('a server without numbering leaves the local counter in use for a logged-in workstation', async () => {
    const { ws: w, agency } = await withCase('2026-11-20');
    const reviews = new ReviewRepo(w.store.db);
    expect(usesPool(reviews, true)).toBe(true);
    await topUp(w, reserving(() => null), '2026-11-20');
    expect(usesPool(reviews, true)).toBe(false);
    expect(peekDocumentNumber(reviews, agency, '2026-11-20', true)).toMatchObject({ documentNumber: `${agency.shortName}法审〔2026〕1号`, pooled: null });
  });

  it('in December the next year is reserved as well', async () => {
    const { ws: w, agency } = await withCase('2026-12-05');
    const asked: ReserveNumbersRequest[] = [];
    let next = 1;
    await topUp(w, reserving((r) => ({ from: next, to: (next += r.count) - 1 }), asked), '2026-12-05');
    expect(asked.map((r) => r.year)).toEqual([2026, 2027]);
    const reviews = new ReviewRepo(w.store.db);
    expect(poolNumbers(reviews, agency.code, 2027)).toHaveLength(20);
  });

  it('the agencies to top up come from the agency index, not a scan of every case (run at every sync)', async () => {
    const { ws: w, agency } = await withCase('2026-11-20');
    const repo = new CaseFileRepo(w.store.db);
    expect(repo.agencyCodes()).toEqual([agency.code]);
    // Without case_agency_idx this was "SCAN case_file": ~140 ms per sync at 10,000 cases.
    expect(repo.agencyCodesPlan().join('\n')).toMatch(/COVERING INDEX case_agency_idx/);
  });
});
