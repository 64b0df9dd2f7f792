// One-line summaries of the proposed penalties for the case header.
import type { ProposedDecision } from '../../../shared/casefile/schema';
import { formatYuanText } from '../../../shared/format/money';
import { PENALTY_LABEL } from '../lib/labels';

export function penaltySummary(decision: ProposedDecision): string {
  return decision.penalties
    .map((p) => (p.amountFen !== undefined ? `${PENALTY_LABEL[p.type]} ${formatYuanText(p.amountFen)}` : PENALTY_LABEL[p.type]))
    .join('、');
}
