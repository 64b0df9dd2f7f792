// How the opinion and the drafted 审核意见 word each review point: the points are titled as questions
// (是否超越法定权限), so a decision label (无问题) is no answer on paper. One row per point, P1–P10:
// the finding topic the draft names a problem under, and the finding as the opinion states it for
// each decision. The labels 无问题 / 存在问题 / 不适用 stay what the review panel and the CLI show.
import type { ReviewPointId } from '../api/evidence';
import type { PointDecision } from '../api/review';

export const DECISION_LABEL: Record<PointDecision, string> = { ok: '无问题', problem: '存在问题', na: '不适用' };

export interface PointWording {
  /** The point as a finding topic (执法程序), for 「（一）执法程序：…」 in the draft. */
  topic: string;
  /** The finding for each decision, as 审核认定 prints it and the 同意 draft affirms it. */
  finding: Record<PointDecision, string>;
}

export const POINT_WORDING: Record<ReviewPointId, PointWording> = {
  P1: { topic: '执法主体', finding: { ok: '执法主体合法', problem: '执法主体存在问题', na: '本案不涉及执法主体审核事项' } },
  P2: { topic: '执法人员资格', finding: { ok: '执法人员具备执法资格', problem: '执法人员资格存在问题', na: '本案不涉及执法人员资格审核事项' } },
  P3: { topic: '执法程序', finding: { ok: '执法程序合法', problem: '执法程序存在问题', na: '本案不涉及执法程序审核事项' } },
  P4: { topic: '事实和证据', finding: { ok: '案件事实清楚，证据合法充分', problem: '案件事实或证据存在问题', na: '本案不涉及事实和证据审核事项' } },
  P5: { topic: '法律适用', finding: { ok: '适用法律依据准确', problem: '适用法律依据存在问题', na: '本案不涉及法律适用审核事项' } },
  P6: { topic: '裁量基准运用', finding: { ok: '裁量基准运用适当', problem: '裁量基准运用存在问题', na: '本案不涉及裁量基准运用' } },
  P7: { topic: '法定权限', finding: { ok: '未超越法定权限', problem: '存在超越法定权限的问题', na: '本案不涉及法定权限审核事项' } },
  P8: { topic: '执法文书', finding: { ok: '执法文书规范、齐备', problem: '执法文书存在问题', na: '本案不涉及执法文书审核事项' } },
  P9: { topic: '涉嫌犯罪移送', finding: { ok: '未发现涉嫌犯罪，无需移送司法机关', problem: '案件涉嫌犯罪，需移送司法机关', na: '本案不涉及涉嫌犯罪移送事项' } },
  P10: { topic: '追责时效', finding: { ok: '未超过追责时效', problem: '存在超过追责时效的问题', na: '本案不涉及追责时效审核事项' } },
};

/** The finding a point's decision states, e.g. P7 ok → 未超越法定权限. */
export const pointFinding = (id: ReviewPointId, decision: PointDecision): string => POINT_WORDING[id].finding[decision];
