// Node process hooks (Electron main and the headless host): an uncaught exception is written as a
// crash report, then `onFatal` decides how the process ends (its state is no longer trustworthy);
// an unhandled rejection is written and the process goes on.
import type { CrashLog } from './crash-log';
import type { CrashReport } from './report';

export interface CrashHookOptions {
  source: 'main' | 'host';
  /** After an uncaught exception has been written (report null if even that failed). */
  onFatal: (report: CrashReport | null, error: unknown) => void;
  log?: (line: string) => void;
}

export function installCrashHandlers(proc: NodeJS.EventEmitter, crash: CrashLog, opts: CrashHookOptions): () => void {
  const write = (kind: string, error: unknown): CrashReport | null => {
    try {
      const report = crash.write({ source: opts.source, kind, error });
      opts.log?.(`${kind} recorded in ${crash.dir} (${report.id})`);
      return report;
    } catch (err) {
      opts.log?.(`${kind}; the crash report could not be written: ${(err as Error).message}`);
      return null;
    }
  };
  const onException = (error: unknown) => opts.onFatal(write('uncaughtException', error), error);
  const onRejection = (reason: unknown) => void write('unhandledRejection', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
