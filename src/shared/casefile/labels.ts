// Chinese names of case-file codes, used by the UI, the rules, the diff and the documents.
import type { PenaltyType } from './schema';

export const PENALTY_LABEL: Record<PenaltyType, string> = {
  warning: '警告',
  fine: '罚款',
  confiscate_gains: '没收违法所得',
  confiscate_goods: '没收非法财物',
  suspend_business: '责令停产停业',
  revoke_license: '吊销许可证件',
  restrict_practice: '限制从业',
  circulate_criticism: '通报批评',
};

export const PARTY_KIND_LABEL = { natural: '自然人', legal: '法人', other: '其他组织' } as const;
