// The audit log at a few years' size: appending one entry (hash of the JCS form, under the write
// lock, with the last hash read back), the case trail the 审计记录 drawer asks for (indexed by
// subject), and verifying the whole chain (`fashen audit verify`, audit.verify) — all on a real
// store file.
import { join } from 'node:path';
import { openStore } from '../../src/main/db/open';
import { AuditService } from '../../src/main/services/audit/index';
import { int, median, ms, p95, timed, tmp, type Section } from './common';

// ~200 entries a working day for a busy reviewer is ~50,000 a year.
export const AUDIT_ENTRIES = Number(process.env.FASHEN_BENCH_AUDIT ?? 200_000);
const CASES = 2_000;

export async function benchAudit(s: Section): Promise<void> {
  const store = openStore(join(tmp('bench-audit-'), 'fashen.db'));
  const audit = new AuditService(store.sqlite, { actor: () => '王审核' });
  try {
    const actions = ['case.open', 'evidence.open', 'annotation.create', 'review.point', 'review.conclude'];
    // Filled in batches of 1,000 per transaction (a real log grows one entry at a time: measured below).
    const [, fill] = await timed(() => {
      for (let b = 0; b < AUDIT_ENTRIES / 1000; b++) {
        store.sqlite.transaction(() => {
          for (let i = 0; i < 1000; i++) {
            const n = b * 1000 + i;
            audit.log.append({ action: actions[n % actions.length]!, subject: `case-${n % CASES}`, detail: { itemId: `e${n % 17}`, round: 1, via: 'desktop' } });
          }
        })();
      }
    });
    s.add({ what: `fill ${int(AUDIT_ENTRIES)} entries (1,000 per transaction)`, measured: `${ms(fill)} (${int((AUDIT_ENTRIES / fill) * 1000)} entries/s)` });

    const one: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [, t] = await timed(() => audit.log.append({ action: 'case.open', subject: `case-${i % CASES}`, detail: { round: 1 } }));
      one.push(t);
    }
    s.add({ what: 'append one entry, own transaction (WAL commit)', measured: `median ${ms(median(one))}, p95 ${ms(p95(one))}` });

    const trail: number[] = [];
    for (let i = 0; i < 50; i++) trail.push((await timed(() => audit.log.forSubject(`case-${(i * 37) % CASES}`, 500)))[1]);
    s.add({ what: `audit.case: one case's trail (~${int(AUDIT_ENTRIES / CASES)} entries)`, measured: `median ${ms(median(trail))}, p95 ${ms(p95(trail))}` });

    const [report, verify] = await timed(() => audit.log.verify());
    if (!report.intact) throw new Error('bench chain broken');
    s.add({ what: `verify the whole chain (${int(report.count)} entries)`, measured: `${ms(verify)} (${int((report.count / verify) * 1000)} entries/s)` });
  } finally {
    store.close();
  }
}
