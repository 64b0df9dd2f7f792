// Files the OS asked the desktop app to open through its file associations (electron-builder
// `fileAssociations`): case packages (.fscase) and offline updates (.fsupdate). Kept until the
// renderer takes them — at start-up the window may not be listening yet when the OS hands them over.
import { extname, resolve } from 'node:path';
import { OFFLINE_UPDATE_EXT } from '../services/update/offline-package';

export const CASE_PACKAGE_EXT = '.fscase';

export class OpenedFiles {
  private cases: string[] = [];
  private updates: string[] = [];

  constructor(private readonly notify: (count: number) => void = () => undefined) {}

  /** Keeps the paths with our extensions (others — e.g. Electron's own switches — are ignored). */
  add(paths: readonly string[]): number {
    let added = 0;
    for (const raw of paths) {
      const ext = extname(raw).toLowerCase();
      const p = resolve(raw);
      if (ext === CASE_PACKAGE_EXT && !this.cases.includes(p)) this.cases.push(p), added++;
      else if (ext === OFFLINE_UPDATE_EXT && !this.updates.includes(p)) this.updates.push(p), added++;
    }
    if (added) this.notify(this.cases.length + this.updates.length);
    return added;
  }

  take(): { cases: string[]; updates: string[] } {
    const out = { cases: this.cases, updates: this.updates };
    this.cases = [];
    this.updates = [];
    return out;
  }
}
