// Typed events pushed from the back end (progress of long work, later sync and deadlines).
import type { SyncProgress } from '../sync/status';
import type { UpdateStatus } from './app';
import type { MeetingState, Topic } from '../meeting/schema';

export interface ApiEvents {
  'import.progress': { done: number; total: number; label: string };
  'verify.progress': {
    caseId: string;
    done: number;
    total: number;
    /** Bytes re-hashed so far of the bytes the check reads in all (a file listed twice is read once). */
    bytes: { done: number; total: number };
    /** Bytes re-hashed of the file in progress (big videos take a while), when one is. */
    file?: { title: string; done: number; size: number };
  };
  /** Files, bytes, speed and time remaining of the running sync; phase 'done' when it ends. */
  'sync.progress': SyncProgress;
  /** The application update's state changed (check, download progress, verified, offered file). */
  'update.status': UpdateStatus;
  /** The OS asked the app to open files (.fscase / .fsupdate); take them with app.takeOpenedFiles. */
  'app.filesOpened': { count: number };
  /** The workstation locked (inactivity, or by hand) or was unlocked: the renderer shows or leaves the lock screen. */
  'app.lock': { locked: boolean };
  /**
   * A meeting changed (set-up, navigation, opinion, conclusion, signature). Carries no case data:
   * the audience window re-reads `meetings.audience`, the presenter `meetings.get`.
   */
  'meetings.changed': { meetingId: string; revision: number; state: MeetingState; agendaIndex: number | null; topic: Topic | null };
}
export type ApiEventName = keyof ApiEvents;
export interface ApiEventMessage<K extends ApiEventName = ApiEventName> {
  event: K;
  payload: ApiEvents[K];
}
