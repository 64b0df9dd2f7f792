// Builds the Api implementation from the services (transport-agnostic). Every call passes the
// audit hook (services/audit/recorder.ts) on its way to the handler.
import type { Handlers } from './dispatch';
import type { Workstation } from './workstation';
import { appVersion } from './version';
import { caseHandlers } from './handlers/cases';
import { evidenceHandlers } from './handlers/evidence';
import { reviewHandlers } from './handlers/review';
import { opinionHandlers } from './handlers/opinions';
import { syncHandlers } from './handlers/sync';
import { meetingHandlers } from './handlers/meetings';
import { appHandlers, type ShellServices } from './handlers/app';
import { auditHandlers } from './handlers/audit';
import { crashHandlers } from './handlers/crash';
import { recordExportHandlers } from './handlers/record-exports';
import { withAudit } from './services/audit/recorder';
import { CrashLog, crashDir } from './services/crash/crash-log';
import type { LockControl } from './services/lock/control';

export interface BuildApiOptions {
  /** The process's crash log (made at start, before this run can add to it); default: one on the data folder. */
  crash?: CrashLog;
  /** Desktop-only services (update installer, files opened through file associations). */
  shell?: ShellServices;
  /** The lock of the shell's session (services/lock/session.ts); without it the back end cannot lock. */
  lock?: LockControl;
}

export function buildApi(ws: Workstation, shell: 'electron' | 'host', opts: BuildApiOptions = {}): Handlers {
  const crash = opts.crash ?? new CrashLog(crashDir(ws.dataDir), { version: appVersion(), dataDir: ws.dataDir });
  const handlers: Handlers = {
    ...appHandlers(ws, shell, opts.shell, opts.lock),
    ...caseHandlers(ws),
    ...evidenceHandlers(ws),
    ...reviewHandlers(ws),
    ...opinionHandlers(ws),
    ...syncHandlers(ws),
    ...meetingHandlers(ws),
    ...auditHandlers(ws),
    ...crashHandlers(crash),
    ...recordExportHandlers(ws),
  };
  return withAudit(ws, handlers, shell === 'electron' ? 'desktop' : 'browser');
}
