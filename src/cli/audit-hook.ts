// The CLI's audit hook: the commands that change things (import, review, keys, opinion sign, sync)
// are recorded in the same hash-chained log as the app's Api calls, after they ran — by exit code,
// since the commands call the services directly. Imports (and sync pulls) are recorded per case
// from what changed in the store. Exports (opinion files, offline bundle) first pass the export
// policy: without --approval/--approver when an approval is required, the command is refused.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CALENDAR_FILE, readCalendarFile } from '../shared/calendar/calendar-file';
import type { Workstation } from '../main/workstation';
import type { AppendEntry } from '../main/services/audit/log';
import { ApiFailure } from '../shared/api/result';
import { failureOutcome, type AuditAction } from '../shared/audit/actions';
import type { Io } from './main';
import { caseIdOf } from './case-key';
import { maskText } from '../shared/privacy/mask';

export interface CliAuditArgs {
  positionals: string[];
  approval?: string | undefined;
  approver?: string | undefined;
  /** --opinion of `review conclude` (the conclusion type). */
  opinion?: string | undefined;
  /** --reason of `review reopen` (masked before it is recorded). */
  reason?: string | undefined;
}

interface Plan {
  action: AuditAction;
  /** A case id or case number as typed (resolved to the id). */
  caseKey?: string | undefined;
  detail: Record<string, unknown>;
  export?: boolean;
  /** Record the cases the command brought in (import, sync). */
  diffCases?: 'import' | 'sync';
  /** Also record this export after success (opinion sign writes the files out). */
  alsoExport?: AuditAction;
}

function plan(args: string[], opinion: string | undefined, reason: string | undefined): Plan | null {
  const [cmd, sub, a1, a2, a3] = args;
  switch (cmd) {
    case 'import':
      return { action: 'case.import', detail: { sources: args.slice(1).map((p) => basename(p)) }, diffCases: 'import' };
    case 'keys':
      return sub === 'create' ? { action: 'key.create', detail: {} } : null;
    case 'review':
      if (sub === 'point') return { action: 'review.point', caseKey: a1, detail: { point: a2 ?? null, decision: a3 ?? null } };
      if (sub === 'conclude') return { action: 'review.conclude', caseKey: a1, detail: { type: opinion ?? null } };
      if (sub === 'reopen') return { action: 'review.reopen', caseKey: a1, detail: reason?.trim() ? { reason: maskText(reason.trim()).slice(0, 200) } : {} };
      return null;
    case 'reviewer':
      return sub === 'set' ? { action: 'settings.change', detail: { setting: 'reviewer_profile' } } : null;
    case 'opinion':
      return sub === 'sign' ? { action: 'opinion.sign', caseKey: a1, detail: {}, export: true, alsoExport: 'export.opinion' } : null;
    case 'sync':
      if (sub === undefined) return { action: 'sync.run', detail: {}, diffCases: 'sync' };
      if (sub === 'export-bundle') return { action: 'export.bundle', detail: {}, export: true };
      return null;
    case 'verify-files':
      return sub ? { action: 'case.verify', caseKey: sub, detail: {} } : null;
    default:
      return null;
  }
}


function revisions(ws: Workstation): Map<string, number> {
  const rows = ws.store.sqlite.prepare('select id, revision from case_file').all() as { id: string; revision: number }[];
  return new Map(rows.map((r) => [r.id, r.revision]));
}

/** The calendar update this data folder holds (<data>/calendar.json), or null. */
function calendarText(ws: Workstation): string | null {
  try {
    return readFileSync(join(ws.dataDir, CALENDAR_FILE), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Runs a command under the audit hook. `open` opens the workstation (the command opens and
 * closes its own; the hook's is open only before and after it, never while it runs).
 */
export async function auditedCommand(open: () => Workstation, args: CliAuditArgs, run: () => Promise<number>, io: Io): Promise<number> {
  const p = plan(args.positionals, args.opinion, args.reason);
  if (!p) return run();
  const approval = args.approval || args.approver ? { reference: (args.approval ?? '').trim(), approver: (args.approver ?? '').trim() } : undefined;
  let before: Map<string, number> | null = null;
  let calendarBefore: string | null = null;
  if (p.export || p.diffCases) {
    const ws = open();
    try {
      if (p.export) {
        if (approval && (approval.reference.length < 2 || approval.approver.length < 2)) {
          io.err('--approval（批准文号）和 --approver（批准人）须同时填写，各至少 2 个字\n');
          return 2;
        }
        try {
          ws.audit.policy.check(approval);
        } catch (err) {
          if (!(err instanceof ApiFailure)) throw err;
          ws.audit.log.append({ action: p.action, subject: caseIdOf(ws, p.caseKey), detail: { ...p.detail, outcome: failureOutcome(err.error.code), code: err.error.code, reason: err.error.message.slice(0, 200), via: 'cli' } });
          io.err(`${err.message}（命令行：--approval <批准文号> --approver <批准人>）\n`);
          return 1;
        }
      }
      if (p.diffCases) before = revisions(ws);
      if (p.diffCases) calendarBefore = calendarText(ws);
    } finally {
      ws.close();
    }
  }
  const code = await run();
  // 2 = usage error: nothing was attempted, nothing to record.
  if (code === 2) return code;
  const ws = open();
  try {
    const subject = caseIdOf(ws, p.caseKey);
    const extra = { ...(approval && p.export ? { approval } : {}), via: 'cli' };
    const entries: AppendEntry[] = [];
    if (p.diffCases && before) {
      for (const [id, revision] of revisions(ws)) {
        const was = before.get(id);
        if (was === revision) continue;
        entries.push({ action: 'case.import', subject: id, detail: { result: was === undefined ? 'imported' : 'new_round', revision, origin: p.diffCases, ...extra } });
      }
    }
    if (p.diffCases) {
      const after = calendarText(ws);
      const read = after !== null && after !== calendarBefore ? readCalendarFile(after) : null;
      // A calendar taken by a sync or from a bundle moves deadlines: its own entry, as in the app.
      if (read?.ok) entries.push({ action: 'calendar.update', subject: null, detail: { years: read.file.years, source: read.file.source, origin: p.diffCases === 'sync' ? 'sync' : 'bundle', ...extra } });
    }
    const detail = code === 0 ? { ...p.detail, ...extra } : { ...p.detail, outcome: 'failed', exitCode: code, ...extra };
    if (p.action === 'key.create' && code === 0) Object.assign(detail, { keyId: ws.opinions.keys.view().active?.keyId ?? null });
    // Per-case import entries say it all for a successful import; the run itself is recorded for sync.
    if (!(p.action === 'case.import' && code === 0)) entries.push({ action: p.action, subject, detail });
    if (p.alsoExport && code === 0) entries.push({ action: p.alsoExport, subject, detail: { ...extra } });
    for (const e of entries) ws.audit.log.append(e);
  } finally {
    ws.close();
  }
  return code;
}
