// What an automatic sync run leaves in the audit chain: the same entries as a run from the button
// (the sync.run rule), marked `trigger: 'auto'` — but only for a run that changed something here
// (cases in or out, submissions answered, keys registered, a calendar). A quiet run every quarter
// of an hour would bury the chain's meaningful entries under hundreds of empty ones a week.
import type { SyncRunResult } from '../../../shared/sync/status';
import type { Workstation } from '../../workstation';
import type { Via } from './recorder';
import { auditRule } from './rules';
import type { AppendEntry } from './log';

export function autoRunChanged(r: SyncRunResult): boolean {
  const s = r.summary;
  return s.pulled + s.sent + s.stale + s.rejected + s.refused + s.unassigned + (s.enrolled ?? 0) > 0 || !!s.calendarUpdated?.length;
}

export function recordAutoSync(ws: Workstation, r: SyncRunResult, via: Via): void {
  if (!autoRunChanged(r)) return;
  const rule = auditRule('sync.run') as unknown as { entries: (i: unknown, o: SyncRunResult) => AppendEntry[] };
  for (const e of rule.entries({}, r)) ws.audit.log.append({ ...e, detail: { ...e.detail, via, trigger: 'auto' } });
}
