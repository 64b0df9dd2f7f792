// Which Api calls the audit log records, as what, about which subject. The dispatch runs every
// call through `withAudit` (recorder.ts), which consults this table: one place instead of a line
// in every service. Subjects are case ids for everything about a case, so a case's trail is one
// indexed lookup; details hold ids and codes, never party names or free text (personal data).
import { basename } from 'node:path';
import type { ApiContract, CallName, CallOutput } from '../../../shared/api/index';
import type { ParsedInputOf } from '../../../shared/api/define';
import type { AuditAction } from '../../../shared/audit/actions';
import { ApiFailure } from '../../../shared/api/result';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { BundleCalendar, BundleImport, CentralBundleResult } from '../../../shared/api/sync';
import type { Workstation } from '../../workstation';
import type { AppendEntry } from './log';
import { maskText } from '../../../shared/privacy/mask';
import { OfflineUpdateFailure, type UpdateCheckRefusal } from '../update/service';

/**
 * read: recorded on success only, and a repeat of the same read with nothing in between is folded;
 * change: recorded on success, and as refused/failed when it does not go through;
 * export: a change that copies records out — the export policy applies (approval);
 * check: a verification whose passing changes nothing — recorded only when it refuses or fails.
 */
export type RuleKind = 'read' | 'change' | 'export' | 'check';

export interface AuditRule<N extends CallName, B = unknown> {
  action: AuditAction;
  kind: RuleKind;
  /** Runs before the handler: what the entry needs that the call destroys (e.g. a deleted note's case). */
  before?: (ws: Workstation, input: ParsedInputOf<ApiContract[N]>) => B;
  /** Subject of a refused/failed attempt (and of success unless `entries` says otherwise). */
  subject: (input: ParsedInputOf<ApiContract[N]>, before: B) => string | null;
  detail?: (input: ParsedInputOf<ApiContract[N]>, output: CallOutput<N>, before: B) => Record<string, unknown>;
  /**
   * What a refused/failed entry says besides outcome, code and reason (which it may override):
   * the item an export was about even when it never answered, an offline file's name.
   */
  failureDetail?: (input: ParsedInputOf<ApiContract[N]>, err: unknown) => Record<string, unknown>;
  /** Several entries for one call (imports: one per case). */
  entries?: (input: ParsedInputOf<ApiContract[N]>, output: CallOutput<N>) => AppendEntry[];
  /** Not recorded when false (e.g. an integrity re-check not tied to opening an item). */
  when?: (input: ParsedInputOf<ApiContract[N]>) => boolean;
  /**
   * The handler is synchronous (better-sqlite3): run it and the append in one transaction, so
   * the action and its record commit together or not at all.
   */
  sameTx?: boolean;
}

// `any`: each rule names the type its own `before` returns.
type Rules = { [N in CallName]?: AuditRule<N, any> };

/**
 * What 导入案卷包 was given, per case, as the importer names it (case-bundle.ts): a lone case folder
 * or .zip is a 案卷包 ('folder' / 'zip'); a package inside a multi-package .zip ("….zip/…") or any
 * package of a bundle the central system signed is from a 交换包 ('bundle').
 */
function bundleOrigin(source: string, signed: boolean): string {
  if (signed || /\.zip[\\/]/i.test(source)) return 'bundle';
  return /\.zip$/i.test(source) ? 'zip' : 'folder';
}

function importEntries(outcomes: ImportOutcome[], origin: string | ((o: ImportOutcome) => string)): AppendEntry[] {
  return outcomes
    .filter((o) => !o.ok || o.action !== 'unchanged')
    .map((o) => ({ o, origin: typeof origin === 'string' ? origin : origin(o) }))
    .map(({ o, origin }) =>
      o.ok
        ? { action: 'case.import', subject: o.caseId ?? null, detail: { caseNumber: o.caseNumber ?? null, result: o.action ?? 'imported', source: basename(o.source), origin } }
        : { action: 'case.import', subject: o.caseId ?? null, detail: { outcome: 'failed', source: basename(o.source), error: o.error ?? null, origin } },
    );
}

/** A working-day calendar from a bundle moves deadlines: recorded when taken anew or refused. */
function calendarEntries(c: BundleCalendar | null, origin: string): AppendEntry[] {
  if (!c || (c.taken && !c.changed)) return [];
  return [{ action: 'calendar.update', subject: null, detail: c.taken ? { years: c.years, source: c.source, origin } : { outcome: 'refused', problem: c.problem, origin } }];
}

/** What a central bundle's signed manifest did: answers settling the outbox are worth a line. */
function centralEntries(c: CentralBundleResult | undefined): AppendEntry[] {
  if (!c) return [];
  const detail = c.verified ? { central: 'verified', reviewer: c.reviewer, ...c.answers } : { central: 'unverified' };
  return [{ action: 'sync.importBundle', subject: null, detail: { ...detail, origin: 'bundle' } }];
}

