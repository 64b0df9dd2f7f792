// Every Api answer is a Result: transports never throw across the boundary.
import '../zod-zh';
export type ApiErrorCode =
  | 'invalid_input' // zod rejected the call
  | 'unknown_call'
  | 'not_found'
  | 'conflict'
  | 'bad_package'
  | 'forbidden'
  | 'approval_required' // an export needs the approval the agency requires (seed 002 item 10)
  | 'locked' // the workstation is locked (inactivity or by hand): only unlocking and its state answer
  | 'passphrase_required' // a sealed bundle met without its passphrase, or with a wrong one: ask and call again
  | 'unavailable' // transport down
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** zh-CN, shown to the user. */
  message: string;
  /** Optional structured details (e.g. zod issues, per-file problems). */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** Turn zod issues into readable zh-CN lines like "case.caseNumber：案号格式应如 …". */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => {
    const at = i.path.map(String).join('.');
    return at ? `${at}：${i.message}` : i.message;
  });
}
