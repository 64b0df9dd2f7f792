// 校验案卷 progress in bytes, not files: one 1 GB video among small PDFs is most of the work, so a
// count of files would read 67 % while the video is at 24 MB. The verify.progress events carry the
// bytes re-hashed of the bytes to read in all (evidence.verifyCase counts them); the file count
// stays in the text. Pure function, tested in tests/unit/verify-progress.test.ts.
import { formatBytes } from '../sync/format';
import type { VerifyProgressState } from './useVerifyCase';

export interface VerifyProgressView {
  /** 0–100 by bytes (by files when the case has no bytes to read); 100 only when all are read. */
  percent: number;
  /** 已校验 2/3 个文件 · 24.0 MB / 1.00 GB · 正在校验「执法记录仪视频」 */
  text: string;
}

const floorPercent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

export function verifyProgressView(p: VerifyProgressState): VerifyProgressView {
  const parts = [`已校验 ${p.done}/${p.total} 个文件`];
  const byBytes = p.bytes.total > 0;
  // A file that grew on disk since it was recorded does not push the bar past the total.
  const done = Math.min(p.bytes.done, p.bytes.total);
  if (byBytes) parts.push(`${formatBytes(done)} / ${formatBytes(p.bytes.total)}`);
  if (p.file && p.done < p.total) parts.push(`正在校验「${p.file.title}」`);
  return { percent: byBytes ? floorPercent(done, p.bytes.total) : floorPercent(p.done, p.total), text: parts.join(' · ') };
}
