// Bad evidence files: each is imported as what it is, gets a clear zh-CN problem, and nothing
// else is affected (corrupt PDF, zero bytes, password, wrong extension, a 2 GB video).
import { createHash } from 'node:crypto';
import { createReadStream, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { startHost, type RunningHost } from '../../src/main/host';
import { Workstation } from '../../src/main/workstation';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { corruptPdf, passwordProtectedPdf, pngImage } from '../helpers/bad-files';

let ws: Workstation;
let pkg: BuiltPackage;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function addEvidence(p: BuiltPackage, id: string, path: string, bytes: Uint8Array, mime: string, kind: '书证' | '视听资料' = '书证') {
  writeFileSync(join(p.dir, path), bytes);
  p.manifest.evidence.push({ id, kind, title: id, source: '测试', collectedBy: ['o1', 'o2'], collectedOn: '2026-06-06', proves: '测试', file: { path, sha256: sha(bytes), size: bytes.length, mime } });
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('bad-ev-'), today: () => '2026-11-23' });
  pkg = await buildPackage(tempDir());
  addEvidence(pkg, 'corrupt', 'evidence/corrupt.pdf', corruptPdf(), 'application/pdf');
  addEvidence(pkg, 'empty', 'evidence/empty.pdf', new Uint8Array(0), 'application/pdf');
  addEvidence(pkg, 'locked', 'evidence/locked.pdf', await passwordProtectedPdf(), 'application/pdf');
  addEvidence(pkg, 'wrong-ext', 'evidence/photo.jpg', await pngImage(), 'image/jpeg');
  // A ZIP without a Word document inside, named .docx (a cut-short or renamed file).
  addEvidence(pkg, 'not-word', 'evidence/statement.docx', await plainZip(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  pkg.write();
  const out = await ws.importer.importOne(pkg.dir);
  expect(out).toMatchObject({ ok: true, action: 'imported' });
}, 60_000);
afterAll(() => ws.close());

async function plainZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('说明'), 'readme.txt');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const file = (id: string) => ws.views.get(pkg.manifest.case.id)!.evidence.find((e) => e.id === id)!.file;

describe('bad evidence files', () => {
  it('a corrupt PDF is kept, flagged 无法读取, and the rest of the case is indexed', () => {
    expect(file('corrupt')).toMatchObject({ textState: 'failed', state: 'ok' });
    expect(file('corrupt').problem).toMatch(/PDF 文件已损坏或格式无效/);
    expect(file('e1').textState).toBe('done');
  });

  it('a zero-byte file gets its own message', () => {
    expect(file('empty').problem).toMatch(/0 字节/);
  });

  it('a password-protected PDF says it needs a password', () => {
    expect(file('locked')).toMatchObject({ textState: 'encrypted' });
    expect(file('locked').problem).toMatch(/PDF 已加密/);
  });

  it('an image with a wrong extension is recognised by its bytes', () => {
    expect(file('wrong-ext')).toMatchObject({ mime: 'image/jpeg', detectedMime: 'image/png', textState: 'none' });
    expect(file('wrong-ext').problem).toMatch(/与实际内容（PNG 图像）不符/);
  });

  it('a ZIP named as a Word document is said to be damaged, in words, not as two MIME types', () => {
    expect(file('not-word').detectedMime).toBe('application/zip');
    expect(file('not-word').problem).toBe('文件声明为 Word 文档（.docx），但内容只是一般的 ZIP 压缩文件，可能已损坏');
  });
});

describe('a 2 GB video', () => {
  let host: RunningHost;
  let big: BuiltPackage;
  let bigSha: string;

  beforeAll(async () => {
    big = await buildPackage(tempDir());
    const path = join(big.dir, 'evidence/bodycam.mp4');
    writeFileSync(path, Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d])); // 'ftypisom' box start
    truncateSync(path, 2 ** 31); // sparse: 2 GiB
    const h = createHash('sha256');
    await pipeline(createReadStream(path), h);
    bigSha = h.digest('hex');
    big.manifest.evidence.push({ id: 'video', kind: '视听资料', title: '执法记录仪视频', source: '执法记录仪', collectedBy: ['o1', 'o2'], collectedOn: '2026-06-06', proves: '现场检查过程', file: { path: 'evidence/bodycam.mp4', sha256: bigSha, size: 2 ** 31, mime: 'video/mp4' } });
    big.write();
    host = await startHost({ workstation: ws, handlers: buildApi(ws, 'host'), rendererDir: tempDir() });
  }, 180_000);
  afterAll(async () => {
    await host.close();
    rmSync(big.dir, { recursive: true, force: true });
    if (bigSha) ws.blobs.remove(bigSha);
  });

  it('imports by streaming (never whole in memory) and serves byte ranges', async () => {
    const before = process.memoryUsage().rss;
    const out = await ws.importer.importOne(big.dir);
    expect(out).toMatchObject({ ok: true, action: 'imported' });
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    const res = await fetch(`${host.origin}/blobs/${bigSha}?token=${host.token}`, { headers: { Range: 'bytes=2147483000-2147483647' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 2147483000-2147483647/${2 ** 31}`);
    expect((await res.arrayBuffer()).byteLength).toBe(648);
    expect(ws.views.get(big.manifest.case.id)!.evidence.find((e) => e.id === 'video')!.file).toMatchObject({ detectedMime: 'video/mp4', textState: 'none', problem: null });
  }, 180_000);
});
