// Is a reported audit head a continuation of what the central system knew of that workstation?
// A hash chain only grows: the same seq always has the same hash, and seq never goes back. So a
// head (or an anchor) at a known seq with another hash, an anchor the chain no longer has, or a head
// behind the highest known seq means the workstation's history was rewritten. A head beyond the
// highest known seq must carry an anchor there (its current hash at that seq) — otherwise a history
// rebuilt and grown past the last report would look like honest growth. Pure, for tests and the
// route, the bundle import and the in-memory central system alike.
import type { AuditAnchor } from '../../shared/audit/head';

export interface KnownHeads {
  /** Highest accepted seq of this device, null when none yet. */
  maxSeq: number | null;
  /** Accepted hashes at (at least) the reported seq and the anchor seqs, where known. */
  hashAt: ReadonlyMap<number, string>;
}

/**
 * online: the workstation can be asked again (`anchor_required`) and is strict about going back.
 * bundle: carried by hand, possibly late or out of order — what cannot be checked is left unjudged.
 */
export type HeadMode = 'online' | 'bundle';

export type HeadVerdict =
  | { status: 'accepted' }
  | { status: 'repeated' }
  | { status: 'rewritten'; reason: string }
  /** Online: report again with the current hash at `seq`. */
  | { status: 'anchor_required'; seq: number }
  /** Bundle: neither stored nor flagged; the next online report is checked in full. */
  | { status: 'unverified'; reason: string };

export function judgeHead(known: KnownHeads, head: { seq: number; hash: string; anchors?: AuditAnchor[] }, mode: HeadMode): HeadVerdict {
  const anchors = head.anchors ?? [];
  for (const a of anchors) {
    const was = known.hashAt.get(a.seq);
    if (was === undefined) continue; // a seq this server never accepted (e.g. a bundle not imported yet)
    if (a.hash === null) return { status: 'rewritten', reason: `本机审计链已没有此前报送过的第 ${a.seq} 条（记录被删除）` };
    if (a.hash !== was) return { status: 'rewritten', reason: `第 ${a.seq} 条的校验值与此前报送的不同（该条或更早的记录被改写）` };
  }
  const atSeq = known.hashAt.get(head.seq);
  if (atSeq !== undefined && atSeq !== head.hash) {
    return { status: 'rewritten', reason: `第 ${head.seq} 条的校验值与此前报送的不同（该条或更早的记录被改写）` };
  }
  if (known.maxSeq !== null && head.seq < known.maxSeq) {
    if (mode === 'bundle') {
      return atSeq !== undefined ? { status: 'repeated' } : { status: 'unverified', reason: `交换包的链头第 ${head.seq} 条早于中心已知的第 ${known.maxSeq} 条（交换包晚到），未作判断` };
    }
    return { status: 'rewritten', reason: `报送的链头第 ${head.seq} 条早于此前报送的第 ${known.maxSeq} 条（其后的记录被删除）` };
  }
  if (atSeq !== undefined) return { status: 'repeated' };
  // Beyond everything known: it must extend the chain at the highest known seq (seq 0 is only genesis).
  if (known.maxSeq !== null && known.maxSeq > 0 && !anchors.some((a) => a.seq === known.maxSeq)) {
    return mode === 'online'
      ? { status: 'anchor_required', seq: known.maxSeq }
      : { status: 'unverified', reason: `交换包未附中心已知的第 ${known.maxSeq} 条的校验值，无法核对链的延续，未予记录` };
  }
  return { status: 'accepted' };
}
