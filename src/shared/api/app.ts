// app.* — facts about this workstation the UI shows (status bar, first start).
import { z } from 'zod';
import { call } from './define';

export interface AppInfo {
  version: string;
  /** 'electron' | 'host' — for the status bar only; the client never branches on it. */
  shell: 'electron' | 'host';
  dataDir: string;
  caseCount: number;
  today: string;
  calendarYears: number[];
}

export const appApi = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
} as const;
