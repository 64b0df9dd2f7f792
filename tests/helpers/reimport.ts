// A new revision of a package taken in as the central system delivers it (which opens a new round
// whatever the review's status), with its text extracted, as a re-imported file is in use.
import { expect } from 'vitest';
import { openPackage } from '../../src/main/services/package-source';
import type { Workstation } from '../../src/main/workstation';

export async function reimportFromCentral(ws: Workstation, dir: string): Promise<void> {
  const src = await openPackage(dir);
  try {
    expect(await ws.importer.importSource(src, { fromCentral: true })).toMatchObject({ ok: true });
  } finally {
    src.close();
  }
  await ws.processor.processPending();
}
