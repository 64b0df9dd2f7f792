// Electron entry: the ONLY place (with src/main/app/*) that imports 'electron'.
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, dataDir } from '../paths';
import { startShellSession } from '../shell-session';
import type { WorkstationSession } from '../services/lock/session';
import { APP_ORIGIN } from '../../shared/api/bridge';
import { denyPermissions, guardDownloads, guardWebContents } from './guards/web-contents';
import { appBlobSha } from './guards/url-policy';
import { isRecordDocument } from '../services/audit/blob-access';
import { registerIpc } from './ipc';
import { handleAppProtocol, registerSchemeAsPrivileged } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';
import { safeStorageProtector } from './safe-storage-protector';
import { installCrashReporting } from './crash';
import { CrashLog, crashDir } from '../services/crash/crash-log';
import { appVersion } from '../version';
import { desktopInstaller } from './updater';
import { OpenedFiles } from '../handlers/app-opened-files';
import { audienceWindows } from './audience-window';
import { audienceGate } from '../audience-gate';
import { tuneGc } from '../gc-tuning';

tuneGc();
registerSchemeAsPrivileged();
guardWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let session: WorkstationSession | null = null;

// Files handed over by the OS (file associations): argv on Windows/Linux, 'open-file' on macOS —
// which can fire before 'ready', so it is registered now and the files wait for the renderer.
const openedFiles = new OpenedFiles((count) => session?.emit('app.filesOpened', { count }));
openedFiles.add(process.argv.slice(1));
app.on('open-file', (event, path) => {
  event.preventDefault();
  openedFiles.add([path]);
});

function electronNativeBinding(): string | undefined {
  // Built by scripts/electron-native.mjs for Electron's ABI; tests keep using Node's build.
  const p = join(appRoot(), '.cache', 'electron-native', 'better_sqlite3.node'); // better-sqlite3-multiple-ciphers' addon
  return existsSync(p) ? p : undefined;
}

async function start(): Promise<void> {
  if (!process.env.FASHEN_HOME) process.env.FASHEN_HOME = join(app.getPath('appData'), 'fashen');
  const home = dataDir();
  // Before the store opens, so a failure from here on is on file for the next start.
  const crash = new CrashLog(crashDir(home), { version: appVersion(), dataDir: home });
  installCrashReporting(crash);
  const binding = electronNativeBinding();
  const osProtector = safeStorageProtector();
  const audience = audienceWindows();
  // The cache key is wrapped by the OS keystore; without one (Linux with no secret service) the
  // app starts locked and the lock screen asks for the cache passphrase (or a new one).
  const s = await startShellSession({
    shell: 'electron',
    workstation: { dataDir: home, ...(binding ? { nativeBinding: binding } : {}), ...(osProtector ? { osProtector } : {}) },
    keys: { os: osProtector },
    api: { crash, shell: { installer: desktopInstaller(home, (m) => console.error(m)), openedFiles, audienceWindow: (id, issue) => audience.open(id, issue) } },
    log: (m) => console.error(m),
  });
  session = s;
  if (process.platform === 'win32') app.setAppUserModelId('com.fashen.workstation');
  denyPermissions();
  // A record's blob link saved as a file would bypass the export policy and the audit log.
  guardDownloads((url) => {
    const sha = appBlobSha(url);
    const ws = sha ? s.current() : null;
    const row = sha && ws ? ws.cases.blobKnown(sha) : undefined;
    return Boolean(ws && row && isRecordDocument(ws.cases, row));
  });
  handleAppProtocol(join(appRoot(), 'out', 'renderer'), s);
  // Audience windows: a meeting's read-only token, their own app:// (renderer + that token's pictures).
  const gate = audienceGate(s, s.handlers, { error: (m, e) => console.error(m, e) });
  audience.serveWith((ses, token) => handleAppProtocol(join(appRoot(), 'out', 'renderer'), s, { on: ses.protocol, blobAllowed: (sha) => gate.mayRead(token, sha) }));
  registerIpc(s.handlers, s, () => BrowserWindow.getAllWindows(), (m) => console.error(m), { gate, grantOf: (id) => audience.grantOf(id) });

  const state = loadWindowState(home);
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    title: '法审工作台',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      // Reviewed (electronegativity PRELOAD_JS_CHECK asks for a manual review of every preload): it
      // exposes only window.fashen = { call(name, input) for contract names, onEvent, blobBase }
      // through contextBridge (src/preload/bridge.ts), in a sandboxed, context-isolated renderer.
      preload: join(appRoot(), 'out', 'preload', 'index.cjs'), // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open anything (beside the deny-all window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, home);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  // Woken from sleep (a laptop carried back to the office): sync within seconds, not at the next retry.
  powerMonitor.on('resume', () => s.current()?.sync.auto?.poke());
  app.on('before-quit', () => void s.close());
}

app.on('second-instance', (_event, argv) => {
  openedFiles.add(argv.slice(1));
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});
app.on('window-all-closed', () => app.quit());
// A failure in start() too (e.g. the cache key file missing or not matching the data: said in zh-CN).
app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    dialog.showErrorBox('法审工作台无法启动', (err as Error).message);
    app.quit();
  });
