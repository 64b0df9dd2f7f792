type Discretion = { level: string; factors: readonly string[]; reason?: string | null | undefined };

/**
 * 裁量情况 saying each thing once: the case's stated reason usually restates every factor (and adds
 * the range it applied), so only the factors it does not mention are put before it.
 */
export function discretionBody(d: Discretion): string {
  const reason = (d.reason ?? '').trim();
  const unsaid = d.factors.map((f) => f.trim().replace(/[。；;，,]+$/, '')).filter((f) => f && !reason.includes(f));
  const said = [...new Set(unsaid)].join('；');
  return said && reason ? `${said}；${reason}` : said || reason;
}

export function discretionText(d: Discretion): string {
  const body = discretionBody(d);
  return body ? `${d.level}：${body}` : d.level;
}
