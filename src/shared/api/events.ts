// Typed events pushed from the back end (progress of long work, later sync and deadlines).
import type { SyncProgress } from '../sync/status';

export interface ApiEvents {
  'import.progress': { done: number; total: number; label: string };
  'verify.progress': { caseId: string; done: number; total: number };
  /** Files, bytes, speed and time remaining of the running sync; phase 'done' when it ends. */
  'sync.progress': SyncProgress;
}
export type ApiEventName = keyof ApiEvents;
export interface ApiEventMessage<K extends ApiEventName = ApiEventName> {
  event: K;
  payload: ApiEvents[K];
}
