import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, navigationAllowed } from '../../src/main/app/guards/url-policy';
import { senderAllowed } from '../../src/main/app/guards/ipc-sender';
import { resolveStatic } from '../../src/main/static-files';
import { parseRange, RENDERER_CSP } from '../../src/main/http-range';

describe('URL policy (parsed with new URL, never substring checks)', () => {
  it('accepts only app://fashen', () => {
    expect(isAppUrl('app://fashen/index.html')).toBe(true);
    expect(isAppUrl('app://fashen/blobs/ab')).toBe(true);
  });
  it.each([
    'app://fashen.evil.com/index.html',
    'app://evil/app://fashen/',
    'https://app//fashen',
    'http://localhost:5173/?app://fashen',
    'app://user:pw@fashen/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('rejects %s', (u) => {
    expect(isAppUrl(u)).toBe(false);
    expect(navigationAllowed(u)).toBe(false);
  });
  it('answers IPC only for our own top-level frame', () => {
    expect(senderAllowed({ url: 'app://fashen/index.html', isTopFrame: true })).toBe(true);
    expect(senderAllowed({ url: 'app://fashen/index.html', isTopFrame: false })).toBe(false);
    expect(senderAllowed({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(senderAllowed({ url: undefined, isTopFrame: true })).toBe(false);
  });
});

describe('static file resolution (app:// and host)', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'a.js'), '');
  writeFileSync(join(root, '..', 'secret.txt'), 'secret');

  it('serves files inside the root, / as index.html', () => {
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });
  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt', '/index.html%00.js', '/%E0%A4%A', '/assets'])(
    'refuses %s',
    (p) => expect(resolveStatic(root, p)).toBeNull(),
  );
});

describe('HTTP Range', () => {
  it('parses single ranges', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ kind: 'partial', start: 50, end: 99 });
  });
  it('rejects unsatisfiable ranges and ignores junk', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=9-3', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
  });
});

describe('renderer CSP (sent by app:// and the host)', () => {
  const directives = new Map(
    RENDERER_CSP.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  it('runs only our own scripts: no inline script, no eval (WebAssembly compilation only, for pdf.js)', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });
  it('leaves nothing to fall back on for plugins, base URLs, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('connects only to itself and the loopback Api', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*']);
  });
});
