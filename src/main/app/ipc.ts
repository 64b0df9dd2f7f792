// Registers the generic IPC transport with Electron and forwards back-end events to windows.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { Handlers } from '../dispatch';
import { makeIpcHandler } from '../ipc-handler';
import type { LiveWorkstation } from '../host';

export function registerIpc(handlers: Handlers, ws: Pick<LiveWorkstation, 'on'>, windows: () => BrowserWindow[], log: (m: string) => void): void {
  const handle = makeIpcHandler(handlers, log);
  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) =>
    handle({ senderFrame: event.senderFrame ? { url: event.senderFrame.url } : null, isTopFrame: event.senderFrame === event.sender.mainFrame }, name, input),
  );
  ws.on((event, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
