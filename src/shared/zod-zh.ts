// zod's own messages in Simplified Chinese (its maintained zh-CN locale), for every schema that does
// not word its refusals itself: a reviewer or an admin reads these in error details. Imported for
// its effect by result.ts, which every place that turns zod issues into text goes through — so it
// is configured before any parse whose issues are shown.
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());
