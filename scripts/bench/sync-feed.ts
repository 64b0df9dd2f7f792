// The central server's feed under 50 concurrent authenticated clients (each its own device token
// and connection): paging through the whole feed of 10,000 cases 100 entries at a time, and
// polling at its end (what an idle, synced workstation does). The clients run in this process
// and share the 2 cores with the server.
import { Agent, request } from 'undici';
import { int, mb, ms, p95, median, type Section } from './common';
import { cpuSeconds } from './sync-initial';
import { startCentralProcess } from './sync-central';
import type { IncrementalWorld } from './sync-incremental';

interface Load {
  requests: number;
  bytes: number;
  latencies: number[];
  seconds: number;
  serverCpu: number;
  clientCpu: number;
}

/** `clients` loops, each asking for the next path from `path(client, i)` until `seconds` pass. */
async function load(iw: IncrementalWorld, seconds: number, path: (client: number, i: number) => string): Promise<Load> {
  const agent = new Agent({ connections: iw.clientTokens.length, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let bytes = 0;
  const server0 = cpuSeconds(iw.central.proc.pid!);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    iw.clientTokens.map(async (token, client) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        const res = await request(iw.central.url + path(client, i), { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
        for await (const chunk of res.body) bytes += (chunk as Buffer).length;
        if (res.statusCode !== 200) throw new Error(`feed: HTTP ${res.statusCode}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await agent.close();
  return { requests: latencies.length, bytes, latencies, seconds: elapsed, serverCpu: cpuSeconds(iw.central.proc.pid!) - server0, clientCpu: (cpu.user + cpu.system) / 1e6 };
}

const line = (l: Load) =>
  `**${(l.requests / l.seconds).toFixed(0)} requests/s** · p50 ${ms(median(l.latencies))} · p95 ${ms(p95(l.latencies))} · ${mb(l.bytes / l.seconds)}/s (${int(l.requests)} requests in ${l.seconds.toFixed(1)} s; CPU: server ${l.serverCpu.toFixed(1)} s, clients ${l.clientCpu.toFixed(1)} s)`;

export async function benchFeed(s: Section, iw: IncrementalWorld, seconds: number): Promise<void> {
  // A server just started holds no revision texts in memory (src/server/routes/revision-texts.ts):
  // one client paging through the whole feed then reads every case.json out of the database.
  await iw.central.stop();
  iw.central = await startCentralProcess(iw.centralDir);
  // The feed does not change during the measurement: its page cursors are read once, so the
  // clients need not parse the pages they fetch (their CPU would compete with the server's).
  const cursors: number[] = [];
  const cold: number[] = [];
  let coldBytes = 0;
  for (let after = 0; ; ) {
    cursors.push(after);
    const t = performance.now();
    const res = await fetch(`${iw.central.url}/v1/feed?after=${after}&limit=100`, { headers: { authorization: `Bearer ${iw.clientTokens[0]}` } });
    const text = await res.text();
    cold.push(performance.now() - t);
    coldBytes += Buffer.byteLength(text);
    const page = JSON.parse(text) as { next: number; more: boolean };
    if (!page.more) break;
    after = page.next;
  }
  const coldMs = cold.reduce((a, b) => a + b, 0);
  s.add({
    what: `feed, one client paging through all ${int(iw.cases)} cases on a server just started (nothing in memory: every case.json read from the database)`,
    measured: `${(cold.length / (coldMs / 1000)).toFixed(0)} requests/s · p50 ${ms(median(cold))} · ${mb(coldBytes / (coldMs / 1000))}/s (${cold.length} pages in ${ms(coldMs)})`,
  });
  const clients = iw.clientTokens.length;
  const paging = await load(iw, seconds, (client, i) => `/v1/feed?after=${cursors[(client * 7 + i) % cursors.length]}&limit=100`);
  s.add({
    what: `中央系统变更列表 feed, ${clients} concurrent clients paging through all ${int(iw.cases)} cases (${cursors.length} ${cursors.length === 1 ? "page" : "pages"} of up to 100 entries, each with its case.json; every revision in memory after the pass above)`,
    measured: line(paging),
  });
  const polling = await load(iw, Math.max(5, seconds / 2), () => `/v1/feed?after=${iw.head}&limit=100`);
  s.add({ what: `feed, ${clients} concurrent clients polling at its end (nothing new: what a synced workstation asks)`, measured: line(polling) });
}
