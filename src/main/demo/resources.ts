// Locating files under resources/ (dev tree, built app, or an explicit override).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_RESOURCE = 'fonts/NotoSerifSC-Regular.ttf';

/**
 * Absolute path of resources/<rel>. Looks at $FASHEN_RESOURCES, then walks up from this module
 * (src/main/demo or out/main) and from the working directory.
 */
export function resourcePath(rel: string): string {
  const candidates: string[] = [];
  const env = process.env.FASHEN_RESOURCES;
  if (env) candidates.push(join(env, rel));
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 8; i++) {
      candidates.push(join(dir, 'resources', rel));
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`找不到资源文件 resources/${rel}（可设置环境变量 FASHEN_RESOURCES）`);
  return found;
}
