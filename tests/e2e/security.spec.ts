// Security of the browser host (the Electron-only guards are unit-tested in
// tests/unit/security-guards.test.ts): the CSP on every renderer file refuses injected script,
// foreign connections, frames and form targets; the app cannot be framed by another origin;
// window.open opens nothing; the renderer has no Node; forged Api calls are refused; the
// WebSocket needs the token and our own origin.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket as NodeWebSocket } from 'ws';
import { callApi, expect, test } from './fixtures';
import { RENDERER_CSP } from '../../src/main/http-range';

const FOREIGN = 'http://127.0.0.2:9';

/** Opens a WebSocket with Node's `ws` (any Origin header) and says whether the host let it in. */
function wsAttempt(url: string, origin?: string): Promise<{ open: boolean; status?: number }> {
  return new Promise((resolve) => {
    const s = new NodeWebSocket(url, origin ? { origin } : {});
    s.on('open', () => {
      s.close();
      resolve({ open: true });
    });
    s.on('unexpected-response', (_req, res) => resolve({ open: false, status: res.statusCode }));
    s.on('error', () => resolve({ open: false }));
  });
}

/**
 * A page on another origin that is still on loopback (127.0.0.1, another port): Chromium's local
 * network access checks would stop a public origin before our own guards are even asked.
 */
