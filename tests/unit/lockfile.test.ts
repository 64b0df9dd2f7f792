// `npm ci` refuses a lock file that lacks an optional platform build (see scripts/fix-lock-platforms.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('package-lock.json', () => {
  it('lists every optional dependency, so npm ci accepts it on a clean machine', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing = Object.entries(lock.packages).flatMap(([key, pkg]) =>
      key.startsWith('node_modules/') ? Object.keys(pkg.optionalDependencies ?? {}).filter((d) => !lock.packages[`node_modules/${d}`] && !lock.packages[`${key}/node_modules/${d}`]) : [],
    );
    expect(missing, 'run `npm run lock:fix` after npm install').toEqual([]);
  });
});
