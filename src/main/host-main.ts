// `npm run serve`: the workstation in a browser through the headless host.
import { join } from 'node:path';
import { buildApi } from './api';
import { startHost } from './host';
import { appRoot, dataDir } from './paths';
import { Workstation } from './workstation';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const workstation = new Workstation({ dataDir: dataDir(), ...(process.env.FASHEN_TODAY ? { today: () => process.env.FASHEN_TODAY! } : {}) });
  const host = await startHost({
    workstation,
    handlers: buildApi(workstation, 'host'),
    rendererDir: arg('--renderer') ?? join(appRoot(), 'out', 'renderer'),
    ...(arg('--port') ? { port: Number(arg('--port')) } : {}),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  // The first stdout line is machine-readable for test harnesses; the rest is for people.
  process.stdout.write(`FASHEN_HOST_URL=${host.url}\n`);
  process.stdout.write(`法审工作台已启动（仅本机访问）：${host.url}\n数据目录：${workstation.dataDir}\n按 Ctrl+C 退出。\n`);
  const stop = () => void host.close().then(() => (workstation.close(), process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`无法启动法审工作台：${(err as Error).message}\n`);
  process.exit(1);
});
