// app.reportError / app.lastCrash / app.ackCrash — crash reporting to a local file (issue 8):
// renderer errors are reported here; the last error not yet acknowledged is shown on next start.
import { z } from 'zod';
import { call } from './define';

export interface CrashNotice {
  id: string;
  at: string;
  source: 'main' | 'host' | 'renderer';
  kind: string;
  name: string | null;
  message: string;
  stack: string | null;
  version: string;
  /** Unacknowledged reports in all (this is the newest). */
  count: number;
}

export const crashApi = {
  /** A renderer error (window.onerror, unhandledrejection, a React render error). */
  'app.reportError': call<{ recorded: boolean }>()(
    z
      .object({
        kind: z.enum(['window.onerror', 'unhandledrejection', 'react']),
        name: z.string().max(100).optional(),
        message: z.string().min(1).max(4_000),
        stack: z.string().max(32_000).optional(),
        page: z.string().max(2_000).optional(),
      })
      .strict(),
  ),
  /** The last error not yet acknowledged when the app started, or null. */
  'app.lastCrash': call<CrashNotice | null>()(z.object({}).strict()),
  /** 知道了: that report and all earlier ones are acknowledged. */
  'app.ackCrash': call<{ acknowledged: boolean }>()(z.object({ id: z.string().regex(/^[0-9TZ]+-[0-9a-f]{6}$/) }).strict()),
} as const;
