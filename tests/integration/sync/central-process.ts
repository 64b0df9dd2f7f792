// The central server as a real child process (`scripts/central.mjs`, PGlite in its data folder),
// so a test can kill -9 it and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';

export interface CentralProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  /** The last lines of its log (for a failure message). */
  log: string[];
}

export async function startCentralProcess(dataDir: string, env: Record<string, string> = {}, extraArgs: string[] = []): Promise<CentralProcess> {
  const proc = spawn(process.execPath, ['scripts/central.mjs', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line.slice(0, 500));
    if (log.length > 200) log.shift();
  };
  const url = await new Promise<string>((res, rej) => {
    let buf = '';
    let listening = '';
    const timer = setTimeout(() => rej(new Error(`central server did not start:\n${log.join('\n')}`)), 60_000);
    proc.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        keep(line);
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m) listening = m[1]!;
        if (line.includes('central server ready')) {
          clearTimeout(timer);
          res(listening);
        }
      }
    });
    proc.stderr!.on('data', (c: Buffer) => keep(c.toString()));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`central server exited (${code ?? signal}):\n${log.join('\n')}`));
    });
  });
  return { url, port: Number(new URL(url).port), proc, log };
}

/** kill -9, and wait until the process is gone. */
export async function killCentral(c: CentralProcess): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const gone = new Promise<void>((res) => c.proc.once('exit', () => res()));
  c.proc.kill('SIGKILL');
  await gone;
}

/** SIGTERM: finish requests in flight, then exit. */
export async function stopCentral(c: CentralProcess): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const gone = new Promise<void>((res) => c.proc.once('exit', () => res()));
  c.proc.kill('SIGTERM');
  await gone;
}
