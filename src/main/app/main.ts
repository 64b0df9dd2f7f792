// Electron entry: the ONLY place (with src/main/app/*) that imports 'electron'.
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApi } from '../api';
import { appRoot, dataDir } from '../paths';
import { Workstation } from '../workstation';
import { APP_ORIGIN } from '../../shared/api/bridge';
import { denyPermissions, guardWebContents } from './guards/web-contents';
import { registerIpc } from './ipc';
import { handleAppProtocol, registerSchemeAsPrivileged } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';
import { safeStorageProtector } from './safe-storage-protector';

registerSchemeAsPrivileged();
guardWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

function electronNativeBinding(): string | undefined {
  // Built by scripts/electron-native.mjs for Electron's ABI; tests keep using Node's build.
  const p = join(appRoot(), '.cache', 'electron-native', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

async function start(): Promise<void> {
  if (!process.env.FASHEN_HOME) process.env.FASHEN_HOME = join(app.getPath('appData'), 'fashen');
  const home = dataDir();
  const binding = electronNativeBinding();
  const osProtector = safeStorageProtector();
  const ws = new Workstation({ dataDir: home, ...(binding ? { nativeBinding: binding } : {}), ...(osProtector ? { osProtector } : {}) });
  const handlers = buildApi(ws, 'electron');
  denyPermissions();
  handleAppProtocol(join(appRoot(), 'out', 'renderer'), ws);
  registerIpc(handlers, ws, () => BrowserWindow.getAllWindows(), (m) => console.error(m));

  const state = loadWindowState(home);
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    title: '法审工作台',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: join(appRoot(), 'out', 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, home);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('before-quit', () => ws.close());
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.whenReady().then(start, (err: unknown) => {
  dialog.showErrorBox('法审工作台无法启动', (err as Error).message);
  app.quit();
});
