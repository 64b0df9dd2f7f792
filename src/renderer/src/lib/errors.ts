// Api failures become calm zh-CN messages; nothing technical reaches the reviewer.
import { ApiFailure } from '../../../shared/api/result';

export function errorText(err: unknown, fallback = '操作未完成，请稍后重试'): string {
  if (err instanceof ApiFailure) return err.error.message || fallback;
  return fallback;
}
