// 完好 / 已篡改 / 缺失 — integrity states as the reviewer reads them, with their meaning colour.
import type { FileState } from '../../../shared/api/evidence';

export const FILE_STATE_LABEL: Record<FileState, string> = { ok: '完好', tampered: '已篡改', missing: '缺失' };
export const FILE_STATE_TONE: Record<FileState, 'ok' | 'fail'> = { ok: 'ok', tampered: 'fail', missing: 'fail' };
