// `fashen opinion sign` says how many reserved 文号 are left when few are, by the sign dialog’s rule
// (fewer than 10) applied to the count it prints: the one left after signing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opinionSignCommand } from '../../src/cli/commands/opinion';
import { ReviewRepo } from '../../src/main/db/repos/reviews';
import { peekDocumentNumber, poolNumbers } from '../../src/main/services/opinions/document-number';
import { AGENCY, openWorkstation, REVIEWER, reviewedWorkstation, TODAY } from '../helpers/meeting-fixture';
import { tempDir } from '../helpers/package-builder';

const PASS = 'reviewer passphrase 1';
const YEAR = TODAY.slice(0, 4);
let dir: string;
let cases: string[];
let agency: string;

beforeAll(async () => {
  process.env.FASHEN_POOL_TEST_PASS = PASS;
  const r = await reviewedWorkstation({ reviewed: 2 });
  ({ dir } = r);
  cases = r.reviewed;
  try {
    await r.ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
    agency = r.ws.views.get(cases[0]!)!.agency.code;
    // Numbers as the central system hands them out (sync/number-pool.ts): 11 of them.
    const reviews = new ReviewRepo(r.ws.store.db);
    const now = new Date().toISOString();
    reviews.setSetting(`opinion_number_pool:${agency}:${YEAR}`, Array.from({ length: 11 }, (_, i) => i + 1), now);
    reviews.setSetting('opinion_number_pool_used', true, now);
  } finally {
    r.ws.close();
  }
}, 120_000);
afterAll(() => {
  delete process.env.FASHEN_POOL_TEST_PASS;
});

async function sign(caseId: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const code = await opinionSignCommand(() => openWorkstation(dir), ['sign', caseId], { json: false, out: tempDir('pool-out-'), passphraseEnv: 'FASHEN_POOL_TEST_PASS' }, io as never);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('fashen opinion sign and the 文号 pool', () => {
  it('is silent while 10 are left after signing, and says 9 when 9 are left', async () => {
    const first = await sign(cases[0]!);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain('预留文号');

    const second = await sign(cases[1]!);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('本机尚余预留文号 9 个：联网同步时自动补足');

    const ws = openWorkstation(dir);
    try {
      const reviews = new ReviewRepo(ws.store.db);
      expect(poolNumbers(reviews, agency, YEAR)).toHaveLength(9);
      // The sign dialog, before the next signing, by the same rule: 9 left, the low notice.
      expect(peekDocumentNumber(reviews, { code: agency, shortName: '测市监' }, TODAY, true).pool).toEqual({ remaining: 9, low: true });
    } finally {
      ws.close();
    }
  }, 90_000);
});
