import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './paths';

let cached: string | null = null;
export function appVersion(): string {
  if (!cached) cached = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
