// The ten statutory review points (P1–P10) by their short names, for selects, chips and filters.
import type { ReviewPointId } from '../../../shared/api/evidence';

export const REVIEW_POINT_NAMES: Record<ReviewPointId, string> = {
  P1: '执法主体',
  P2: '执法人员资格',
  P3: '执法程序',
  P4: '事实证据',
  P5: '法律适用',
  P6: '裁量基准',
  P7: '法定权限',
  P8: '文书规范',
  P9: '涉嫌犯罪移送',
  P10: '时效',
};

export const REVIEW_POINT_IDS = Object.keys(REVIEW_POINT_NAMES) as ReviewPointId[];

export function pointLabel(id: ReviewPointId): string {
  return `${id} ${REVIEW_POINT_NAMES[id]}`;
}

export const REVIEW_POINT_OPTIONS = REVIEW_POINT_IDS.map((id) => ({ value: id, label: pointLabel(id) }));
