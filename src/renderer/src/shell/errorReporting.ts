// Renderer errors (window.onerror, unhandled rejections, React render errors) go to the local
// crash log through app.reportError; a bounded number per page load, never in a loop.
import { api } from '../api';

type Kind = 'window.onerror' | 'unhandledrejection' | 'react';

const MAX_PER_PAGE = 20;
// Chromium's benign layout notice, not an error of the app.
const IGNORED = [/^ResizeObserver loop/];
let sent = 0;

export function reportRendererError(kind: Kind, error: unknown, fallback = ''): void {
  const e = error instanceof Error ? error : null;
  const message = (e?.message || fallback || String(error ?? '') || '未知错误').slice(0, 4_000);
  if (IGNORED.some((re) => re.test(message)) || sent >= MAX_PER_PAGE) return;
  sent++;
  void api.result('app.reportError', {
    kind,
    message,
    ...(e?.name ? { name: e.name.slice(0, 100) } : {}),
    ...(e?.stack ? { stack: e.stack.slice(0, 32_000) } : {}),
    page: window.location.href.slice(0, 2_000),
  });
}

export function installErrorReporting(): void {
  window.addEventListener('error', (ev) => reportRendererError('window.onerror', ev.error, ev.message));
  window.addEventListener('unhandledrejection', (ev) => reportRendererError('unhandledrejection', ev.reason, typeof ev.reason === 'string' ? ev.reason : ''));
}
