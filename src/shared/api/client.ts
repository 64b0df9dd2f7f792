// The renderer's typed client. It sees only a Transport; IPC and WebSocket look the same.
import type { CallInput, CallName, CallOutput } from './index';
import { ApiFailure, type Result } from './result';
import type { ApiEventName, ApiEvents } from './events';

export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  /** URL under which the blob with this sha256 can be fetched (app:// or host http). */
  blobUrl(sha256: string): string;
}

export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  result<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void): () => void;
  blobUrl(sha256: string): string;
}

export function createClient(transport: Transport): ApiClient {
  const result = async <N extends CallName>(name: N, input: CallInput<N>) =>
    (await transport.invoke(name, input)) as Result<CallOutput<N>>;
  return {
    result,
    async call(name, input) {
      const r = await result(name, input);
      if (!r.ok) throw new ApiFailure(r.error);
      return r.value;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as ApiEvents[typeof event]);
      });
    },
    blobUrl: (sha) => transport.blobUrl(sha),
  };
}
