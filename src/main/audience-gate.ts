// The door for a holder of an audience token (投屏授权, services/meetings/audience-grants.ts), used
// by both transports: the headless host's WebSocket and blob routes, and the Electron audience
// window's IPC. Only `meetings.audience` of the token's meeting passes (through the same dispatch,
// zod and lock as every call); every other call, a forged token and an ended one are refused in
// zh-CN. A picture may be fetched only after that token's view showed it.
import { api } from '../shared/api/index';
import { ApiFailure, type Result } from '../shared/api/result';
import type { AudienceView } from '../shared/meeting/slides';
import { dispatch, type DispatchLog, type Handlers } from './dispatch';
import { GRANT_LOCKED, GRANT_SCOPE } from './services/meetings/audience-grants';
import type { Workstation } from './workstation';

export interface AudienceGate {
  /** The meeting the token reads now, or why not (checked when a page connects). */
  meetingOf(token: unknown): Result<string>;
  call(token: unknown, name: unknown, input: unknown): Promise<Result<unknown>>;
  mayRead(token: unknown, sha256: string): boolean;
}

const refuse = (message: string): Result<never> => ({ ok: false, error: { code: 'forbidden', message } });

export function audienceGate(live: { current(): Workstation | null }, handlers: Handlers, log?: DispatchLog): AudienceGate {
  const meetingOf = (token: unknown): Result<string> => {
    // Locked: paused, not ended — the session carries the tokens to the Workstation the unlock opens.
    const ws = live.current();
    if (!ws) return { ok: false, error: { code: 'locked', message: GRANT_LOCKED } };
    try {
      return { ok: true, value: ws.meetings.grants.verify(token) };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.error };
      throw err;
    }
  };
  return {
    meetingOf,
    async call(token, name, input) {
      const meeting = meetingOf(token);
      if (!meeting.ok) return meeting;
      if (name !== 'meetings.audience') return refuse(GRANT_SCOPE);
      const parsed = api['meetings.audience'].input.safeParse(input);
      if (parsed.success && parsed.data.id !== meeting.value) return refuse(GRANT_SCOPE);
      const r = await dispatch(handlers, name, input, log);
      if (r.ok) live.current()?.meetings.grants.showed(token as string, r.value as AudienceView);
      return r;
    },
    mayRead(token, sha256) {
      return live.current()?.meetings.grants.mayRead(token, sha256) ?? false;
    },
  };
}
