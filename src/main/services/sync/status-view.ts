// The sync panel's view (sync.status): the engine's status plus what a reviewer needs to act on —
// the saved login, the queued submissions with their cases, the stale and rejected ones with the
// central system's reason and what followed them, and feed entries refused and not since replaced.
import type { OutboxEntryView, SyncStatusView } from '../../../shared/api/sync';
import { statusLine, type SyncOutcome } from '../../../shared/sync/status';
import type { SyncEngine } from './engine';
import { readCentralLogin } from './login';
import type { CacheKey } from '../cache-crypto/cache-key';
import { handledOf, madeAfter, type Handled, type OutboxRow, type OutboxWithCase } from './state';
import { signedOf } from './signed-content';

/** Lists are capped: weeks offline may queue many; the counts stay exact. */
export const LIST_LIMIT = 200;

const OUTCOMES: readonly SyncOutcome[] = ['synced', 'offline', 'error', 'cancelled'];

function entryView({ row, local }: OutboxWithCase, later: OutboxEntryView['later'], handled: Handled = null): OutboxEntryView {
  const signed = signedOf(row);
  return {
    id: row.id,
    kind: row.kind === 'minutes' ? 'minutes' : 'opinion',
    state: row.state === 'stale' || row.state === 'rejected' ? row.state : 'queued',
    caseId: row.caseId,
    caseNumber: signed.caseNumber ?? local?.caseNumber ?? null,
    caseTitle: local ? `${local.partyName} · ${local.cause}` : null,
    documentNumber: signed.documentNumber,
    round: signed.round,
    version: signed.version,
    revision: signed.revision,
    currentRevision: local?.revision ?? null,
    currentRound: local?.round ?? null,
    attempts: row.attempts,
    reason: row.lastError,
    exportedAt: row.exportedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    later,
    handled,
  };
}

/** The newest submission of the same kind for the same case made after `row`. */
function laterOf(row: OutboxRow, sameCase: OutboxRow[]): OutboxEntryView['later'] {
  const after = sameCase.filter((o) => o.kind === row.kind && o.id !== row.id && madeAfter(o, row));
  const last = after[after.length - 1];
  if (!last) return null;
  const s = signedOf(last);
  return { id: last.id, state: last.state, version: s.version, round: s.round };
}

/** `key`: the unlocked cache key — a saved login whose token does not open with it shows as not logged in. */
export function syncStatusView(engine: SyncEngine, dataDir: string, key?: CacheKey): SyncStatusView {
  const login = readCentralLogin(dataDir, key);
  const status = engine.status(login?.server ?? null);
  const outcome = engine.last().outcome;
  const state = engine.state;

  const queued = state.listWithCase(['queued'], 'oldest', LIST_LIMIT);
  const attention = state.listWithCase(['stale', 'rejected'], 'newest', LIST_LIMIT);
  const caseIds = [...new Set(attention.map((a) => a.row.caseId).filter((id): id is string => id !== null))];
  const byCase = state.byCase(caseIds);
  const acknowledged = state.acknowledged();

  // A refusal matters until a later revision of that case has arrived here.
  const refusedAll = state.refused();
  const local = state.localRevisions([...new Set(refusedAll.map((r) => r.caseId))]);
  const refused = refusedAll.filter((r) => (local.get(r.caseId)?.revision ?? 0) < r.revision).reverse();

  return {
    ...status,
    line: statusLine(status),
    login: login ? { server: login.server, user: login.user ?? null } : null,
    lastOutcome: OUTCOMES.includes(outcome as SyncOutcome) ? (outcome as SyncOutcome) : null,
    queued: queued.map((q) => entryView(q, null)),
    needsAttention: attention.map((a) => {
      const sameCase = a.row.caseId ? (byCase.get(a.row.caseId) ?? []) : [];
      return entryView(a, a.row.caseId ? laterOf(a.row, sameCase) : null, handledOf(a.row, sameCase, acknowledged));
    }),
    refused,
    auto: autoView(engine),
  };
}

function autoView(engine: SyncEngine): SyncStatusView['auto'] {
  if (!engine.auto) return null;
  const enabled = engine.autoEnabled();
  return { enabled, nextAt: enabled ? (engine.auto.nextAt()?.toISOString() ?? null) : null };
}
