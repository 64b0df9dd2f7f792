// Crash reporting to local files: what a report holds (masked, no user folders), the notice of
// the last unacknowledged error on the next start, renderer errors through the Api, and the
// process hooks in a real child process that throws.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { crashHandlers, RENDERER_REPORTS_PER_RUN } from '../../src/main/handlers/crash';
import { CrashLog, crashDir } from '../../src/main/services/crash/crash-log';
import type { Handlers } from '../../src/main/dispatch';
import { tempDir } from '../helpers/package-builder';

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('crash-2')) : []);

describe('crash log', () => {
  it('writes one masked JSON file per error under <data>/logs', () => {
    const data = tempDir('crash-');
    const log = new CrashLog(crashDir(data), { version: '9.9.9', dataDir: data });
    const err = new Error(`导入失败：当事人方宇 身份证 340502199001012031 电话 13812348000，文件 ${join(data, 'blobs', 'ab')} 与 ${join(homedir(), 'x.pdf')}`);
    const r = log.write({ source: 'main', kind: 'uncaughtException', error: err });
    expect(files(join(data, 'logs'))).toEqual([`crash-${r.id}.json`]);
    const stored = JSON.parse(readFileSync(join(data, 'logs', `crash-${r.id}.json`), 'utf8')) as Record<string, string>;
    expect(stored).toMatchObject({ id: r.id, source: 'main', kind: 'uncaughtException', name: 'Error', version: '9.9.9', platform: process.platform });
    expect(stored.message).toContain('3405**********2031');
    expect(stored.message).toContain('138****8000');
    expect(stored.message).toContain('<数据目录>/blobs/ab');
    expect(stored.message).toContain('~/x.pdf');
    const text = JSON.stringify(stored);
    for (const secret of ['340502199001012031', '13812348000', data, homedir()]) expect(text).not.toContain(secret);
    expect(stored.stack).toMatch(/^Error: 导入失败/);
  });

  it('records anything thrown, and bounds the size', () => {
    const log = new CrashLog(crashDir(tempDir('crash-')), { version: '1' });
    expect(log.write({ source: 'host', kind: 'unhandledRejection', error: { code: 42 } })).toMatchObject({ name: null, message: '非 Error 值：{"code":42}', stack: null });
    expect(log.write({ source: 'host', kind: 'unhandledRejection', error: undefined }).message).toBe('非 Error 值：undefined');
    expect(log.write({ source: 'host', kind: 'x', error: 'x'.repeat(10_000) }).message.length).toBeLessThan(2_100);
  });

  it('shows the last unacknowledged error once, on the next start; 知道了 clears it and all before', () => {
    const dir = crashDir(tempDir('crash-'));
    let t = Date.parse('2026-11-23T02:00:00Z');
    const now = () => new Date((t += 1000));
    const first = new CrashLog(dir, { version: '1', now });
    expect(first.pendingAtStart).toBeNull();
    first.write({ source: 'main', kind: 'uncaughtException', error: new Error('甲') });
    const b = first.write({ source: 'renderer', kind: 'window.onerror', error: new Error('乙') });
    expect(first.pendingAtStart).toBeNull(); // this run's errors wait for the next start
    const second = new CrashLog(dir, { version: '1', now });
    expect(second.pendingAtStart).toMatchObject({ count: 2, report: { id: b.id, message: '乙' } });
    second.acknowledge(b.id);
    expect(second.pending()).toBeNull();
    expect(new CrashLog(dir, { version: '1', now }).pendingAtStart).toBeNull();
    second.acknowledge('20991231T000000000Z-abcdef'); // unknown id: ignored
    const c = second.write({ source: 'main', kind: 'uncaughtException', error: new Error('丙') });
    expect(new CrashLog(dir, { version: '1', now }).pendingAtStart).toMatchObject({ count: 1, report: { id: c.id } });
  });

  it('skips unreadable reports and keeps the newest 50', () => {
    const dir = crashDir(tempDir('crash-'));
    let t = Date.parse('2026-11-23T02:00:00Z');
    const log = new CrashLog(dir, { version: '1', now: () => new Date((t += 1000)), keep: 50 });
    const ids = Array.from({ length: 55 }, (_, i) => log.write({ source: 'main', kind: 'k', error: new Error(`e${i}`) }).id);
    expect(files(dir)).toHaveLength(50);
    expect(log.ids()[0]).toBe(ids[5]);
    writeFileSync(join(dir, `crash-${ids[54]}.json`), '{ broken');
    expect(new CrashLog(dir, { version: '1' }).pendingAtStart).toMatchObject({ count: 50, report: { id: ids[53] } });
  });
});

