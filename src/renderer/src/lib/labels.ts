// Chinese labels for contract enums (the contract carries codes; the UI speaks zh-CN).
export { STATUS_LABEL, STATUS_ORDER } from '../../../shared/casefile/status-labels';
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
