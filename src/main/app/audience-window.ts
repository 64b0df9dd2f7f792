// The meeting's audience screen (集体讨论投屏) as a second window: full screen on an external display
// when one is connected (the `screen` API), else a normal window the user drags to the projector.
// It loads the same renderer at #/meeting/<id>/audience, with the main window's security settings;
// one window per meeting, brought forward when asked again.
// The window holds only a read-only audience token of its meeting (services/meetings/audience-grants.ts):
// its IPC calls go through the audience gate (ipc.ts), it hears only its meeting's changes, and it
// runs in a session of its own whose app:// serves the renderer and only the pictures the token
// may read (protocol.ts) — the main window's full access is not reachable from it.
import { BrowserWindow, screen, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AudienceWindowResult } from '../../shared/api/app';
import { APP_ORIGIN } from '../../shared/api/bridge';
import { appRoot } from '../paths';

export interface AudienceWindows {
  open(meetingId: string, issueToken: () => string): Promise<AudienceWindowResult>;
  /** The grant of an audience window's web contents (null: not an audience window). */
  grantOf(webContentsId: number): { token: string; meetingId: string } | null;
  /** How an audience window's own session serves app:// (set once the workstation is up). */
  serveWith(serve: (ses: Session, token: string) => void): void;
}

export function audienceWindows(): AudienceWindows {
  const open = new Map<string, BrowserWindow>();
  const grants = new Map<number, { token: string; meetingId: string }>();
  let serve: ((ses: Session, token: string) => void) | null = null;
  return {
    grantOf: (id) => grants.get(id) ?? null,
    serveWith: (s) => void (serve = s),
    async open(meetingId, issueToken) {
      const primary = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
      const external = screen.getAllDisplays().find((d) => d.id !== primary.id) ?? null;
      const target = external ?? primary;
      const display = target.label || `${target.size.width}×${target.size.height}`;
      const existing = open.get(meetingId);
      if (existing && !existing.isDestroyed()) {
        existing.show();
        existing.focus();
        return { external: external !== null, display };
      }
      if (!serve) throw new Error('投屏窗口尚未就绪');
      const token = issueToken();
      // An in-memory session of its own: app:// there serves only what the token may read.
      const ses = session.fromPartition(`audience-${randomUUID()}`);
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ses.setPermissionCheckHandler(() => false);
      serve(ses, token);
      const { x, y, width, height } = target.workArea;
      const win = new BrowserWindow({
        x: x + Math.round(width * 0.1),
        y: y + Math.round(height * 0.1),
        width: Math.round(width * 0.8),
        height: Math.round(height * 0.8),
        fullscreen: external !== null,
        title: '集体讨论 — 投屏',
        backgroundColor: '#111111',
        autoHideMenuBar: true,
        show: false,
        webPreferences: {
          // Same reviewed preload and settings as the main window (main.ts): contract calls only.
          preload: join(appRoot(), 'out', 'preload', 'index.cjs'), // eng-disable PRELOAD_JS_CHECK
          session: ses,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webviewTag: false,
          spellcheck: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      const contentsId = win.webContents.id;
      grants.set(contentsId, { token, meetingId });
      open.set(meetingId, win);
      win.on('closed', () => {
        open.delete(meetingId);
        grants.delete(contentsId);
      });
      win.once('ready-to-show', () => win.show());
      // The token in the address tells the renderer it is an audience page; the main process
      // trusts the window's identity (grants), not the address.
      await win.loadURL(`${APP_ORIGIN}/index.html?audience=${encodeURIComponent(token)}#/meeting/${encodeURIComponent(meetingId)}/audience`);
      return { external: external !== null, display };
    },
  };
}
