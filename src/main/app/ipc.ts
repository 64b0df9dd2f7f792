// Registers the generic IPC transport with Electron and forwards back-end events to windows.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { AudienceGate } from '../audience-gate';
import type { Handlers } from '../dispatch';
import { makeIpcHandler } from '../ipc-handler';
import { audienceHears } from '../services/meetings/audience-grants';
import type { LiveWorkstation } from '../host';

/** The audience windows (audience-window.ts): their web contents hold a meeting's audience token. */
export interface AudienceSenders {
  gate: AudienceGate;
  grantOf(webContentsId: number): { token: string; meetingId: string } | null;
}

export function registerIpc(handlers: Handlers, ws: Pick<LiveWorkstation, 'on'>, windows: () => BrowserWindow[], log: (m: string) => void, audience?: AudienceSenders): void {
  const handle = makeIpcHandler(handlers, log, audience?.gate);
  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) =>
    handle(
      {
        senderFrame: event.senderFrame ? { url: event.senderFrame.url } : null,
        isTopFrame: event.senderFrame === event.sender.mainFrame,
        audienceToken: audience?.grantOf(event.sender.id)?.token ?? null,
      },
      name,
      input,
    ),
  );
  ws.on((event, payload) => {
    for (const w of windows()) {
      if (w.isDestroyed()) continue;
      // An audience window hears only that its meeting changed and that the lock switched (no case data).
      const grant = audience?.grantOf(w.webContents.id);
      if (grant && !audienceHears(grant, event, payload)) continue;
      w.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
}
