// One crash report: what failed, where, in which version — and nothing personal. Messages and
// stacks go through the personal-data mask (an error message can quote a party's ID number or
// phone), and home/data folder paths are replaced so the report names no user account.
import { homedir } from 'node:os';
import { maskText } from '../../../shared/privacy/mask';

export type CrashSource = 'main' | 'host' | 'renderer';

export interface CrashReport {
  id: string;
  /** ISO 8601 instant. */
  at: string;
  source: CrashSource;
  /** uncaughtException, unhandledRejection, window.onerror, render-process-gone … */
  kind: string;
  name: string | null;
  message: string;
  stack: string | null;
  version: string;
  platform: string;
  arch: string;
  /** Renderer errors: the page path (no query: it may carry the session token). */
  page?: string;
}

export const MAX_MESSAGE = 2_000;
export const MAX_STACK = 16_000;

export interface ErrorFacts {
  name: string | null;
  message: string;
  stack: string | null;
}

/** The facts of anything thrown (an Error, a string, an object, undefined). */
export function errorFacts(thrown: unknown): ErrorFacts {
  if (thrown instanceof Error) return { name: thrown.name, message: thrown.message, stack: thrown.stack ?? null };
  if (typeof thrown === 'string') return { name: null, message: thrown, stack: null };
  let text: string;
  try {
    text = JSON.stringify(thrown) ?? String(thrown);
  } catch {
    text = String(thrown);
  }
  return { name: null, message: `非 Error 值：${text}`, stack: null };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mask personal data, hide the user's folders, bound the size. */
export function sanitize(text: string, max: number, folders: { home?: string; data?: string } = {}): string {
  let t = text;
  // The data folder first: it usually sits inside the home folder.
  if (folders.data) t = t.replace(new RegExp(escapeRe(folders.data), 'g'), '<数据目录>');
  const home = folders.home ?? homedir();
  if (home && home.length > 1) t = t.replace(new RegExp(escapeRe(home), 'g'), '~');
  t = maskText(t);
  return t.length > max ? `${t.slice(0, max)}…（已截断）` : t;
}

/** A page URL without query or fragment (the host's URL carries the per-run token). */
export function pagePath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, 300);
  } catch {
    return undefined;
  }
}
