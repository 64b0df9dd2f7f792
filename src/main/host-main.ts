// `npm run serve`: the workstation in a browser through the headless host.
import { join } from 'node:path';
import { startHost } from './host';
import { appRoot, dataDir } from './paths';
import { startShellSession } from './shell-session';
import { CACHE_PASSPHRASE_ENV } from './services/cache-crypto/resolve';
import { CrashLog, crashDir } from './services/crash/crash-log';
import { installCrashHandlers } from './services/crash/process-hooks';
import { appVersion } from './version';
import { todayOption } from './fixed-today';
import { tuneGc } from './gc-tuning';

tuneGc();

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const home = dataDir();
  const crash = new CrashLog(crashDir(home), { version: appVersion(), dataDir: home });
  installCrashHandlers(process, crash, { source: 'host', log: (l) => process.stderr.write(`${l}\n`), onFatal: () => process.exit(1) });
  const log = (l: string) => process.stderr.write(`${l}\n`);
  // The cache key: FASHEN_CACHE_PASSPHRASE, else (a passphrase-protected store) locked until the
  // passphrase is typed in the browser; a new store without one gets the development key file (warned).
  const session = await startShellSession({
    shell: 'host',
    workstation: { dataDir: home, ...todayOption() },
    keys: { passphrase: process.env[CACHE_PASSPHRASE_ENV] || undefined, allowDevKey: true },
    api: { crash },
    log,
  });
  const host = await startHost({
    workstation: session,
    handlers: session.handlers,
    rendererDir: arg('--renderer') ?? join(appRoot(), 'out', 'renderer'),
    ...(arg('--port') ? { port: Number(arg('--port')) } : {}),
    log,
  });
  // The first stdout line is machine-readable for test harnesses; the rest is for people.
  process.stdout.write(`FASHEN_HOST_URL=${host.url}\n`);
  process.stdout.write(`法审工作台已启动（仅本机访问）：${host.url}\n数据目录：${home}\n按 Ctrl+C 退出。\n`);
  const stop = () => void host.close().then(() => session.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`无法启动法审工作台：${(err as Error).message}\n`);
  process.exit(1);
});