/** A folder's bundles each with their own calendar and signature, each recorded (with the bundle's file name). */
function bundleImportEntries(out: BundleImport): AppendEntry[] {
  const signedBundle = (source: string) => out.bundles?.some((b) => b.central && (source === b.source || source.startsWith(`${b.source}/`))) ?? false;
  const cases = importEntries(out.outcomes, (o) => bundleOrigin(o.source, out.central !== undefined || signedBundle(o.source)));
  if (!out.bundles) return [...cases, ...calendarEntries(out.calendar, 'bundle'), ...centralEntries(out.central)];
  const named = (e: AppendEntry, source: string): AppendEntry => ({ ...e, detail: { ...e.detail, bundle: basename(source) } });
  return [...cases, ...out.bundles.flatMap((b) => [...calendarEntries(b.calendar, 'bundle'), ...centralEntries(b.central)].map((e) => named(e, b.source)))];
}

/**
 * An online update check that met a bad or untrusted release signature (检查更新). The check answers
 * with a status, so no rule sees it: services/update/service.ts tells handlers/app.ts, which appends this.
 */
export function updateCheckRefusalEntry(r: UpdateCheckRefusal): AppendEntry {
  return { action: 'app.updateCheck', subject: null, detail: { outcome: 'refused', code: r.code, reason: r.reason, channel: r.channel } };
}

/** A refused offline update file: its name and a short reason (the service says which). */
function offlineRefusal(input: { path: string }, err: unknown): Record<string, unknown> {
  return err instanceof OfflineUpdateFailure ? { ...err.refusal } : { file: basename(input.path) };
}

function annotationCase(ws: Workstation, id: string): { caseId: string; itemId: string; kind: string } | null {
  const a = ws.annotations.get(id);
  return a ? { caseId: a.caseId, itemId: a.itemId, kind: a.kind } : null;
}

/** The item being opened must be that case's item with that file; a forged pairing is refused. */
function openedItem(ws: Workstation, input: { sha256: string; caseId?: string | undefined; itemId?: string | undefined }): null {
  if (!input.caseId || !input.itemId) return null;
  const agg = ws.cases.load(input.caseId);
  const item = agg && [...agg.documents, ...agg.evidence].find((x) => x.id === input.itemId);
  if (!item || item.sha256 !== input.sha256) throw new ApiFailure({ code: 'invalid_input', message: '请求参数无效：该案件中没有与此文件对应的材料' });
  return null;
}

