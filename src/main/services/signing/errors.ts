// Typed errors of the signing core. `message` is the zh-CN text shown to the reviewer; `code`
// is for programs (CLI exit paths, IPC error mapping).

export type SigningErrorCode =
  | 'wrong-passphrase'
  | 'key-file-corrupt'
  | 'key-not-found'
  | 'key-revoked'
  | 'key-retired'
  | 'no-active-key'
  | 'unsupported-algorithm'
  | 'no-certificate'
  | 'ca-error'
  | 'pdf-sign-failed'
  | 'timestamp-failed';

export class SigningError extends Error {
  override readonly name = 'SigningError';
  constructor(
    readonly code: SigningErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const WRONG_PASSPHRASE_MESSAGE = '口令错误，无法解锁签名密钥';
export const KEY_FILE_CORRUPT_MESSAGE = '签名密钥文件已损坏';

export function isSigningError(e: unknown, code?: SigningErrorCode): e is SigningError {
  return e instanceof SigningError && (code === undefined || e.code === code);
}
