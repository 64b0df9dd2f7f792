// cases.* handlers.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { generateDemoPackages } from '../demo/generate';

type CaseHandlers = Pick<Handlers, 'cases.list' | 'cases.get' | 'cases.import' | 'cases.loadDemo'>;

export function caseHandlers(ws: Workstation): CaseHandlers {
  const progress = (done: number, total: number, label: string) => ws.emit('import.progress', { done, total, label });
  return {
    'cases.list': (filter) => ws.views.list(filter),
    'cases.get': ({ id }) => {
      const view = ws.views.get(id);
      if (!view) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${id}` });
      return view;
    },
    'cases.import': ({ paths }) => ws.importer.importMany(paths, progress),
    'cases.loadDemo': async () => {
      const today = ws.today();
      const outDir = join(ws.dataDir, 'demo-packages', today);
      progress(0, 1, '正在生成演示案卷…');
      try {
        const generated = await generateDemoPackages({ outDir, today, onProgress: (done, total) => progress(done, total, `正在生成演示案卷（${done}/${total}）`) });
        return await ws.importer.importMany(
          generated.map((g) => g.dir),
          (done, total) => progress(done, total, `正在导入演示案卷（${done}/${total}）`),
        );
      } finally {
        // The generated packages are plaintext: once imported (encrypted) they go (the cache is encrypted at rest).
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  };
}
