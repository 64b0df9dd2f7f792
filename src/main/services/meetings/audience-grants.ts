// Audience tokens (投屏授权): what the shared screen's page holds instead of the session token.
// One token reads one meeting's audience view (masked in the back end) and the pictures that view
// showed it — nothing else. Tokens live in memory only: stopping the workstation drops them all,
// and a token ends with its meeting (ended or signed). Locking only pauses them — refused while
// locked, carried by the session to the Workstation the unlock opens (carry/adopt), so the
// projector of a running meeting comes back by itself once the clerk unlocks. Random 256-bit
// values, so a forged one is never found.
import { randomBytes } from 'node:crypto';
import { AudienceToken, type AudienceGrant } from '../../../shared/api/meetings';
import { ApiFailure } from '../../../shared/api/result';
import type { AudienceView } from '../../../shared/meeting/slides';
import type { MeetingService } from './service';

/** Refusals, in the words the audience page shows. */
export const GRANT_INVALID = '投屏链接已失效（会议已结束，或工作台已重新启动）；会议仍在进行的，请在演示者屏幕上重新打开投屏页';
export const GRANT_LOCKED = '工作台已锁定，投屏暂停；解锁后自动恢复';
export const GRANT_ENDED = '会议已结束，投屏已关闭';
export const GRANT_SCOPE = '投屏页只能读取本次会议的投屏内容，不能进行其他操作';

interface Grant {
  meetingId: string;
  /** Derived pictures (masked pages) the audience view has shown with this token. */
  blobs: Set<string>;
  /** Its meeting has ended: refused for good (kept only to say why). */
  ended: boolean;
}

const OPEN_STATES = new Set(['draft', 'running']);

export class AudienceGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly meetings: Pick<MeetingService, 'get'>) {}

  /** A new token for a meeting that has not ended (not_found / conflict otherwise). */
  issue(meetingId: string): AudienceGrant {
    const m = this.meetings.get(meetingId);
    if (!OPEN_STATES.has(m.state)) throw new ApiFailure({ code: 'conflict', message: '会议已结束，不能再打开投屏页' });
    const token = `aud_${randomBytes(32).toString('base64url')}`;
    this.grants.set(token, { meetingId, blobs: new Set(), ended: false });
    return { token, meetingId };
  }

  /**
   * The meeting a token may read, or a forbidden ApiFailure (zh-CN): malformed, unknown (forged,
   * or from before a lock), or its meeting has ended — then the token is ended for good.
   */
  verify(raw: unknown): string {
    const parsed = AudienceToken.safeParse(raw);
    const grant = parsed.success ? this.grants.get(parsed.data) : undefined;
    if (!parsed.success || !grant) throw new ApiFailure({ code: 'forbidden', message: GRANT_INVALID });
    let state: string;
    try {
      state = grant.ended ? 'ended' : this.meetings.get(grant.meetingId).state;
    } catch {
      state = 'gone';
    }
    if (!OPEN_STATES.has(state)) {
      grant.ended = true;
      grant.blobs.clear();
      throw new ApiFailure({ code: 'forbidden', message: GRANT_ENDED });
    }
    return grant.meetingId;
  }

  /** Remembers the pictures a view returned under this token: the only blobs it may fetch. */
  showed(token: string, view: AudienceView): void {
    const grant = this.grants.get(token);
    const slide = view.current?.slide;
    if (grant && slide?.topic === 'evidence' && slide.focus?.image) grant.blobs.add(slide.focus.image.sha256);
  }

  /** True when the token is valid now and its view has shown this blob. */
  mayRead(token: unknown, sha256: string): boolean {
    try {
      this.verify(token);
    } catch {
      return false;
    }
    return this.grants.get(token as string)?.blobs.has(sha256) ?? false;
  }

  /** The tokens still open, for the session to keep over a lock (the pictures they showed are not kept). */
  carry(): { token: string; meetingId: string }[] {
    return [...this.grants].flatMap(([token, g]) => (g.ended ? [] : [{ token, meetingId: g.meetingId }]));
  }

  /** Takes back the tokens carried over a lock; verify still refuses those whose meeting ended meanwhile. */
  adopt(carried: readonly { token: string; meetingId: string }[]): void {
    for (const { token, meetingId } of carried) if (!this.grants.has(token)) this.grants.set(token, { meetingId, blobs: new Set(), ended: false });
  }

  /** Ends every token of a meeting (verify also finds an ended meeting by itself). */
  revokeMeeting(meetingId: string): void {
    for (const g of this.grants.values())
      if (g.meetingId === meetingId) {
        g.ended = true;
        g.blobs.clear();
      }
  }
}

/**
 * What a connection holding an audience token hears: its meeting's changes, and the lock switching
 * (so the shared screen goes dark at once and comes back on unlock). Neither carries case data.
 */
export function audienceHears(grant: { meetingId: string }, event: string, payload: unknown): boolean {
  if (event === 'app.lock') return true;
  return event === 'meetings.changed' && (payload as { meetingId?: unknown }).meetingId === grant.meetingId;
}
