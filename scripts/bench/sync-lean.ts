// A reference for the initial sync: the same blob files over HTTP on loopback with nothing but the
// transfer — a bare server (lean-server.mjs: node:http, whole-file reads) and a bare client here
// (undici, 4 connections, batches of ~16 MB in the framing of POST /v1/blobs/batch), each blob
// hashed and sealed into one file as the store keeps them (SealedWriter, then renamed into place).
// No feed, no authentication, no database, no import, no resume bookkeeping. It says what a sync
// with the store's one-file-per-blob layout can reach on this machine, server included.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { CacheKey } from '../../src/main/services/cache-crypto/cache-key';
import { SealedWriter } from '../../src/main/services/cache-crypto/sealed-writer';
import { BLOB_FRAME_HEADER_RE } from '../../src/shared/sync/protocol';
import { int, ms, type Section } from './common';
import { cpuSeconds, dropCaches, mbps, type CpResult, type SyncedWorld } from './sync-initial';

const CONNECTIONS = 4;
const BATCH_BYTES = 16 * 1024 * 1024;

interface Blob {
  sha256: string;
  size: number;
}

function listBlobs(dir: string): Blob[] {
  const out: Blob[] = [];
  for (const d of readdirSync(dir)) if (/^[0-9a-f]{2}$/.test(d)) for (const f of readdirSync(join(dir, d))) out.push({ sha256: d + f, size: statSync(join(dir, d, f)).size });
  return out;
}

function batches(blobs: Blob[]): Blob[][] {
  const out: Blob[][] = [];
  let cur: Blob[] = [];
  let bytes = 0;
  for (const b of blobs) {
    if (cur.length && bytes + b.size > BATCH_BYTES) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(b);
    bytes += b.size;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** One batch answer: frames parsed as they arrive, each blob sealed into `<dest>/<sha>.part`, then renamed. */
async function fetchBatch(url: string, agent: Agent, asked: Blob[], dest: string, key: CacheKey): Promise<void> {
  const { body } = await request(url, { method: 'POST', body: JSON.stringify(asked.map((b) => b.sha256)), dispatcher: agent });
  let buf: Buffer = Buffer.alloc(0);
  let i = 0;
  let left = -1;
  let writer: SealedWriter | null = null;
  const end = () => {
    const b = asked[i]!;
    if (writer!.finish().sha256 !== b.sha256) throw new Error(`lean pipeline: ${b.sha256} hash mismatch`);
    renameSync(join(dest, `${b.sha256}.part`), join(dest, b.sha256));
    writer = null;
    left = -1;
    i++;
  };
  for await (const chunk of body) {
    buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
    while (buf.length) {
      if (left < 0) {
        const nl = buf.indexOf(0x0a);
        if (nl < 0) break;
        const m = BLOB_FRAME_HEADER_RE.exec(buf.subarray(0, nl + 1).toString('latin1'));
        if (!m || m[1] !== asked[i]?.sha256) throw new Error('lean pipeline: unexpected frame');
        left = Number(m[2]);
        buf = buf.subarray(nl + 1);
        writer = SealedWriter.create(join(dest, `${m[1]}.part`), key, m[1]!, left);
        if (left === 0) end();
        continue;
      }
      const take = Math.min(left, buf.length);
      writer!.write(buf.subarray(0, take));
      buf = buf.subarray(take);
      left -= take;
      if (left === 0) end();
    }
  }
  if (i !== asked.length) throw new Error(`lean pipeline: ${i} of ${asked.length} blobs received`);
}

async function startLeanServer(blobDir: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const proc = spawn(process.execPath, ['scripts/bench/lean-server.mjs', blobDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout!.once('data', (c: Buffer) => resolve(Number(c.toString().trim())));
    proc.once('exit', (code) => reject(new Error(`lean server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/`, pid: proc.pid!, stop: () => proc.kill('SIGKILL') };
}

export async function measureLeanPipeline(s: Section, w: SyncedWorld, cp: CpResult): Promise<void> {
  const blobDir = join(w.centralDir, 'blobs');
  const dest = join(w.root, 'lean');
  mkdirSync(dest, { recursive: true });
  const { key } = CacheKey.generate('unprotected-dev');
  const blobs = listBlobs(blobDir);
  const queue = batches(blobs);
  const server = await startLeanServer(blobDir);
  const agent = new Agent({ connections: CONNECTIONS });
  try {
    const cold = dropCaches();
    const serverCpu0 = cpuSeconds(server.pid);
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < queue.length) await fetchBatch(server.url, agent, queue[next++]!, dest, key);
      }),
    );
    const took = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const serverCpu = cpuSeconds(server.pid) - serverCpu0;
    const stored = readdirSync(dest).filter((f) => !f.endsWith('.part')).length;
    if (stored !== blobs.length) throw new Error(`lean pipeline stored ${stored} of ${blobs.length} files`);
    const rate = mbps(cp.bytes, took);
    s.add({
      what: `reference: the same ${int(blobs.length)} files over HTTP on loopback, nothing but the transfer — a bare server (node:http, whole-file reads) and a bare client (undici, ${CONNECTIONS} connections, ~16 MB batches), each blob hashed and sealed into one file as the store keeps them; no feed, database, import or resume bookkeeping (${cold ? 'cold' : 'warm'} page cache)`,
      measured: `${rate.toFixed(0)} MB/s = ${((100 * rate) / mbps(cp.bytes, cp.ms)).toFixed(0)} % of cp (${ms(took)}; CPU client ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s · server ${serverCpu.toFixed(1)} s)`,
    });
  } finally {
    await agent.close();
    server.stop();
    rmSync(dest, { recursive: true, force: true });
  }
}
