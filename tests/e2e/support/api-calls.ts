// The Api calls the page sends to the host, in order (read from the WebSocket's outgoing frames):
// for tests that the renderer does not ask the back end for the same thing twice.
import type { Page } from '@playwright/test';

export function recordApiCalls(page: Page): string[] {
  const names: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const msg = JSON.parse(payload) as { name?: unknown };
      if (typeof msg.name === 'string') names.push(msg.name);
    });
  });
  return names;
}

/** Only the calls among `of`, in the order sent. */
export const callsOf = (names: readonly string[], ...of: string[]) => names.filter((n) => of.includes(n));
