// A conclusion withdrawn after its opinion was signed: the signed opinion of that conclusion must
// not go to the central system while the reviewer is revising it. One that never left this
// workstation (no try counted, not written to a U 盘 bundle) is taken out of the outbox; the
// signed record stays in the opinion list as 已撤回. One that may already have left cannot be
// called back: it stays, and the version signed next supersedes it at the central system.
import type Database from 'better-sqlite3-multiple-ciphers';

/** Returns how many signed opinions of the review `reviewId` were held back. Run inside the reopen's transaction. */
export function withdrawUnsentOpinions(sqlite: Database.Database, reviewId: string): number {
  // The same guard the push relies on (attempts = 0 until a try is counted before sending): a try
  // starting at this moment either counted first (nothing withdrawn) or finds no entry.
  return sqlite
    .prepare(
      `delete from outbox where kind = 'opinion' and state = 'queued' and attempts = 0 and exported_at is null
         and id in (select id from opinion where review_id = ?)`,
    )
    .run(reviewId).changes;
}
