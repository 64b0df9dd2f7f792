// Media positions as the reviewer reads them: 1:05, 1:02:09.
export function formatSeconds(total: number): string {
  if (!Number.isFinite(total) || total < 0) return '0:00';
  const s = Math.floor(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
