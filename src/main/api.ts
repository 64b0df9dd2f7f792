// Builds the Api implementation from the services (transport-agnostic).
import type { Handlers } from './dispatch';
import type { Workstation } from './workstation';
import { appVersion } from './version';
import { caseHandlers } from './handlers/cases';
import { evidenceHandlers } from './handlers/evidence';
import { reviewHandlers } from './handlers/review';
import { opinionHandlers } from './handlers/opinions';
import { syncHandlers } from './handlers/sync';

export function buildApi(ws: Workstation, shell: 'electron' | 'host'): Handlers {
  return {
    'app.info': () => ({
      version: appVersion(),
      shell,
      dataDir: ws.dataDir,
      caseCount: ws.cases.count(),
      today: ws.today(),
      calendarYears: ws.calendar.data.years,
    }),
    ...caseHandlers(ws),
    ...evidenceHandlers(ws),
    ...reviewHandlers(ws),
    ...opinionHandlers(ws),
    ...syncHandlers(ws),
  };
}
