// The one wrapper every transport uses: known call? valid input (zod)? run; always a Result.
import { api, isCallName, type ApiContract, type CallName, type CallOutput } from '../shared/api/index';
import type { ParsedInputOf } from '../shared/api/define';
import { ApiFailure, describeIssues, type Result } from '../shared/api/result';
import { APPROVABLE_CALLS, ExportApproval } from '../shared/api/audit';
import { DiskFullError, isDiskFull } from './services/disk-space';

/** What a call carries besides its own input: the approval of an export (seed 002 item 10). */
export interface CallContext {
  approval?: ExportApproval;
}

export type Handlers = {
  [N in CallName]: (input: ParsedInputOf<ApiContract[N]>, ctx: CallContext) => Promise<CallOutput<N>> | CallOutput<N>;
};

export interface DispatchLog {
  error(msg: string, err?: unknown): void;
}

/** A DispatchLog writing a failed call's message and stack as one line. */
export const dispatchLogTo = (log: (line: string) => void): DispatchLog => ({ error: (m, e) => log(`${m}: ${(e as Error)?.stack ?? String(e)}`) });

const invalid = (details: string[]): Result<never> => ({ ok: false, error: { code: 'invalid_input', message: '请求参数无效', details } });

/** Exports may carry `approval` beside their input: split it off and check it before the call's schema runs. */
function splitApproval(name: CallName, raw: unknown): { input: unknown; ctx: CallContext } | Result<never> {
  if (!APPROVABLE_CALLS.has(name) || raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('approval' in raw)) return { input: raw, ctx: {} };
  const { approval, ...input } = raw as Record<string, unknown>;
  if (approval === undefined) return { input, ctx: {} };
  const parsed = ExportApproval.safeParse(approval);
  if (!parsed.success) return invalid(describeIssues(parsed.error.issues.map((i) => ({ ...i, path: ['approval', ...i.path] }))));
  return { input, ctx: { approval: parsed.data } };
}

export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown, log?: DispatchLog): Promise<Result<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `未知的调用：${String(name).slice(0, 80)}` } };
  const split = splitApproval(name, rawInput);
  if ('ok' in split) return split;
  const parsed = api[name].input.safeParse(split.input);
  if (!parsed.success) return invalid(describeIssues(parsed.error.issues));
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    return { ok: true, value: await handler(parsed.data, split.ctx) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.error };
    log?.error(`call ${name} failed`, err);
    // Not a fault to report: the reviewer can free space and try again (which disk is not known here).
    if (isDiskFull(err)) return { ok: false, error: { code: 'internal', message: (err instanceof DiskFullError ? err : new DiskFullError('', null, { cause: err })).message } };
    return { ok: false, error: { code: 'internal', message: '操作失败，请重试；如问题持续，请联系管理员（详情见日志）' } };
  }
}
