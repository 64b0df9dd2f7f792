// The one wrapper every transport uses: known call? valid input (zod)? run; always a Result.
import { api, isCallName, type ApiContract, type CallName, type CallOutput } from '../shared/api/index';
import type { ParsedInputOf } from '../shared/api/define';
import { ApiFailure, describeIssues, type Result } from '../shared/api/result';

export type Handlers = {
  [N in CallName]: (input: ParsedInputOf<ApiContract[N]>) => Promise<CallOutput<N>> | CallOutput<N>;
};

export interface DispatchLog {
  error(msg: string, err?: unknown): void;
}

export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown, log?: DispatchLog): Promise<Result<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `未知的调用：${String(name).slice(0, 80)}` } };
  const parsed = api[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: '请求参数无效', details: describeIssues(parsed.error.issues) } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.error };
    log?.error(`call ${name} failed`, err);
    return { ok: false, error: { code: 'internal', message: '操作失败，请重试；如问题持续，请联系管理员（详情见日志）' } };
  }
}
