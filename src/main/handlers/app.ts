// app.* handlers: workstation facts, the security state, application updates and opened files.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { appVersion } from '../version';
import { readCentralLogin } from '../services/sync/login';
import { hostInstaller, type UpdateInstaller } from '../services/update/installer';
import { loadTrustedKeys } from '../services/update/release-keys';
import { UpdateService } from '../services/update/service';
import { asUpdatePlatform } from '../services/update/update-info';
import { lockHandlers } from './app-lock';
import { noLock, type LockControl } from '../services/lock/control';
import { OpenedFiles } from './app-opened-files';
import { ApiFailure } from '../../shared/api/result';
import type { AudienceWindowResult } from '../../shared/api/app';
import { updateCheckRefusalEntry } from '../services/audit/rules';

/** ~/Documents when there is one (Windows, macOS, most desktops), else the home folder. */
function documentsDir(): string {
  const home = homedir();
  const docs = join(home, 'Documents');
  return existsSync(docs) ? docs : home;
}

/** What only the desktop shell provides; the browser host runs without it. */
export interface ShellServices {
  installer: UpdateInstaller;
  openedFiles: OpenedFiles;
  /** Opens a meeting's audience screen in a second window (src/main/app/audience-window.ts). */
  /** `issueToken` gives the new window its read-only audience token (called only when a window is made). */
  audienceWindow?: (meetingId: string, issueToken: () => string) => Promise<AudienceWindowResult>;
}

type AppHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'app.security'
  | 'app.lock'
  | 'app.unlock'
  | 'app.activity'
  | 'app.setLockAfter'
  | 'app.changePassphrase'
  | 'app.updateStatus'
  | 'app.checkUpdate'
  | 'app.installUpdate'
  | 'app.verifyOfflineUpdate'
  | 'app.applyOfflineUpdate'
  | 'app.pickUpdateFile'
  | 'app.takeOpenedFiles'
  | 'app.openAudienceWindow'
>;

export function appHandlers(ws: Workstation, shell: 'electron' | 'host', services?: ShellServices, lock?: LockControl): AppHandlers {
  const opened = services?.openedFiles ?? new OpenedFiles();
  const update = new UpdateService({
    dataDir: ws.dataDir,
    currentVersion: appVersion(),
    // Other platforms have no installer build; their checks answer "not published for this platform".
    platform: asUpdatePlatform(process.platform) ?? 'linux',
    arch: process.arch,
    trustedKeys: () => loadTrustedKeys(),
    installer: services?.installer ?? hostInstaller,
    server: () => readCentralLogin(ws.dataDir)?.server ?? null,
    emit: (status) => ws.emit('update.status', status),
    // A check answers with a status even when it met a bad signature: no audit rule sees that.
    checkRefused: (r) => {
      const e = updateCheckRefusalEntry(r);
      ws.audit.log.append({ ...e, detail: { ...e.detail, via: shell === 'electron' ? 'desktop' : 'browser' } });
    },
  });
  return {
    'app.info': () => ({
      version: appVersion(),
      shell,
      dataDir: ws.dataDir,
      documentsDir: documentsDir(),
      caseCount: ws.cases.count(),
      today: ws.today(),
      calendarYears: ws.calendar.data.years,
      calendarSource: ws.calendar.data.source,
    }),
    // Security state and lock: the session's (host, desktop), else a back end that cannot lock.
    ...lockHandlers(lock ?? noLock(() => ws.cacheKey.protection), { dataDir: ws.dataDir, shell, osProtected: ws.opts.osProtector?.kind === 'os' }),
    'app.updateStatus': () => update.status(),
    'app.checkUpdate': () => update.check(),
    'app.installUpdate': () => update.install(),
    'app.verifyOfflineUpdate': ({ path }) => update.verifyOffline(path),
    'app.applyOfflineUpdate': ({ path }) => update.applyOffline(path),
    'app.pickUpdateFile': () => update.pickFile(),
    'app.takeOpenedFiles': () => opened.take(),
    'app.openAudienceWindow': ({ meetingId }) => {
      ws.meetings.get(meetingId); // not_found for an unknown meeting
      if (!services?.audienceWindow) throw new ApiFailure({ code: 'conflict', message: '浏览器版不能由工作台打开窗口：请在“投屏页”中复制地址，在第二个浏览器窗口中打开' });
      return services.audienceWindow(meetingId, () => ws.meetings.grants.issue(meetingId).token);
    },
  };
}