export const AUDIT_RULES: Rules = {
  'cases.get': { action: 'case.open', kind: 'read', subject: ({ id }) => id, detail: (_i, v) => ({ caseNumber: v.caseNumber, round: v.round, revision: v.revision }) },
  'cases.import': { action: 'case.import', kind: 'change', subject: () => null, entries: (_i, out) => importEntries(out, 'import') },
  'cases.loadDemo': { action: 'case.import', kind: 'change', subject: () => null, entries: (_i, out) => importEntries(out, 'demo') },
  'evidence.check': {
    action: 'evidence.open',
    kind: 'read',
    when: (i) => Boolean(i.caseId && i.itemId),
    before: (ws, i) => openedItem(ws, i),
    subject: (i) => i.caseId ?? null,
    detail: (i, v) => ({ itemId: i.itemId, sha256: i.sha256, state: v.state }),
  },
  'evidence.verifyCase': { action: 'case.verify', kind: 'read', subject: (i) => i.caseId, detail: (_i, v) => ({ ...v.summary, cancelled: v.cancelled }) },
  'evidence.exportOriginal': {
    action: 'export.original',
    kind: 'export',
    subject: (i) => i.caseId,
    detail: (i, v) => ({ itemId: i.itemId, sha256: v.sha256, size: v.size }),
    failureDetail: (i) => ({ itemId: i.itemId }),
  },
  'evidence.exportRedacted': {
    action: 'export.redacted',
    kind: 'export',
    subject: (i) => i.caseId,
    detail: (i, v) => ({ itemId: i.itemId, sha256: v.sha256, size: v.size }),
    failureDetail: (i) => ({ itemId: i.itemId }),
  },
  'annotations.create': {
    action: 'annotation.create',
    kind: 'change',
    sameTx: true,
    subject: (i) => i.caseId,
    detail: (i, v) => ({ annotationId: v.id, itemId: i.itemId, kind: i.kind, ...(i.anchor.type === 'text' || i.anchor.type === 'area' ? { page: i.anchor.page } : {}) }),
    failureDetail: (i) => ({ itemId: i.itemId }),
  },
  'annotations.update': {
    action: 'annotation.update',
    kind: 'change',
    sameTx: true,
    before: (ws, i) => annotationCase(ws, i.id),
    subject: (_i, b: ReturnType<typeof annotationCase>) => b?.caseId ?? null,
    detail: (i, v) => ({ annotationId: i.id, itemId: v.itemId, fields: Object.keys(i).filter((k) => k !== 'id') }),
  },
  'annotations.delete': {
    action: 'annotation.delete',
    kind: 'change',
    sameTx: true,
    before: (ws, i) => annotationCase(ws, i.id),
    subject: (_i, b: ReturnType<typeof annotationCase>) => b?.caseId ?? null,
    detail: (i, _v, b: ReturnType<typeof annotationCase>) => ({ annotationId: i.id, itemId: b?.itemId ?? null, kind: b?.kind ?? null }),
  },
  'review.setPoint': {
    action: 'review.point',
    kind: 'change',
    sameTx: true,
    subject: (i) => i.caseId,
    detail: (i, v) => ({ round: v.round, point: i.point, ...(i.decision !== undefined ? { decision: i.decision } : {}), fields: Object.keys(i).filter((k) => k !== 'caseId' && k !== 'point') }),
  },
  'review.override': { action: 'review.override', kind: 'change', sameTx: true, subject: (i) => i.caseId, detail: (i, v) => ({ round: v.round, check: i.check }) },
  'review.clearOverride': { action: 'review.clearOverride', kind: 'change', sameTx: true, subject: (i) => i.caseId, detail: (i, v) => ({ round: v.round, check: i.check }) },
  'review.conclude': { action: 'review.conclude', kind: 'change', sameTx: true, subject: (i) => i.caseId, detail: (i, v) => ({ round: v.round, type: i.type }) },
  'review.reopen': { action: 'review.reopen', kind: 'change', sameTx: true, subject: (i) => i.caseId, detail: (_i, v) => ({ round: v.round }) },
  'opinions.sign': {
    action: 'opinion.sign',
    kind: 'change',
    subject: (i) => i.caseId,
    detail: (i, v) => ({ opinionId: v.opinionId, round: v.round, version: v.version, documentNumber: v.documentNumber, conclusion: v.conclusion, contentHash: i.contentHash, pdfSha256: v.pdfSha256 }),
  },
  'opinions.export': { action: 'export.opinion', kind: 'export', subject: (i) => i.caseId, detail: (i, v) => ({ opinionId: i.opinionId, kind: i.kind, sha256: v.sha256, size: v.size }) },
  'opinions.exportPreview': { action: 'export.opinion', kind: 'export', subject: (i) => i.caseId, detail: (i, v) => ({ preview: true, kind: i.kind, sha256: v.sha256, size: v.size }) },
  'meetings.exportMinutes': {
    action: 'export.minutes',
    kind: 'export',
    subject: (i) => i.caseId,
    detail: (i, v) => ({ meetingId: i.id, minutesId: v.minutesId, caseNumber: v.caseNumber, signed: v.signed, kind: i.kind, sha256: v.sha256, size: v.size }),
  },
  'keys.create': { action: 'key.create', kind: 'change', subject: () => null, detail: (_i, v) => ({ keyId: v.active?.keyId ?? null, algorithm: v.active?.algorithm ?? null, protection: v.active?.protection ?? null }) },
  'settings.setReviewer': {
    action: 'settings.change',
    kind: 'change',
    sameTx: true,
    before: (ws) => ws.review.reviewer(),
    subject: () => null,
    detail: (i, _v, before: Record<string, unknown> | null) => ({
      setting: 'reviewer_profile',
      changed: Object.keys(i).filter((k) => JSON.stringify((i as Record<string, unknown>)[k]) !== JSON.stringify(before?.[k])),
    }),
  },
  'settings.setExportPolicy': {
    action: 'settings.change',
    kind: 'change',
    sameTx: true,
    before: (ws) => ws.audit.policy.get(),
    subject: () => null,
    detail: (i, _v, before: { exportRequiresApproval: boolean }) => ({ setting: 'exportRequiresApproval', from: before.exportRequiresApproval, to: i.exportRequiresApproval }),
  },
  'keys.revoke': { action: 'key.revoke', kind: 'change', subject: () => null, detail: (i) => ({ keyId: i.keyId, reason: maskText(i.reason) }) },
  'meetings.createSignerKey': { action: 'key.create', kind: 'change', subject: () => null, detail: (i, v) => ({ meetingId: i.id, role: i.role, keyId: v.find((s) => s.role === i.role)?.key?.keyId ?? null }) },
  'meetings.start': { action: 'meeting.start', kind: 'change', subject: () => null, detail: (i, v) => ({ meetingId: i.id, heldOn: v.date, cases: v.agenda.map((a) => a.caseId) }) },
  // A recorded opinion taken back counts no more toward the quorum: who and when stays in the log.
  'meetings.clearOpinion': { action: 'meeting.clearOpinion', kind: 'change', subject: (i) => i.caseId, detail: (i) => ({ meetingId: i.id, attendeeId: i.attendeeId }) },
  'meetings.conclude': { action: 'meeting.conclude', kind: 'change', subject: (i) => i.caseId, detail: (i) => ({ meetingId: i.id, followsReview: i.conclusion.followsReview }) },
  // Who put a meeting on a shared screen (the audience token reads that meeting's masked slides).
  'meetings.audienceToken': { action: 'meeting.screen', kind: 'change', subject: () => null, detail: (i) => ({ meetingId: i.id, screen: 'browser' }) },
  'app.openAudienceWindow': { action: 'meeting.screen', kind: 'change', subject: () => null, detail: (i) => ({ meetingId: i.meetingId, screen: 'window' }) },
  'meetings.end': { action: 'meeting.end', kind: 'change', subject: () => null, detail: (i) => ({ meetingId: i.id }) },
  'meetings.signMinutes': {
    action: 'meeting.sign',
    kind: 'change',
    subject: () => null,
    entries: (i, out) => out.map((m) => ({ action: 'meeting.sign', subject: m.caseId, detail: { meetingId: i.id, role: i.role, minutesId: m.minutesId, contentHash: m.contentHash } })),
  },
  // Minutes refused by the central system opened for signing again: their signatures are dropped here.
  'meetings.resignMinutes': {
    action: 'meeting.sign',
    kind: 'change',
    subject: () => null,
    entries: (i, out) =>
      out.filter((m) => m.signatures.length === 0).map((m) => ({ action: 'meeting.sign', subject: m.caseId, detail: { meetingId: i.id, resign: true, minutesId: m.minutesId, contentHash: m.contentHash } })),
  },
  'app.installUpdate': { action: 'app.update', kind: 'change', subject: () => null, detail: (_i, v) => ({ started: v.started }) },
  // A verification that passes changes nothing; a refused file is recorded with its name and reason.
  'app.verifyOfflineUpdate': { action: 'app.updateVerify', kind: 'check', subject: () => null, failureDetail: offlineRefusal },
  // A verified file this shell cannot install (the browser host) is recorded as 未安装 with the
  // reason, never as installed.
  'app.applyOfflineUpdate': {
    action: 'app.update',
    kind: 'change',
    subject: () => null,
    detail: (i, v) => ({
      file: basename(i.path),
      version: v.update.version,
      keyId: v.update.keyId,
      installing: v.installing,
      ...(v.installing ? {} : { outcome: 'not_installed', reason: v.notInstalled ?? '未安装' }),
    }),
    failureDetail: offlineRefusal,
  },
  'sync.run': {
    action: 'sync.run',
    kind: 'change',
    subject: () => null,
    // A calendar taken in the run moves deadlines: its own entry, as when it comes in a bundle.
    entries: (_i, v) => {
      const { calendarSource, ...summary } = v.summary;
      const run: AppendEntry = { action: 'sync.run', subject: null, detail: { outcome: v.outcome, ...summary, refused: v.refused.length } };
      return v.summary.calendarUpdated ? [run, { action: 'calendar.update', subject: null, detail: { years: v.summary.calendarUpdated, source: calendarSource ?? null, origin: 'sync' } }] : [run];
    },
  },
  // 知道了 on a returned submission: it no longer counts as 需处理 — who decided that, and when.
  'sync.acknowledge': {
    action: 'sync.acknowledge',
    kind: 'change',
    before: (ws, i) => ws.store.sqlite.prepare('select case_id as caseId, kind, state from outbox where id = ?').get(i.id) as { caseId: string | null; kind: string; state: string } | undefined,
    subject: (_i, row: { caseId: string | null } | undefined) => row?.caseId ?? null,
    detail: (i, _v, row: { kind: string; state: string } | undefined) => ({ submissionId: i.id, kind: row?.kind ?? null, answer: row?.state ?? null }),
  },
  'sync.setAuto': {
    action: 'settings.change',
    kind: 'change',
    before: (ws) => ws.sync.autoEnabled(),
    subject: () => null,
    detail: (i, _v, before: boolean) => ({ setting: 'autoSync', from: before, to: i.enabled }),
  },
  'sync.exportBundle': { action: 'export.bundle', kind: 'export', subject: () => null, detail: (i, v) => ({ file: basename(i.path), count: v.count, sha256: v.sha256 }) },
  'sync.importBundle': { action: 'sync.importBundle', kind: 'change', subject: () => null, entries: (_i, out) => bundleImportEntries(out) },
};

export function auditRule(name: CallName): AuditRule<CallName, unknown> | undefined {
  return AUDIT_RULES[name] as AuditRule<CallName, unknown> | undefined;
}
