// Remembers the main window's bounds and maximised state between runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const WindowState = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(800), height: z.number().int().min(500), maximized: z.boolean() });
type WindowState = z.infer<typeof WindowState>;

export function loadWindowState(dataDir: string): Partial<WindowState> & { width: number; height: number } {
  try {
    const s = WindowState.parse(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')));
    // Only restore a position that is still on a connected display.
    const onScreen = screen.getAllDisplays().some((d) => rectInside(s, d.workArea));
    return onScreen ? s : { width: s.width, height: s.height, maximized: s.maximized };
  } catch {
    return { width: 1440, height: 900 };
  }
}

function rectInside(r: Rectangle, area: Rectangle): boolean {
  return r.x >= area.x - 50 && r.y >= area.y - 50 && r.x + 100 <= area.x + area.width && r.y + 100 <= area.y + area.height;
}

export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  const save = () => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ ...b, maximized: win.isMaximized() }));
  };
  win.on('close', save);
  win.on('resized', save);
  win.on('moved', save);
}
