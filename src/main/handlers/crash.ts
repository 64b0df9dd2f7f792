// app.reportError / app.lastCrash / app.ackCrash: renderer errors into the local crash log, and
// the notice of the last error on start.
import type { Handlers } from '../dispatch';
import type { CrashLog } from '../services/crash/crash-log';
import { pagePath } from '../services/crash/report';

type CrashHandlers = Pick<Handlers, 'app.reportError' | 'app.lastCrash' | 'app.ackCrash'>;

/** A renderer stuck in an error loop must not fill the disk: this many reports per run. */
export const RENDERER_REPORTS_PER_RUN = 20;

export function crashHandlers(crash: CrashLog): CrashHandlers {
  let reported = 0;
  return {
    'app.reportError': ({ kind, name, message, stack, page }) => {
      if (reported >= RENDERER_REPORTS_PER_RUN) return { recorded: false };
      reported++;
      const error = Object.assign(new Error(message), { name: name ?? 'Error', stack: stack ?? `${name ?? 'Error'}: ${message}` });
      crash.write({ source: 'renderer', kind, error, page: pagePath(page) });
      return { recorded: true };
    },
    'app.lastCrash': () => {
      const p = crash.pendingAtStart;
      // Acknowledged meanwhile (知道了 in another window): nothing to show.
      if (!p || !crash.pending() || crash.pending()!.report.id < p.report.id) return null;
      const r = p.report;
      return { id: r.id, at: r.at, source: r.source, kind: r.kind, name: r.name, message: r.message, stack: r.stack, version: r.version, count: p.count };
    },
    'app.ackCrash': ({ id }) => {
      crash.acknowledge(id);
      return { acknowledged: true };
    },
  };
}
