// Chinese labels for contract enums (the contract carries codes; the UI speaks zh-CN).
import type { CaseStatus } from '../../../shared/api/cases';
import type { PenaltyType } from '../../../shared/casefile/schema';

export const STATUS_LABEL: Record<CaseStatus, string> = {
  pending: '待审',
  in_review: '审核中',
  returned: '已退回',
  concluded: '已办结',
};

export const STATUS_ORDER: CaseStatus[] = ['pending', 'in_review', 'returned', 'concluded'];

export { PENALTY_LABEL, PARTY_KIND_LABEL } from '../../../shared/casefile/labels';
import { PARTY_KIND_LABEL } from '../../../shared/casefile/labels';

/** 身份证号 for natural persons, 统一社会信用代码 otherwise. */
export function partyIdLabel(kind: keyof typeof PARTY_KIND_LABEL): string {
  return kind === 'natural' ? '身份证号' : '统一社会信用代码';
}

export const SHELL_LABEL = { electron: '桌面版', host: '浏览器' } as const;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
export function weekdayLabel(day: number): string {
  return `星期${WEEKDAYS[day] ?? ''}`;
}
