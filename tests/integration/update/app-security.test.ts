// The security state comes from the bytes on disk: a real (encrypted) store reads as 已加密 — with
// its development key file said to be 未加密保护 — and a plaintext database or file reads as
// 未加密. And the files the OS hands over through the file associations.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheEncryption, keyStoreState } from '../../../src/main/handlers/app-security';
import { OpenedFiles } from '../../../src/main/handlers/app-opened-files';
import { Workstation } from '../../../src/main/workstation';
import { buildPackage, tempDir } from '../../helpers/package-builder';

describe('security state', () => {
  it('a real store with an imported case is encrypted; its development key reads as 未加密保护', async () => {
    const ws = new Workstation({ dataDir: tempDir('sec-'), today: () => '2026-12-02' });
    try {
      expect(await cacheEncryption(ws.dataDir)).toMatchObject({ encrypted: true, detail: '数据库未发现明文（文件库为空）' });
      const pkg = await buildPackage(tempDir());
      const [outcome] = await ws.importer.importMany([pkg.dir]);
      expect(outcome!.ok).toBe(true);
      const state = await cacheEncryption(ws.dataDir);
      expect(state).toMatchObject({ encrypted: true, detail: '数据库与文件库均未发现明文', keyProtection: 'unprotected-dev' });
      expect(state.keyDetail).toContain('未加密保护');
    } finally {
      ws.close();
    }
  });

  it('a store whose files all came packed by the sync is not said to be empty', async () => {
    const ws = new Workstation({ dataDir: tempDir('sec-'), today: () => '2026-12-02' });
    try {
      const b = randomBytes(20_000);
      const w = ws.blobs.packWriter()!;
      const e = w.begin(createHash('sha256').update(b).digest('hex'), b.length);
      e.write(b);
      e.finish();
      await ws.blobs.commitPack(w);
      ws.blobs.closePack(w);
      expect(await cacheEncryption(ws.dataDir)).toMatchObject({ encrypted: true, detail: '数据库与文件库均未发现明文' });
    } finally {
      ws.close();
    }
  });

  it('a plaintext database or plaintext file (a store from before encryption) reads as 未加密', async () => {
    const dir = tempDir('sec-');
    writeFileSync(join(dir, 'fashen.db'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]));
    expect(await cacheEncryption(dir)).toMatchObject({ encrypted: false, detail: expect.stringContaining('数据库以明文'), keyProtection: null });
  });

  it('reads as encrypted only when neither the database nor a file is plaintext', async () => {
    const dir = tempDir('sec-');
    writeFileSync(join(dir, 'fashen.db'), randomBytes(4096));
    const content = randomBytes(1000);
    const name = createHash('sha256').update('the plaintext these bytes encrypt').digest('hex');
    mkdirSync(join(dir, 'blobs', name.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'blobs', name.slice(0, 2), name.slice(2)), content);
    expect(await cacheEncryption(dir)).toMatchObject({ encrypted: true, detail: '数据库与文件库均未发现明文' });
    // One plaintext file among them is enough to say no.
    const plain = Buffer.from('询问笔录');
    const plainName = createHash('sha256').update(plain).digest('hex');
    mkdirSync(join(dir, 'blobs', plainName.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'blobs', plainName.slice(0, 2), plainName.slice(2)), plain);
    expect(await cacheEncryption(dir)).toMatchObject({ encrypted: false, detail: expect.stringContaining('案卷文件以明文') });
  });

  it('names where signing keys are protected', () => {
    expect(keyStoreState(true, 'electron').kind).toBe('os');
    expect(keyStoreState(false, 'electron').detail).toContain('没有可用的系统密钥库');
    expect(keyStoreState(false, 'host').detail).toContain('浏览器版');
  });
});

describe('opened files', () => {
  it('keeps .fscase and .fsupdate paths until taken, ignoring everything else', () => {
    const counts: number[] = [];
    const opened = new OpenedFiles((n) => counts.push(n));
    expect(opened.add(['.', '--inspect', '/media/u/Fashen-0.2.0.FSUPDATE', '/media/u/案卷.fscase', '/tmp/a.zip', '/media/u/案卷.fscase'])).toBe(2);
    expect(counts).toEqual([2]);
    expect(opened.take()).toEqual({ cases: ['/media/u/案卷.fscase'], updates: ['/media/u/Fashen-0.2.0.FSUPDATE'] });
    expect(opened.take()).toEqual({ cases: [], updates: [] });
  });
});
