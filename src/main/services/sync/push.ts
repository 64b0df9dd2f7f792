// Push: the outbox in order (oldest first), each signed submission POSTed with its client id.
// An entry leaves 'queued' only on the server's answer, written in one statement:
//   accepted (also as a repeat) → 'accepted'; stale → 'stale' with the current revision;
//   422 → 'rejected' with the reason (both stay visible to the reviewer).
// Anything else leaves it queued: the next sync sends the same id again and the server, which
// accepts an id once, answers with its first answer — so a crash at any point neither loses nor
// duplicates a submission. Each try is counted before it leaves (beginAttempt): an entry that may
// have reached the server is never changed again (stamp-outbox.ts stamps only untried entries).
import { SubmissionRequest } from '../../../shared/sync/protocol';
import type { SubmissionAnswer } from '../../../shared/sync/protocol';
import type { ReturnedSubmission } from '../../../shared/sync/returned';
import { withRetry, type RetryPolicy } from './retry';
import type { OutboxRow, SyncStateRepo } from './state';
import { signedOf } from './signed-content';
import { isTransportError, TransportError, type SyncTransport } from './transport';

export interface PushResult {
  sent: number;
  stale: number;
  rejected: number;
  /** Entries left queued because of a problem other than the network (shown in lastError). */
  problems: string[];
  /**
   * Entries for a case the central system does not have, or not for this reviewer (404): kept
   * queued — once the admin imports or assigns the case they go — but not an error of the sync.
   */
  waiting: string[];
  /** Entries answered rejected or stale in this run, as the reviewer is told of them. */
  returned: ReturnedSubmission[];
}

/** A returned entry with the 案号 and 文号 its signed content names (read leniently: a damaged row still reports). */
export function returnedOf(row: OutboxRow, state: ReturnedSubmission['state'], reason: string | null): ReturnedSubmission {
  const { caseNumber, documentNumber } = signedOf(row);
  return { id: row.id, kind: row.kind === 'minutes' ? 'minutes' : 'opinion', state, caseId: row.caseId, caseNumber, documentNumber, reason };
}

/** The outbox row as the server's SubmissionRequest: `content` of the signed file is the payload. */
export function toRequest(row: OutboxRow): { ok: true; request: SubmissionRequest } | { ok: false; reason: string } {
  let file: { format?: unknown; version?: unknown; content?: { case?: { id?: unknown; revisionHash?: unknown } }; signature?: unknown };
  try {
    file = JSON.parse(row.payloadJson) as typeof file;
  } catch {
    return { ok: false, reason: '本地提交件不是有效的 JSON' };
  }
  if (file?.format !== 'fashen-signed-submission' || file.version !== 1) return { ok: false, reason: '本地提交件格式或版本不符' };
  const parsed = SubmissionRequest.safeParse({
    id: row.id,
    kind: row.kind,
    caseId: file.content?.case?.id ?? row.caseId,
    caseRevisionHash: file.content?.case?.revisionHash,
    payload: file.content,
    signature: file.signature,
  });
  if (!parsed.success) return { ok: false, reason: `本地提交件缺少必要内容：${parsed.error.issues.map((i) => i.path.join('.')).slice(0, 3).join('、')}` };
  return { ok: true, request: parsed.data };
}

/** What the reviewer is shown for an answer (stale: the current revision; rejected: the reason). */
export function describeAnswer(answer: SubmissionAnswer): string | null {
  if (answer.status === 'stale') return `${answer.reason}（当前修订 ${answer.currentRevision}，${answer.currentRevisionHash.slice(0, 12)}…）`;
  if (answer.status === 'rejected') return answer.reason;
  return null;
}

export async function push(deps: {
  transport: SyncTransport;
  state: SyncStateRepo;
  retry: RetryPolicy;
  signal: AbortSignal;
  /** An entry still waiting for its timestamp: the push stops before it (the outbox goes in order). */
  holdFrom?: string | null;
  onEntry?: (row: OutboxRow, answer: SubmissionAnswer | null) => void;
}): Promise<PushResult> {
  const { transport, state, retry, signal } = deps;
  const result: PushResult = { sent: 0, stale: 0, rejected: 0, problems: [], waiting: [], returned: [] };
  for (const row of state.queued()) {
    signal.throwIfAborted();
    if (deps.holdFrom && row.id === deps.holdFrom) break;
    const built = toRequest(row);
    if (!built.ok) {
      state.attemptFailed(row.id, built.reason);
      result.problems.push(`${row.id.slice(0, 8)}：${built.reason}`);
      continue;
    }
    let answer: SubmissionAnswer;
    try {
      const send = () => {
        state.beginAttempt(row.id);
        return transport.submit(built.request, signal);
      };
      answer = (await withRetry(retry, signal, send, (err) => state.attemptFailed(row.id, (err as Error).message))).answer;
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      if (!isTransportError(err)) throw err;
      // (each failed try was already counted, with its reason, by the retry callback)
      // The network (or the server) is down: the rest would fail the same way. Stop here.
      if (err.retryable || err.status === 401 || err.kind === 'protocol') throw err;
      // 404: a case the server does not have or never assigned to her (a reassigned one is answered rejected).
      if (err.status === 404 && err.code === 'not_found') {
        result.waiting.push(row.id);
        continue;
      }
      // 409 (id reused), 400, 413: a problem of this entry.
      result.problems.push(`${row.id.slice(0, 8)}：${err.message}`);
      continue;
    }
    if (answer.id !== row.id) throw new TransportError('protocol', '中心系统答复的提交编号不符');
    const state_ = answer.status;
    const reason = describeAnswer(answer);
    state.settle(row.id, state_, reason);
    if (state_ === 'accepted') result.sent++;
    else {
      if (state_ === 'stale') result.stale++;
      else result.rejected++;
      result.returned.push(returnedOf(row, state_, reason));
    }
    deps.onEntry?.(row, answer);
  }
  return result;
}
