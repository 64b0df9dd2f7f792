// One way for CLI commands to report a refused Api call: its zh-CN message and details on stderr, exit 1.
import type { Io } from './main';
import { ApiFailure } from '../shared/api/result';

export async function guarded(io: Io, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiFailure) {
      io.err(`${err.error.message}\n${(err.error.details ?? []).map((d) => `  - ${d}\n`).join('')}`);
      return 1;
    }
    throw err;
  }
}
