// File sizes as people read them: 1023 B · 1.5 KB · 20 KB · 5.3 MB · 3.00 GB (binary units, the
// way file managers on the reviewers' machines show them). One formatter for the app, the CLI and
// the server's messages.
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
