// Exports refused for want of an approval (seed 002 item 10: 复制执法记录须经负责人同意) are
// asked for one and sent again, in one place for every export button: the transport is wrapped,
// the buttons stay as they are. Cancelling keeps the refusal, which the button then shows.
import type { Transport } from '../../../shared/api/client';
import { APPROVABLE_CALLS, type ExportApproval } from '../../../shared/api/audit';

export type ApprovalAsker = (refusal: string) => Promise<ExportApproval | null>;

let asker: ApprovalAsker | null = null;

/** The dialog registers itself here while mounted. */
export function setApprovalAsker(a: ApprovalAsker | null): void {
  asker = a;
}

export function withApproval(t: Transport): Transport {
  return {
    ...t,
    async invoke(name, input) {
      const r = await t.invoke(name, input);
      if (r.ok || r.error.code !== 'approval_required' || !APPROVABLE_CALLS.has(name) || !asker || typeof input !== 'object' || input === null) return r;
      const approval = await asker(r.error.message);
      return approval ? t.invoke(name, { ...input, approval }) : r;
    },
  };
}
