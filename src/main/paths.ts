// Where things live on disk: the data folder (FASHEN_HOME or the OS per-user folder) and the
// app's own resources (migrations, fonts, rule data), found relative to this module.
import { existsSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_FOLDER = 'fashen';

/** FASHEN_HOME (portable mode, e.g. a USB stick) or the OS's per-user data folder. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FASHEN_HOME) return resolve(env.FASHEN_HOME);
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
  }
}

let cachedRoot: string | null = null;

/** The folder holding package.json (a checkout) or the packaged app's resources. */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  if (process.env.FASHEN_APP_ROOT) return (cachedRoot = resolve(process.env.FASHEN_APP_ROOT));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return (cachedRoot = dir);
    dir = dirname(dir);
  }
  throw new Error('Cannot locate the Fashen app root (package.json + resources/); set FASHEN_APP_ROOT');
}

export function migrationsDir(): string {
  const packaged = join(appRoot(), 'resources', 'migrations');
  return existsSync(packaged) ? packaged : join(appRoot(), 'src', 'main', 'db', 'migrations');
}

export function resourcePath(...parts: string[]): string {
  const p = join(appRoot(), 'resources', ...parts);
  // In a packaged app, files under asarUnpack (electron-builder.yml) sit beside app.asar in
  // app.asar.unpacked: native code (Skia loading a font by path) can read only those.
  const unpacked = p.replace(/\.asar([\\/])/, '.asar.unpacked$1');
  return unpacked !== p && existsSync(unpacked) ? unpacked : p;
}
