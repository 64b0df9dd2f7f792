// The object the preload exposes on window.fashen: built from the contract, never a raw invoke(channel).
import type { Result } from './result';

export const IPC_CALL_CHANNEL = 'fashen:call';
export const IPC_EVENT_CHANNEL = 'fashen:event';
/** Origin of the packaged renderer (custom protocol). */
export const APP_ORIGIN = 'app://fashen';

export interface PreloadBridge {
  /** Only names from the contract are forwarded; anything else is refused in the preload. */
  call(name: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  blobBase: string;
}
