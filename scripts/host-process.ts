// Starts the built headless host (out/host/host.mjs) as a child process on a data folder and
// waits for the URL it prints: shared by the E2E fixtures and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface HostProcess {
  url: string;
  child: ChildProcess;
}

/**
 * `autoSync`: the app's automatic sync (on in the product). Off by default here: the E2E specs drive
 * every run by the button and would race a run of its own starting seconds after a login.
 */
export async function spawnHost(home: string, today: string, opts: { autoSync?: boolean } = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, [join(process.cwd(), 'out/host/host.mjs')], {
    env: { ...process.env, FASHEN_HOME: home, FASHEN_TODAY: today, ...(opts.autoSync ? {} : { FASHEN_AUTO_SYNC: 'off' }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /FASHEN_HOST_URL=(\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { url, child };
}
