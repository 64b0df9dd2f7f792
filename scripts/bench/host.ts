// The headless host (out/host/host.mjs, as in the E2E fixtures) and Chromium for the UI benchmarks.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { buildNode } from '../build-node.mjs';
import { spawnHost } from '../host-process';
import { buildRenderer } from '../renderer-build.mjs';
import { CHROMIUM, CHROMIUM_ARGS, TODAY } from './common';

let built = false;

/** Build the renderer and the host once per bench run (skipped when up to date). */
export async function buildUi(): Promise<void> {
  if (built) return;
  buildRenderer();
  await buildNode(['host']);
  built = true;
}

export interface Host {
  url: string;
  stop(): Promise<void>;
}

export async function startHost(home: string): Promise<Host> {
  await buildUi();
  const { url, child } = await spawnHost(home, TODAY);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page in a fresh context (empty HTTP cache), 1920×1080 like a reviewer's screen. */
export async function freshPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks with __name().
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { page, cdp, close: () => context.close() };
}

/** The renderer's JS heap (main thread isolate) in bytes, optionally after a full GC. */
export async function jsHeap(cdp: CDPSession, gc = true): Promise<number> {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** DOM node count of the page (after GC, so detached nodes that are gone are not counted). */
export async function domNodes(cdp: CDPSession): Promise<number> {
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return nodes;
}
