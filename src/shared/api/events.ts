// Typed events pushed from the back end (progress of long work, later sync and deadlines).
export interface ApiEvents {
  'import.progress': { done: number; total: number; label: string };
  'verify.progress': { caseId: string; done: number; total: number };
}
export type ApiEventName = keyof ApiEvents;
export interface ApiEventMessage<K extends ApiEventName = ApiEventName> {
  event: K;
  payload: ApiEvents[K];
}
