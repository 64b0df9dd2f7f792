// The audit chain head sent to the central system on each sync (issue 8): after the outbox push,
// POST /v1/audit/head with the head computed now. The central system alone can tell a history that
// was rebuilt locally (the local chain verifies intact), so its 409 is shown as a sync error — but
// it blocks nothing else. No outbox entry: a head that could not be sent is simply recomputed and
// sent on the next sync (only the latest matters).
//
// Anchors: the report also carries this chain's CURRENT hash at the seqs the central system already
// accepted (the `known.seq` of its last answer, plus the heads of bundles exported since), so a
// history rebuilt and grown past the last report cannot pass as growth. The seqs are kept in
// sync_state; when they are lost the server answers `audit_anchor_required` with the seq it needs
// and the head is reported once more with that anchor.
import { AUDIT_REWRITTEN_CODE, type AuditHeadReport } from '../../../shared/audit/head';
import { AuditAnchorRequired, isTransportError, type SyncTransport } from './transport';

export interface AuditHeadSource {
  head(): AuditHeadReport;
  /** The current hash of the entry at `seq`, null when the chain has no such entry. */
  hashAt(seq: number): string | null;
}

/** Where the anchor seqs live (SyncStateRepo). */
export interface AnchorStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const ANCHOR_SEQS_KEY = 'audit_anchor_seqs';
/** The server takes 32 anchors at most; a few bundles exported between two syncs is the norm. */
const MAX_ANCHORS = 16;

export type AuditHeadOutcome =
  | { kind: 'accepted' | 'repeated'; seq: number }
  /** The central system says the history was rewritten: `problem` goes into the run's status. */
  | { kind: 'rewritten'; problem: string }
  /** Not sent this time (network, server trouble, an older server): `note` tells the reviewer. */
  | { kind: 'unsent'; note: string }
  | { kind: 'none' };

const SERVER_PREFIX = /^本机审计记录与此前报送的不一致：/;

/** The seqs to anchor at, oldest first (unreadable or missing: none — the server will ask). */
export function anchorSeqs(state: AnchorStore): number[] {
  try {
    const v = JSON.parse(state.get(ANCHOR_SEQS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((n): n is number => Number.isSafeInteger(n) && n > 0) : [];
  } catch {
    return [];
  }
}

function saveSeqs(state: AnchorStore, seqs: number[]): void {
  const unique = [...new Set(seqs.filter((n) => n > 0))].sort((a, b) => a - b);
  state.set(ANCHOR_SEQS_KEY, JSON.stringify(unique.slice(-MAX_ANCHORS)));
}

/** The head now, with the chain's current hash at each anchor seq (plus `extra` the server asked for). */
export function anchoredHead(audit: AuditHeadSource, state: AnchorStore, extra: number[] = []): AuditHeadReport {
  const seqs = [...new Set([...anchorSeqs(state), ...extra])].filter((n) => n > 0).slice(-MAX_ANCHORS);
  const head = audit.head();
  return seqs.length ? { ...head, anchors: seqs.map((seq) => ({ seq, hash: audit.hashAt(seq) })) } : head;
}

/** A bundle carried this head: the server may learn it from the import, so anchor there too. */
export function rememberExportedHead(state: AnchorStore, seq: number): void {
  saveSeqs(state, [...anchorSeqs(state), seq]);
}

/** The server's highest accepted seq: anchors below it are no longer needed (it checks that one). */
function learnKnown(state: AnchorStore, known: number): void {
  saveSeqs(state, [known, ...anchorSeqs(state).filter((s) => s > known)]);
}

/** Sends the head (once more if the server asks for an anchor); a cancel propagates, every other failure becomes an outcome. */
export async function reportAuditHead(transport: SyncTransport, audit: AuditHeadSource | null, signal: AbortSignal, state: AnchorStore): Promise<AuditHeadOutcome> {
  if (!audit) return { kind: 'none' };
  try {
    let answer;
    try {
      answer = await transport.auditHead(anchoredHead(audit, state), signal);
    } catch (err) {
      if (!(err instanceof AuditAnchorRequired)) throw err;
      answer = await transport.auditHead(anchoredHead(audit, state, [err.seq]), signal);
    }
    learnKnown(state, answer.known.seq);
    return { kind: answer.status, seq: answer.seq };
  } catch (err) {
    if (signal.aborted) throw err;
    if (isTransportError(err) && err.status === 409 && err.code === AUDIT_REWRITTEN_CODE) {
      return { kind: 'rewritten', problem: `审计记录与中心不一致：${err.message.replace(SERVER_PREFIX, '')}` };
    }
    if (isTransportError(err) && err.status === 401) throw err; // the login expired: the whole run says so
    return { kind: 'unsent', note: `审计链头未能报送中心系统（${(err as Error).message}），下次同步时重新报送` };
  }
}
