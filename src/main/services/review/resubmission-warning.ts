// A resubmitted case (round 2 onwards) whose package still carries the previous round's 送审 date:
// the 10-working-day review period then keeps counting from the first receipt. Where the rules
// restart it when the handling unit resubmits with the missing materials, that is days lost, and
// nothing else on the screen would show it — so the deadline line says so (DOMAIN.md §1: "10
// working days from receiving the file"; which date counts for a resubmission is the agency's).
import type { CasePackage } from '../../../shared/casefile/schema';

export function resubmissionWarning(round: number, submittedOn: string, previous: CasePackage | null): string[] {
  if (round < 2 || !previous) return [];
  const before = previous.case.procedure.submittedForReviewOn;
  if (submittedOn > before) return [];
  return [`第 ${round} 轮的送审日期（${submittedOn}）未晚于上一轮（${before}），审核期限仍从该日起算，承办机构补充材料后重新送审的，请核实实际收件日期`];
}
