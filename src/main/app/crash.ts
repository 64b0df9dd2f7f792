// Crash reporting in the Electron shell: uncaught exceptions and unhandled rejections of the main
// process, and renderer/child processes that die, become local crash reports (services/crash);
// the renderer's own errors arrive through the Api (app.reportError). An uncaught exception ends
// the app after telling the reviewer: its state can no longer be trusted, and what was saved stays saved.
import { app, dialog } from 'electron';
import type { CrashLog } from '../services/crash/crash-log';
import { installCrashHandlers } from '../services/crash/process-hooks';

export function installCrashReporting(crash: CrashLog): void {
  installCrashHandlers(process, crash, {
    source: 'main',
    log: (line) => console.error(line),
    onFatal: () => {
      try {
        dialog.showErrorBox('法审工作台遇到意外错误', '错误已记录在本机，下次启动时可查看详情。工作台将关闭；已保存的审核内容不受影响。');
      } finally {
        app.exit(1);
      }
    },
  });
  app.on('render-process-gone', (_event, _contents, details) => {
    if (details.reason === 'clean-exit') return;
    crash.write({ source: 'renderer', kind: `render-process-gone:${details.reason}`, error: `界面进程异常退出（${details.reason}，退出码 ${details.exitCode}）` });
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || details.reason === 'killed') return;
    crash.write({ source: 'main', kind: `child-process-gone:${details.type}`, error: `${details.type} 进程异常退出（${details.reason}，退出码 ${details.exitCode}）` });
  });
}
