// The Electron IPC transport's handler, free of 'electron' so it is testable in Node:
// sender-frame check first, then the shared dispatch (zod validation, Result wrapping).
import { dispatch, dispatchLogTo, type Handlers } from './dispatch';
import { senderAllowed } from './app/guards/ipc-sender';
import type { Result } from '../shared/api/result';
import type { AudienceGate } from './audience-gate';

export interface IpcCallEvent {
  senderFrame: { url: string } | null;
  /** True when the calling frame is the window's main frame (not an iframe). */
  isTopFrame: boolean;
  /** The audience token of the window that called (the meeting's audience window), if it is one. */
  audienceToken?: string | null;
}

export function makeIpcHandler(handlers: Handlers, log: (m: string) => void, gate?: AudienceGate) {
  const errors = dispatchLogTo(log);
  return (event: IpcCallEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderAllowed({ url: event.senderFrame?.url, isTopFrame: event.isTopFrame })) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的调用' } });
    }
    // The audience window holds only its meeting's audience token: it reads that screen, nothing else.
    if (event.audienceToken != null) {
      if (!gate) return Promise.resolve({ ok: false, error: { code: 'forbidden', message: '投屏窗口不能进行此操作' } });
      return gate.call(event.audienceToken, name, input);
    }
    return dispatch(handlers, name, input, errors);
  };
}
