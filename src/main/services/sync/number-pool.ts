// After the pull: the pool of 文号 this workstation signs with (opinions/document-number.ts) is topped
// up from the central system (POST /v1/document-numbers/reserve), for every agency whose cases are
// held here and the current year — to POOL_TARGET when fewer than POOL_REFILL_BELOW are left, so a
// reviewer can sign for weeks offline. After the pull, so a first sync already covers the cases it
// brought. A failure is a note: the pool left is still good, the next sync tries again.
import type { ReserveNumbersAnswer, ReserveNumbersRequest } from '../../../shared/api/sync';
import { chinaToday } from '../../../shared/format/date';
import type { Db } from '../../db/open';
import { CaseFileRepo } from '../../db/repos/case-files';
import { ReviewRepo } from '../../db/repos/reviews';
import { addToPool, markPoolUnsupported, poolNumbers } from '../opinions/document-number';
import { withRetry, type RetryPolicy } from './retry';
import { isTransportError, type SyncTransport } from './transport';

export const POOL_TARGET = 20;
export const POOL_REFILL_BELOW = 10;

export interface NumberingTransport {
  /** null: the server hands out no numbers (an older one). */
  reserveDocumentNumbers(req: ReserveNumbersRequest, signal: AbortSignal): Promise<ReserveNumbersAnswer | null>;
}

export function hasNumbering(t: SyncTransport | null): t is SyncTransport & NumberingTransport {
  return t !== null && typeof (t as Partial<NumberingTransport>).reserveDocumentNumbers === 'function';
}

export interface TopUpResult {
  /** Numbers added to the pool in this run. */
  reserved: number;
  notes: string[];
}

/** `today`: the workstation's date (China time), whose year signing numbers in. */
export async function topUpNumberPool(deps: { transport: SyncTransport; db: Db; retry: RetryPolicy; signal: AbortSignal; now: () => Date; today?: () => string }): Promise<TopUpResult> {
  const result: TopUpResult = { reserved: 0, notes: [] };
  const { transport, signal } = deps;
  if (!hasNumbering(transport)) return result;
  const reviews = new ReviewRepo(deps.db);
  const today = deps.today?.() ?? chinaToday(deps.now());
  const year = Number(today.slice(0, 4));
  // In December the next year's numbers too: a reviewer offline over New Year can still sign.
  const years = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  for (const code of new CaseFileRepo(deps.db).agencyCodes()) {
    for (const y of years) {
      const left = poolNumbers(reviews, code, y).length;
      if (left >= POOL_REFILL_BELOW) continue;
      try {
        const block = await withRetry(deps.retry, signal, () => transport.reserveDocumentNumbers({ agency: code, year: y, count: POOL_TARGET - left }, signal));
        if (!block) {
          // This server keeps no numbers: the local counter stays in use.
          markPoolUnsupported(reviews, deps.now().toISOString());
          return result;
        }
        addToPool(reviews, block, deps.now().toISOString());
        result.reserved += block.to - block.from + 1;
      } catch (err) {
        if (signal.aborted || !isTransportError(err)) throw err;
        result.notes.push(`未能从中心系统领取文号（${err.message}）：本机尚余${y}年预留文号 ${left} 个，下次同步时再领取`);
      }
    }
  }
  return result;
}
