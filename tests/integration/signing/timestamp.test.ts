// RFC 3161 against a TSA running on 127.0.0.1: granted, offline / failing TSA → pending, and
// stamping a pending signature later (PDF and submission JSON).
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  DevelopmentCa,
  HttpTimestampClient,
  readTimestampToken,
  requestTimestamp,
  signDetached,
  signPdfDetailed,
  stampDetached,
  stampPendingPdf,
  verifyPdf,
  verifySubmission,
} from '../../../src/main/services/signing';
import { tempDir } from '../../helpers/package-builder';
import { opinionDoc, pdfsig, reviewerKey, signingFixture, writeTemp } from './fixtures';
import { startTestTsa } from './tsa';

const DIGEST = new Uint8Array(32).fill(0xab);

async function closedPortUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}/tsa`;
}

describe('RFC 3161 timestamps', () => {
  it('requestTimestamp gets a token whose imprint and signature check out', async () => {
    const f = await signingFixture();
    const tsa = await startTestTsa(f.ca);
    try {
      const r = await requestTimestamp(tsa.url, DIGEST);
      expect(r.status).toBe('granted');
      if (r.status !== 'granted') return;
      expect(Math.abs(r.genTime.getTime() - Date.now())).toBeLessThan(60_000);
      const info = await readTimestampToken(r.token);
      expect(info.signatureValid).toBe(true);
      expect(Buffer.from(info.imprint).equals(Buffer.from(DIGEST))).toBe(true);
    } finally {
      await tsa.close();
    }
  });

  it('offline, HTTP errors, rejections and garbage all give { status: pending } with a reason', async () => {
    const f = await signingFixture();
    expect(await requestTimestamp(await closedPortUrl(), DIGEST)).toMatchObject({ status: 'pending', reason: expect.stringContaining('无法连接') });
    const tsa = await startTestTsa(f.ca);
    try {
      tsa.mode = 'http500';
      expect(await requestTimestamp(tsa.url, DIGEST)).toMatchObject({ status: 'pending', reason: expect.stringContaining('HTTP 500') });
      tsa.mode = 'reject';
      expect(await requestTimestamp(tsa.url, DIGEST)).toMatchObject({ status: 'pending', reason: expect.stringContaining('拒绝') });
      tsa.mode = 'garbage';
      expect(await requestTimestamp(tsa.url, DIGEST)).toMatchObject({ status: 'pending', reason: expect.stringContaining('响应无效') });
    } finally {
      await tsa.close();
    }
  });

  it('a PDF signed offline is stamped later without disturbing the signature', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const offline = await signPdfDetailed(await opinionDoc(), key, { signingTime: new Date(), timestamp: new HttpTimestampClient(await closedPortUrl()) });
    expect(offline.timestamp).toMatchObject({ status: 'pending' });
    const tsa = await startTestTsa(f.ca);
    try {
      const { bytes, results } = await stampPendingPdf(offline.bytes, new HttpTimestampClient(tsa.url));
      expect(results.map((r) => r.status)).toEqual(['granted']);
      expect(bytes.length).toBe(offline.bytes.length);
      expect(pdfsig(writeTemp(f.dataDir, 'stamped.pdf', bytes))).toContain('Signature is Valid.');
      const v = await verifyPdf(bytes, { trustAnchors: [f.ca.certificatePem] });
      expect(v.valid, v.reason).toBe(true);
      expect(v.signatures[0]!.timestamp.status).toBe('valid');
      // Already stamped: nothing more to do.
      expect((await stampPendingPdf(bytes, new HttpTimestampClient(tsa.url))).results).toEqual([]);
    } finally {
      await tsa.close();
    }
  });

  it('a submission stamped later verifies; a timestamp from an untrusted TSA is reported invalid', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const value = { caseId: 'c1', round: 2, conclusion: '同意' };
    const sig = await signDetached(value, key, { timestamp: new HttpTimestampClient(await closedPortUrl()) });
    expect(sig.timestamp).toMatchObject({ status: 'pending' });
    const tsa = await startTestTsa(f.ca);
    const otherCa = await DevelopmentCa.open(tempDir('fashen-other-ca-'));
    const rogue = await startTestTsa(otherCa);
    try {
      const stamped = await stampDetached(sig, new HttpTimestampClient(tsa.url));
      const sub = { format: 'fashen-signed-submission' as const, version: 1 as const, content: value, signature: stamped };
      const v = await verifySubmission(sub, { trustAnchors: [f.ca.certificatePem] });
      expect(v.valid, v.reason).toBe(true);
      expect(v.timestamp).toMatchObject({ status: 'valid' });

      const rogueStamp = await stampDetached(sig, new HttpTimestampClient(rogue.url));
      const rv = await verifySubmission({ ...sub, signature: rogueStamp }, { trustAnchors: [f.ca.certificatePem] });
      expect(rv.valid).toBe(false);
      expect(rv.reason).toContain('时间戳无效');
    } finally {
      await tsa.close();
      await rogue.close();
    }
  });
});