describe('crash Api', () => {
  it('app.reportError records renderer errors (page without its token), a bounded number per run', async () => {
    const data = tempDir('crash-api-');
    const handlers = crashHandlers(new CrashLog(crashDir(data), { version: '1', dataDir: data })) as unknown as Handlers;
    const r = await dispatch(handlers, 'app.reportError', { kind: 'window.onerror', name: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at App (index.js:1:2)', page: 'http://127.0.0.1:5000/index.html?token=SECRET#q' });
    expect(r).toEqual({ ok: true, value: { recorded: true } });
    const [file] = files(crashDir(data));
    const stored = JSON.parse(readFileSync(join(crashDir(data), file!), 'utf8')) as Record<string, string>;
    expect(stored).toMatchObject({ source: 'renderer', kind: 'window.onerror', name: 'TypeError', message: 'x is undefined', page: 'http://127.0.0.1:5000/index.html' });
    expect(JSON.stringify(stored)).not.toContain('SECRET');
    for (let i = 1; i < RENDERER_REPORTS_PER_RUN + 5; i++) await dispatch(handlers, 'app.reportError', { kind: 'unhandledrejection', message: `loop ${i}` });
    expect(files(crashDir(data))).toHaveLength(RENDERER_REPORTS_PER_RUN);
    expect(await dispatch(handlers, 'app.reportError', { kind: 'window.onerror', message: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'app.reportError', { kind: 'eval', message: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('app.lastCrash shows what waited at start; app.ackCrash acknowledges it', async () => {
    const data = tempDir('crash-api-');
    const before = new CrashLog(crashDir(data), { version: '1.2.3' });
    const r = before.write({ source: 'main', kind: 'uncaughtException', error: new Error('数据库已锁定') });
    const handlers = crashHandlers(new CrashLog(crashDir(data), { version: '1.2.3' })) as unknown as Handlers;
    expect(await dispatch(handlers, 'app.lastCrash', {})).toEqual({ ok: true, value: { id: r.id, at: r.at, source: 'main', kind: 'uncaughtException', name: 'Error', message: '数据库已锁定', stack: expect.stringContaining('数据库已锁定'), version: '1.2.3', count: 1 } });
    expect(await dispatch(handlers, 'app.ackCrash', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'app.ackCrash', { id: r.id })).toEqual({ ok: true, value: { acknowledged: true } });
    expect(await dispatch(handlers, 'app.lastCrash', {})).toEqual({ ok: true, value: null });
  });
});

describe('process hooks (a real child process)', () => {
  const child = (body: string) => {
    const data = tempDir('crash-proc-');
    const script = join(data, 'child.ts');
    const src = (p: string) => JSON.stringify(join(process.cwd(), 'src/main/services/crash', p));
    writeFileSync(
      script,
      `import { CrashLog } from ${src('crash-log.ts')};
       import { installCrashHandlers } from ${src('process-hooks.ts')};
       const crash = new CrashLog(${JSON.stringify(join(data, 'logs'))}, { version: 't' });
       installCrashHandlers(process, crash, { source: 'host', onFatal: (r) => { process.stdout.write('fatal ' + (r ? r.id : 'none') + '\\n'); process.exit(1); } });
       ${body}`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: process.cwd() });
    const logs = join(data, 'logs');
    return { code: r.status, stdout: r.stdout, reports: files(logs).map((f) => JSON.parse(readFileSync(join(logs, f), 'utf8')) as Record<string, string>) };
  };

  it('an uncaught exception is written, then the process ends', () => {
    const r = child(`setTimeout(() => { throw new RangeError('坏了'); }, 1);`);
    expect(r.code).toBe(1);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]).toMatchObject({ source: 'host', kind: 'uncaughtException', name: 'RangeError', message: '坏了' });
    expect(r.stdout).toBe(`fatal ${r.reports[0]!.id}\n`);
  });

  it('an unhandled rejection is written and the process goes on', () => {
    const r = child(`Promise.reject(new Error('没人接')); setTimeout(() => process.stdout.write('still here\\n'), 20);`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('still here\n');
    expect(r.reports).toMatchObject([{ kind: 'unhandledRejection', message: '没人接' }]);
  });
});
