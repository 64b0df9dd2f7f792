/**
 * 裁量情况 saying each thing once: the case's stated reason usually restates every factor (and adds
 * the range it applied), so only the factors it does not mention are put before it.
 */
export function discretionText(d: { level: string; factors: readonly string[]; reason?: string | null | undefined }): string {
  const reason = (d.reason ?? '').trim();
  const unsaid = d.factors.map((f) => f.trim().replace(/[。；;，,]+$/, '')).filter((f) => f && !reason.includes(f));
  const said = [...new Set(unsaid)].join('；');
  const body = said && reason ? `${said}；${reason}` : said || reason;
  return body ? `${d.level}：${body}` : d.level;
}
