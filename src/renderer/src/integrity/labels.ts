// 完好 / 已篡改 / 缺失 — integrity states as the reviewer reads them, with their meaning colour.
import type { FileState, IntegrityItemState } from '../../../shared/api/evidence';

export const FILE_STATE_LABEL: Record<FileState, string> = { ok: '完好', tampered: '已篡改', missing: '缺失' };
export const FILE_STATE_TONE: Record<FileState, 'ok' | 'fail'> = { ok: 'ok', tampered: 'fail', missing: 'fail' };
/** In a 校验案卷 report: a cancelled check leaves the files it did not reach 未校验 (no verdict). */
export const ITEM_STATE_LABEL: Record<IntegrityItemState, string> = { ...FILE_STATE_LABEL, unchecked: '未校验' };
