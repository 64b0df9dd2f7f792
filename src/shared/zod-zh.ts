// zod's own messages in Simplified Chinese (its maintained zh-CN locale), for every schema that does
// not word its refusals itself: a reviewer or an admin reads these in error details. Imported for
// its effect by result.ts, which every place that turns zod issues into text goes through — so it
// is configured before any parse whose issues are shown.
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// The locale words text lengths as numbers ("数值过小：期望 string >=1 字符"); lengths of text, arrays
// and empty fields read better said plainly. Anything else falls back to the locale.
type Issue = { code?: string; origin?: string; minimum?: unknown; maximum?: unknown };
function plain(issue: Issue): string | undefined {
  if (issue.origin === 'string' && issue.code === 'too_small') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${String(issue.minimum)} 个字符`;
  if (issue.origin === 'string' && issue.code === 'too_big') return `最多 ${String(issue.maximum)} 个字符`;
  if (issue.origin === 'array' && issue.code === 'too_small') return Number(issue.minimum) <= 1 ? '至少需要 1 项' : `至少需要 ${String(issue.minimum)} 项`;
  if (issue.origin === 'array' && issue.code === 'too_big') return `最多 ${String(issue.maximum)} 项`;
  return undefined;
}

config({ ...zhCN(), customError: (issue) => plain(issue as Issue) });
