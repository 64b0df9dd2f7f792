// The quorum of a collective discussion as data. 处罚法 Art. 57 ¶2 says only that the heads decide
// collectively; how many must take part is set by each agency's own rules (e.g. seed 003's
// 《行政处罚案件审核及负责人集体讨论工作规则》), commonly "过半数" or "三分之二以上" of the heads, and
// at least some absolute number. So the rule is configurable data, kept with the meeting and
// printed in the minutes with its source:
//
//   required = max(minMembers, share of headCount)
//   share    = ceil(headCount × n / d)          when `moreThan` is false ("以上" includes the number
//                                               itself, 立法法 usage: 三分之二以上 of 5 = 4)
//            = floor(headCount × n / d) + 1     when `moreThan` is true ("过半数", "超过…": strictly more)
//
// Only 出席 attendees (heads taking part in the decision) count; 列席 attendees do not.
import { z } from 'zod';

export const QuorumRule = z
  .object({
    /** Heads of the agency entitled to take part (负责人 / 领导班子成员). */
    headCount: z.number().int().min(1, '负责人人数至少为 1').max(50, '负责人人数过大'),
    /** Share of headCount that must take part, e.g. 2/3 or 1/2. */
    fraction: z
      .object({
        numerator: z.number().int().min(1).max(10),
        denominator: z.number().int().min(1).max(10),
        /** true: strictly more than the share (过半数); false: the share or more (…以上). */
        moreThan: z.boolean(),
      })
      .strict()
      .refine((f) => f.numerator <= f.denominator, '比例不能大于 1（分子不得大于分母）'),
    /** Absolute minimum of heads taking part, whatever the share gives. */
    minMembers: z.number().int().min(1, '最少出席人数至少为 1').max(50),
    /** Where the rule comes from (agency rule name and article), printed in the minutes. */
    source: z.string().trim().min(2, '请写明人数规则的依据').max(200),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!(r.headCount >= 1)) return; // already reported on headCount
    if (r.minMembers > r.headCount) ctx.addIssue({ code: 'custom', path: ['minMembers'], message: `最少出席人数（${r.minMembers}）不能多于负责人人数（${r.headCount}）` });
    if (r.fraction.moreThan && r.fraction.numerator === r.fraction.denominator) ctx.addIssue({ code: 'custom', path: ['fraction'], message: '“超过全部负责人”无法满足：全体出席请选择“以上”' });
  });
export type QuorumRule = z.infer<typeof QuorumRule>;

/** A common default (过半数 and at least 3); the agency replaces it with its own rule. */
export const DEFAULT_QUORUM: QuorumRule = {
  headCount: 5,
  fraction: { numerator: 1, denominator: 2, moreThan: true },
  minMembers: 3,
  source: '本机关行政处罚案件负责人集体讨论工作规则（请按本机关规定核实）',
};

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function fractionText(f: QuorumRule['fraction']): string {
  if (f.numerator === 1 && f.denominator === 2) return f.moreThan ? '过半数' : '半数以上';
  if (f.numerator === f.denominator) return '全体';
  return `${CN_NUM[f.denominator]}分之${CN_NUM[f.numerator]}${f.moreThan ? '以上（不含本数）' : '以上'}`;
}

export function requiredMembers(rule: QuorumRule): number {
  const { numerator: n, denominator: d, moreThan } = rule.fraction;
  const share = moreThan ? Math.floor((rule.headCount * n) / d) + 1 : Math.ceil((rule.headCount * n) / d);
  return Math.max(rule.minMembers, share);
}

export interface QuorumEvaluation {
  met: boolean;
  present: number;
  required: number;
  text: string;
}

/** `present`: heads (出席) counted, e.g. those attending, or those who gave an opinion on a case. */
export function evaluateQuorum(rule: QuorumRule, present: number, what = '出席负责人'): QuorumEvaluation {
  const required = requiredMembers(rule);
  const met = present >= required;
  const text = `${what} ${present} 人；规则要求至少 ${required} 人（负责人 ${rule.headCount} 人的${fractionText(rule.fraction)}，且不少于 ${rule.minMembers} 人；依据：${rule.source}）`;
  return { met, present, required, text };
}
