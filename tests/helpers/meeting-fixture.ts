// Fixtures for the meeting (集体讨论) tests: a workstation with reviewed cases, a set-up, and the
// Api called through the same dispatcher (zod validation included) as every transport.
import { buildApi } from '../../src/main/api';
import { dispatch } from '../../src/main/dispatch';
import { Workstation } from '../../src/main/workstation';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api/index';
import type { ApiError } from '../../src/shared/api/result';
import type { MeetingSetupInput } from '../../src/shared/meeting/schema';
import { buildPackage, tempDir } from './package-builder';

export const TODAY = '2026-11-23';
export const REVIEWER = '王审核';
export const AGENCY = '测试市市场监督管理局';

export function openWorkstation(dir: string): Workstation {
  return new Workstation({ dataDir: dir, today: () => TODAY });
}

/** Decide every point (overruling automatic fails with a reason) and conclude the round. */
export function concludeReview(ws: Workstation, caseId: string, type: '同意' | '建议纠正' = '同意', text = '经审核，同意承办机构的处理意见。'): void {
  for (const p of ws.review.get(caseId).points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) ws.review.override(caseId, f.id, '经核实，承办机构已补正，不影响认定');
    ws.review.setPoint(caseId, p.id, { decision: p.id === 'P6' && type !== '同意' ? 'problem' : 'ok', note: p.id === 'P6' ? '罚款在法定幅度内，裁量适当。' : '' });
  }
  ws.review.conclude(caseId, type, text);
}

/** A workstation with `reviewed` concluded cases and `open` cases still in review (small packages). */
export async function reviewedWorkstation(opts: { reviewed?: number; open?: number; dir?: string } = {}): Promise<{ ws: Workstation; dir: string; reviewed: string[]; open: string[] }> {
  const dir = opts.dir ?? tempDir('meeting-');
  const ws = openWorkstation(dir);
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  const reviewed: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < (opts.reviewed ?? 2) + (opts.open ?? 0); i++) {
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    if (i < (opts.reviewed ?? 2)) {
      concludeReview(ws, p.manifest.case.id, i === 1 ? '建议纠正' : '同意', i === 1 ? '建议承办机构补充从轻处罚的理由后再作决定。' : undefined);
      reviewed.push(p.manifest.case.id);
    } else open.push(p.manifest.case.id);
  }
  return { ws, dir, reviewed, open };
}

export function setup(agenda: string[], extra: Partial<MeetingSetupInput> = {}): MeetingSetupInput {
  return {
    title: '2026年第12次案件集体讨论会',
    date: TODAY,
    place: '局三楼第一会议室',
    host: '张局长',
    reporter: REVIEWER,
    recorder: REVIEWER,
    attendees: [
      { name: '张局长', post: '局长', role: 'member' },
      { name: '李副局长', post: '副局长', role: 'member' },
      { name: '赵副局长', post: '副局长', role: 'member' },
      { name: '钱主任', post: '法规科科长', role: 'member' },
      { name: REVIEWER, post: '法制审核员', role: 'observer' },
    ],
    agenda,
    quorum: { headCount: 5, fraction: { numerator: 1, denominator: 2, moreThan: true }, minMembers: 3, source: '本局行政处罚案件负责人集体讨论工作规则第六条' },
    ...extra,
  };
}

export type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<{ ok: true; value: CallOutput<N> } | { ok: false; error: ApiError }>;

/** Calls through the dispatcher (zod first, then the handler), as IPC and the host do. */
export function caller(ws: Workstation): Call {
  const handlers = buildApi(ws, 'host');
  return (async (name: string, input: unknown) => dispatch(handlers, name, input)) as Call;
}

/** The value of a call that must succeed (throws with the zh-CN message otherwise). */
export async function ok<N extends CallName>(call: Call, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${(r.error.details ?? []).join('；')}`);
  return r.value;
}

/** The error of a call that must fail. */
export async function err<N extends CallName>(call: Call, name: N, input: CallInput<N>): Promise<ApiError> {
  const r = await call(name, input);
  if (r.ok) throw new Error(`${name} succeeded but was expected to fail`);
  return r.error;
}
