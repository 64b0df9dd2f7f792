// Builds the Api implementation from the services (transport-agnostic).
import { join } from 'node:path';
import { ApiFailure } from '../shared/api/result';
import type { Handlers } from './dispatch';
import type { Workstation } from './workstation';
import { generateDemoPackages } from './demo/generate';
import { appVersion } from './version';

export function buildApi(ws: Workstation, shell: 'electron' | 'host'): Handlers {
  return {
    'app.info': () => ({
      version: appVersion(),
      shell,
      dataDir: ws.dataDir,
      caseCount: ws.cases.count(),
      today: ws.today(),
      calendarYears: ws.calendar.data.years,
    }),
    'cases.list': (filter) => ws.views.list(filter),
    'cases.get': ({ id }) => {
      const view = ws.views.get(id);
      if (!view) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${id}` });
      return view;
    },
    'cases.import': ({ paths }) =>
      ws.importer.importMany(paths, (done, total, label) => ws.emit('import.progress', { done, total, label })),
    'cases.loadDemo': async () => {
      const today = ws.today();
      const outDir = join(ws.dataDir, 'demo-packages', today);
      ws.emit('import.progress', { done: 0, total: 1, label: '正在生成演示案卷…' });
      const generated = await generateDemoPackages({
        outDir,
        today,
        onProgress: (done, total) => ws.emit('import.progress', { done, total, label: `正在生成演示案卷（${done}/${total}）` }),
      });
      const dirs = generated.map((g) => g.dir);
      return ws.importer.importMany(dirs, (done, total, label) => ws.emit('import.progress', { done, total, label }));
    },
  };
}
