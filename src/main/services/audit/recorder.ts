// The audit hook of the Api: every call with a rule (rules.ts) is recorded after it succeeds —
// synchronous changes in the same transaction as the change itself — and changes that do not go
// through are recorded as refused/failed. Exports first pass the export policy (approval).
import { canonicalJson } from '../../../shared/canonical';
import { failureOutcome } from '../../../shared/audit/actions';
import { callNames, type CallName } from '../../../shared/api/index';
import { ApiFailure } from '../../../shared/api/result';
import { maskText } from '../../../shared/privacy/mask';
import type { CallContext, Handlers } from '../../dispatch';
import type { Workstation } from '../../workstation';
import type { AppendEntry } from './log';
import { auditRule, type AuditRule } from './rules';

/** Which door the call came through, recorded in each entry. */
export type Via = 'desktop' | 'browser' | 'cli';

/** A read repeated within this window with nothing else recorded about the subject is one entry. */
export const READ_FOLD_MS = 10 * 60_000;

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

export function withAudit(ws: Workstation, handlers: Handlers, via: Via): Handlers {
  const out = { ...handlers } as Record<CallName, AnyHandler>;
  for (const name of callNames) {
    const rule = auditRule(name);
    if (!rule) continue;
    const inner = handlers[name] as AnyHandler;
    out[name] = (input, ctx) => audited(ws, via, rule, inner, input, ctx ?? {});
  }
  return out as Handlers;
}

async function audited(ws: Workstation, via: Via, rule: AuditRule<CallName, unknown>, inner: AnyHandler, input: unknown, ctx: CallContext): Promise<unknown> {
  const r = rule as unknown as {
    when?: (i: unknown) => boolean;
    before?: (ws: Workstation, i: unknown) => unknown;
    subject: (i: unknown, b: unknown) => string | null;
    detail?: (i: unknown, o: unknown, b: unknown) => Record<string, unknown>;
    entries?: (i: unknown, o: unknown) => AppendEntry[];
    failureDetail?: (i: unknown, err: unknown) => Record<string, unknown>;
  };
  if (r.when && !r.when(input)) return inner(input, ctx);
  const log = ws.audit.log;
  const approval = rule.kind === 'export' && ctx.approval ? { approval: { reference: ctx.approval.reference, approver: ctx.approval.approver } } : {};
  let before: unknown = null;
  let done = false;

  const entriesFor = (output: unknown): AppendEntry[] =>
    r.entries
      ? r.entries(input, output).map((e) => ({ ...e, detail: { ...e.detail, ...approval, via } }))
      : [{ action: rule.action, subject: r.subject(input, before), detail: { ...r.detail?.(input, output, before), ...approval, via } }];
  const record = (output: unknown) => {
    if (rule.kind === 'check') return;
    for (const e of entriesFor(output)) if (!(rule.kind === 'read' && folded(ws, e))) log.append(e);
  };

  try {
    if (rule.kind === 'export') ws.audit.policy.check(ctx.approval);
    before = r.before ? r.before(ws, input) : null;
    if (rule.sameTx) {
      let pending: PromiseLike<unknown> | null = null;
      const value = ws.store.sqlite.transaction(() => {
        const v = inner(input, ctx);
        // A handler that turned asynchronous cannot share the transaction: record after it.
        if (isThenable(v)) return void (pending = v);
        record(v);
        return v;
      })();
      if (pending === null) return (done = true), value;
      const v = await pending;
      done = true;
      record(v);
      return v;
    }
    const v = await inner(input, ctx);
    done = true;
    record(v);
    return v;
  } catch (err) {
    if (!done && rule.kind !== 'read') recordFailure(ws, rule, r.subject(input, before), err, { ...r.failureDetail?.(input, err), ...approval, via });
    throw err;
  }
}

function recordFailure(ws: Workstation, rule: AuditRule<CallName, unknown>, subject: string | null, err: unknown, extra: Record<string, unknown>): void {
  const refused = err instanceof ApiFailure;
  const detail = {
    outcome: failureOutcome(refused ? err.error.code : null),
    code: refused ? err.error.code : 'internal',
    ...(refused ? { reason: maskText(err.error.message).slice(0, 200) } : {}),
    ...extra,
  };
  try {
    ws.audit.log.append({ action: rule.action, subject, detail });
  } catch {
    // The original error is what the caller must see; the store is failing anyway.
  }
}

/** The same read by the same person on the same device, nothing recorded in between, lately. */
function folded(ws: Workstation, e: AppendEntry): boolean {
  if (!e.subject) return false;
  const last = ws.audit.log.latestFor(e.subject);
  if (!last || last.action !== e.action || last.device !== ws.audit.log.device() || last.actor !== ws.audit.log.actor()) return false;
  if (ws.audit.log.now().getTime() - Date.parse(last.at) >= READ_FOLD_MS) return false;
  return canonicalJson(last.detail) === canonicalJson(JSON.parse(JSON.stringify(e.detail ?? {})));
}
