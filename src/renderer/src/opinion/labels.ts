// zh-CN labels for the signing contract's codes.
import type { KeySummary, OpinionRecord } from '../../../shared/api/opinions';

export const KEY_STATUS_LABEL: Record<KeySummary['status'], string> = { active: '使用中', retired: '已停用', revoked: '已吊销' };

export const ALGORITHM_LABEL: Record<KeySummary['algorithm'], string> = { 'ecdsa-p256': 'ECDSA P-256', ed25519: 'Ed25519', 'sm2-sm3': 'SM2 / SM3' };

export const PROTECTION_LABEL: Record<KeySummary['protection'], string> = { passphrase: '口令保护', os: '系统钥匙串保护' };

export { SUBMISSION_LABEL } from '../../../shared/opinion/submission-labels';

export const TIMESTAMP_LABEL: Record<OpinionRecord['timestamp'], string> = { pending: '待加盖时间戳', granted: '已加盖时间戳' };

/** An opinion that left unstamped (online without a TSA, or by an offline bundle) is never stamped later. */
export const LEFT_UNSTAMPED_LABEL = '未加盖可信时间戳（签名时间为签名人电脑时间）';

/**
 * The timestamp part of an opinion's state line. 待加盖 only while it can still come: the sync stamps
 * an entry only before it first leaves, so once the central system has (or may have) it — answered,
 * or sent — it stays as signed.
 */
export function timestampLabel(r: Pick<OpinionRecord, 'timestamp' | 'submission'>): string {
  if (r.timestamp === 'granted') return TIMESTAMP_LABEL.granted;
  return r.submission === 'queued' ? TIMESTAMP_LABEL.pending : LEFT_UNSTAMPED_LABEL;
}

/**
 * The passphrase that protects a signing key, named the same in 签名密钥 and 签署 — never a bare 口令,
 * which the reviewer may take for the 缓存口令 that protects the local cache.
 */
export const KEY_PASSPHRASE = '签名密钥口令';

/** Why 签署… first leads to 签名密钥 (opinionActions.startSign). */
export const SIGN_NEEDS_KEY = '尚无可用的签名密钥：将先打开“签名密钥”创建密钥，创建后即可签署';

/** How to log in from the app (the status bar's 中心系统 corner opens the sync panel's login); the command only as an alternative. */
export const LOGIN_HINT = '点状态栏左下角的“未登录中心系统”，在同步面板中登录（也可在命令行运行 fashen login）';

export const DEV_CA_TEXT = '本地开发 CA（非正式，仅供演示）';

/** First 16 hex digits, grouped in fours for reading aloud. */
export function shortHash(hex: string): string {
  return (hex.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** A file name for downloads: 文号 without characters file systems dislike. */
/** A name part without characters file systems dislike (and without spaces). */
export const safeFileName = (s: string): string => s.replace(/[\\/:*?"<>|\s]/g, '');

export function fileBase(documentNumber: string, version: number): string {
  return `法制审核意见书_${safeFileName(documentNumber)}_第${version}版`;
}
