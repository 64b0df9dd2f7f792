// 文号 of review opinions: <agency short name>法审〔<year>〕<n>号, unique per agency and year.
// A workstation that has logged in to the central system (or ever reserved numbers) signs only with
// numbers the central system handed out to it (a pool per agency and year, topped up by the sync:
// sync/number-pool.ts), so two reviewers never take the same one. One that never logged in
// (standalone, demo) counts on its own, as before.
import { ApiFailure } from '../../../shared/api/result';
import type { NumberPoolView } from '../../../shared/api/opinions';
import type { ReviewRepo } from '../../db/repos/reviews';
import { isPoolLow } from '../../../shared/opinion/number-pool-notice';

const counterKey = (agencyCode: string, year: string) => `opinion_number:${agencyCode}:${year}`;
const poolKey = (agencyCode: string, year: number | string) => `opinion_number_pool:${agencyCode}:${year}`;
/** Set at the first reservation: from then on the pool is the only source, logged in or not. */
const POOL_USED = 'opinion_number_pool_used';
/** Set when the central system answered that it hands out no numbers (an older server). */
const POOL_UNSUPPORTED = 'opinion_number_pool_unsupported';

export const POOL_EMPTY = '本机预留的文号已用完：请联网同步一次以领取文号后再签署';

/** What a preview shows and signing takes: the number itself, and for a pooled one the pool state. */
export interface PeekedNumber {
  documentNumber: string;
  /** The pooled number (null: the local counter, or an empty pool). */
  pooled: number | null;
  pool: NumberPoolView | null;
}

/**
 * Pool numbers once any were reserved; logged in, from the start (the login's sync fills the pool) —
 * unless the central system hands out none (an older server), where the local counter stays in use.
 */
export const usesPool = (reviews: ReviewRepo, loggedIn: boolean): boolean =>
  reviews.getSetting<boolean>(POOL_USED) === true || (loggedIn && reviews.getSetting<boolean>(POOL_UNSUPPORTED) !== true);

/** The central system keeps no numbers: sign with the local counter (its duplicates it still refuses). */
export function markPoolUnsupported(reviews: ReviewRepo, now: string): void {
  reviews.setSetting(POOL_UNSUPPORTED, true, now);
}

export function poolNumbers(reviews: ReviewRepo, agencyCode: string, year: number | string): number[] {
  return reviews.getSetting<number[]>(poolKey(agencyCode, year)) ?? [];
}

/** Adds a block handed out by the central system (both ends included). */
export function addToPool(reviews: ReviewRepo, block: { agency: string; year: number; from: number; to: number }, now: string): void {
  const have = new Set(poolNumbers(reviews, block.agency, block.year));
  for (let n = block.from; n <= block.to; n++) have.add(n);
  reviews.setSetting(poolKey(block.agency, block.year), [...have].sort((a, b) => a - b), now);
  reviews.setSetting(POOL_USED, true, now);
}

const text = (shortName: string, year: string, n: number | null) => `${shortName}法审〔${year}〕${n ?? '　'}号`;

export function peekDocumentNumber(reviews: ReviewRepo, agency: { code: string; shortName: string }, date: string, loggedIn: boolean): PeekedNumber {
  const year = date.slice(0, 4);
  if (!usesPool(reviews, loggedIn)) {
    const next = (reviews.getSetting<number>(counterKey(agency.code, year)) ?? 0) + 1;
    return { documentNumber: text(agency.shortName, year, next), pooled: null, pool: null };
  }
  const pool = poolNumbers(reviews, agency.code, year);
  const lowest = pool[0] ?? null;
  return { documentNumber: text(agency.shortName, year, lowest), pooled: lowest, pool: { remaining: pool.length, low: isPoolLow(pool.length) } };
}

/**
 * Consumes the number the preview showed (called in the signing transaction). A pooled number must
 * still be in the pool; with the pool in use and none shown, signing is refused — never an invented number.
 */
export function takeDocumentNumber(reviews: ReviewRepo, agency: { code: string }, date: string, now: string, shown: { pooled: number | null; loggedIn: boolean }): void {
  const year = date.slice(0, 4);
  if (!usesPool(reviews, shown.loggedIn)) {
    reviews.setSetting(counterKey(agency.code, year), (reviews.getSetting<number>(counterKey(agency.code, year)) ?? 0) + 1, now);
    return;
  }
  const pool = poolNumbers(reviews, agency.code, year);
  if (shown.pooled === null) throw new ApiFailure({ code: 'conflict', message: pool.length ? '文号改由中心系统预留：请重新预览后再签署' : POOL_EMPTY });
  if (!pool.includes(shown.pooled)) throw new ApiFailure({ code: 'conflict', message: '预览所示的文号已不在本机预留的文号中：请重新预览后再签署' });
  reviews.setSetting(poolKey(agency.code, year), pool.filter((n) => n !== shown.pooled), now);
}
