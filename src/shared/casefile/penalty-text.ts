// One proposed penalty as a line of text (the review opinion, the minutes, the shared screen).
// The handling unit's description usually states the penalty and its amount already
// (罚款110,000元（人民币壹拾壹万元整）, 没收违法所得6,000元, 警告): it is then printed as it is, instead
// of after its own type and amount (罚款 110,000元：罚款110,000元…). A description that does not
// say so (对当事人处以罚款, a different amount) keeps the type and amount in front of it.
import { formatRmbUppercase, formatYuanText } from '../format/money';
import { PENALTY_LABEL } from './labels';
import type { PenaltyType } from './schema';

export interface PenaltyLike {
  type: PenaltyType;
  amountFen?: number | undefined;
  description: string;
}

/** Whether the description names this amount in yuan (thousands separators and spaces ignored). */
function namesAmount(description: string, fen: number): boolean {
  const plain = description.replace(/[,，\s]/g, '');
  const yuan = fen / 100;
  const forms = new Set([String(yuan), yuan.toFixed(2)]);
  return [...forms].some((f) => new RegExp(`(?<![0-9.])${f.replace('.', '\\.')}元`).test(plain));
}

/** `uppercase`: the amount in 人民币大写 as well (official documents), unless the description has it. */
export function penaltyText(p: PenaltyLike, opts: { uppercase?: boolean } = {}): string {
  const label = PENALTY_LABEL[p.type];
  const desc = p.description.trim();
  const upper = opts.uppercase && p.amountFen !== undefined ? `（${formatRmbUppercase(p.amountFen)}）` : '';
  // Same kind of penalty (罚款…, 没收…, 责令…) and, when there is one, the same amount.
  const statesItself = desc.startsWith(label.slice(0, 2)) && (p.amountFen === undefined || namesAmount(desc, p.amountFen));
  if (statesItself) return upper && !desc.includes('人民币') ? `${desc}${upper}` : desc;
  const head = `${label}${p.amountFen !== undefined ? ` ${formatYuanText(p.amountFen)}` : ''}${upper}`;
  return desc ? `${head}：${desc}` : head;
}
