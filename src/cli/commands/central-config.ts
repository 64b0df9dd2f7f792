// The workstation's saved central-system login: <FASHEN_HOME>/central.json, readable by its owner only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SavedLogin {
  server: string;
  user: string;
  role: string;
  deviceId: string;
  token: string;
  savedAt: string;
}

export const centralConfigPath = (dataDir: string) => join(dataDir, 'central.json');

export function readSavedLogin(dataDir: string): SavedLogin | null {
  const p = centralConfigPath(dataDir);
  if (!existsSync(p)) return null;
  try {
    const v = JSON.parse(readFileSync(p, 'utf8')) as Partial<SavedLogin>;
    return typeof v.server === 'string' && typeof v.token === 'string' ? (v as SavedLogin) : null;
  } catch {
    return null;
  }
}