async function foreignPage(html: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('browser host security', () => {
  test('every renderer file carries the CSP, and the CSP refuses injected script, foreign fetches, frames and forms', async ({ page, emptyHost }) => {
    const index = await page.request.get(`${emptyHost.origin}/`);
    expect(index.headers()['content-security-policy']).toBe(RENDERER_CSP);
    expect(index.headers()['x-content-type-options']).toBe('nosniff');
    await page.goto(emptyHost.url);
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();

    const outcome = await page.evaluate(async (foreign) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      const fetched = await fetch(`${foreign}/x`).then(
        () => 'fetched',
        () => 'refused',
      );
      const frame = document.createElement('iframe');
      frame.src = `${foreign}/frame`;
      document.body.append(frame);
      const form = document.createElement('form');
      form.method = 'post';
      form.action = `${foreign}/steal`;
      document.body.append(form);
      form.submit();
      await new Promise((r) => setTimeout(r, 800));
      return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, fetched, violations };
    }, FOREIGN);
    expect(outcome.injected).toBe(false);
    expect(outcome.fetched).toBe('refused');
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src', 'frame-src', 'form-action']));
    // Still our page: the form did not take it anywhere.
    expect(new URL(page.url()).origin).toBe(emptyHost.origin);
    expect(await page.evaluate(() => document.querySelector('[data-testid="status-bar"]') !== null)).toBe(true);
  });

  test('another origin cannot frame the workstation (frame-ancestors)', async ({ page, emptyHost }) => {
    const refusals: string[] = [];
    page.on('console', (m) => refusals.push(m.text()));
    const evil = await foreignPage(`<!doctype html><iframe id="f" src="${emptyHost.url}" width="800" height="600"></iframe>`);
    await page.goto(evil.url);
    await expect.poll(() => refusals.some((t) => /frame-ancestors 'none'/.test(t))).toBe(true);
    evil.close();
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed).toBeDefined();
    // Blocked: the frame never runs the app (no status bar, no Api connection from it).
    expect(await framed!.locator('[data-testid="status-bar"]').count()).toBe(0);
  });

  test('window.open opens nothing and cannot be restored', async ({ page, emptyHost }) => {
    await page.goto(emptyHost.url);
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    let popups = 0;
    page.on('popup', () => popups++);
    const r = await page.evaluate((foreign) => {
      const first = window.open(`${foreign}/popup`, '_blank');
      try {
        (window as { open: unknown }).open = () => 'restored';
      } catch {
        // a non-writable property throws in strict code: either way it stays as it is
      }
      const second = window.open(`${foreign}/popup2`);
      return { first, second };
    }, FOREIGN);
    expect(r).toEqual({ first: null, second: null });
    await page.waitForTimeout(300);
    expect(popups).toBe(0);
  });

  test('the renderer has no Node: require, process, module, Buffer, global', async ({ page, emptyHost }) => {
    await page.goto(emptyHost.url);
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    const kinds = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((k) => `${k}:${typeof w[k]}`);
    });
    expect(kinds).toEqual(['require:undefined', 'process:undefined', 'module:undefined', 'Buffer:undefined', 'global:undefined', '__dirname:undefined']);
  });

  test('forged Api calls with bad input are refused with an error, and nothing runs', async ({ page, emptyHost }) => {
    await page.goto(emptyHost.url);
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    const answers = await page.evaluate(async (token) => {
      const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api?token=${token}`);
      await new Promise((r) => (ws.onopen = r));
      const replies = new Map<number, unknown>();
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as { id?: number | null; result?: unknown };
        if (msg.result) replies.set(typeof msg.id === 'number' ? msg.id : -1, msg.result);
      };
      const send = (id: number, body: unknown) => ws.send(typeof body === 'string' ? body : JSON.stringify({ id, ...(body as object) }));
      send(1, { name: 'cases.get', input: { id: 42 } });
      send(2, { name: 'cases.import', input: { paths: [], extra: 'x' } });
      send(3, { name: 'fs.readFile', input: { path: '/etc/passwd' } });
      send(4, { name: '__proto__', input: {} });
      send(5, { name: 'constructor', input: {} });
      send(6, { name: 'evidence.exportRedacted', input: { caseId: 'c', itemId: 'i', approval: { reference: 'x' } } });
      send(7, { name: 'settings.setExportPolicy', input: { exportRequiresApproval: 'yes' } });
      send(-1, 'this is not JSON');
      await new Promise((r) => setTimeout(r, 800));
      ws.close();
      return Object.fromEntries(replies);
    }, emptyHost.token);
    const code = (id: number) => (answers[id] as { ok: boolean; error?: { code: string } }).error?.code;
    expect(code(1)).toBe('invalid_input');
    expect(code(2)).toBe('invalid_input');
    expect(code(3)).toBe('unknown_call');
    expect(code(4)).toBe('unknown_call');
    expect(code(5)).toBe('unknown_call');
    expect(code(6)).toBe('invalid_input');
    expect(code(7)).toBe('invalid_input');
    expect(code(-1)).toBe('invalid_input');
    expect((answers[1] as { error: { message: string; details: string[] } }).error).toMatchObject({ message: '请求参数无效', details: [expect.stringMatching(/^id：/)] });
    // The refused policy change did not happen.
    expect(await callApi(emptyHost, 'settings.getExportPolicy', {})).toEqual({ exportRequiresApproval: false });
  });

  test('the Api WebSocket refuses a missing or wrong token and another origin; blobs need the token', async ({ page, emptyHost }) => {
    const base = `${emptyHost.origin.replace('http', 'ws')}/api`;
    expect(await wsAttempt(`${base}?token=${emptyHost.token}`, emptyHost.origin)).toEqual({ open: true });
    expect(await wsAttempt(base, emptyHost.origin)).toEqual({ open: false, status: 403 });
    expect(await wsAttempt(`${base}?token=${emptyHost.token.slice(0, -2)}xx`, emptyHost.origin)).toEqual({ open: false, status: 403 });
    expect(await wsAttempt(`${base}?token=${emptyHost.token}`, 'http://evil.test')).toEqual({ open: false, status: 403 });
    // A page on another origin that somehow knows the token still cannot connect (the browser sends its Origin).
    const evil = await foreignPage('<!doctype html><title>evil</title>');
    await page.goto(evil.url);
    const fromEvil = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const s = new WebSocket(url);
          s.onopen = () => resolve('open');
          s.onerror = () => resolve('refused');
        }),
      `${base}?token=${emptyHost.token}`,
    );
    expect(fromEvil).toBe('refused');
    evil.close();
    // Blob downloads need the token; another Host name (DNS rebinding) is not served at all.
    const port = Number(new URL(emptyHost.origin).port);
    expect((await page.request.get(`${emptyHost.origin}/blobs/${'a'.repeat(64)}`)).status()).toBe(401);
    expect(await rawGet(port, '/', 'evil.test')).toBe(421);
    expect(await rawGet(port, '/', `127.0.0.1:${port}`)).toBe(200);
  });
});
