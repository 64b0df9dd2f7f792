// The meeting's audience screen (集体讨论投屏) as a second window: full screen on an external display
// when one is connected (the `screen` API), else a normal window the user drags to the projector.
// It loads the same renderer at #/meeting/<id>/audience, with the main window's security settings;
// one window per meeting, brought forward when asked again.
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { AudienceWindowResult } from '../../shared/api/app';
import { APP_ORIGIN } from '../../shared/api/bridge';
import { appRoot } from '../paths';

export function audienceWindowOpener(): (meetingId: string) => Promise<AudienceWindowResult> {
  const open = new Map<string, BrowserWindow>();
  return async (meetingId) => {
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
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    open.set(meetingId, win);
    win.on('closed', () => open.delete(meetingId));
    win.once('ready-to-show', () => win.show());
    await win.loadURL(`${APP_ORIGIN}/index.html#/meeting/${encodeURIComponent(meetingId)}/audience`);
    return { external: external !== null, display };
  };
}
