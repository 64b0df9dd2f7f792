// Api failures become calm zh-CN messages; nothing technical reaches the reviewer.
import { ApiFailure } from '../../../shared/api/result';

/**
 * An input the back end's schema refused says only 请求参数无效; what was wrong is in its details,
 * each prefixed by the field's path (opinionText：审核意见过短…), which the reviewer does not need.
 */
function invalidInputText(details: readonly string[] | undefined): string | null {
  const said = [...new Set((details ?? []).map((d) => d.replace(/^[\w.[\]-]+：/, '').trim()).filter(Boolean))];
  return said.length ? said.slice(0, 3).join('；') : null;
}

export function errorText(err: unknown, fallback = '操作未完成，请稍后重试'): string {
  if (!(err instanceof ApiFailure)) return fallback;
  if (err.error.code === 'invalid_input') return invalidInputText(err.error.details) ?? (err.error.message || fallback);
  return err.error.message || fallback;
}
