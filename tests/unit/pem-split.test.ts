// splitPemCertificates (src/shared/pem.ts): the one splitter behind the workstation's certificate
// answers and the server's stored chains and extra trust anchors.
import { describe, expect, it } from 'vitest';
import { splitPemCertificates } from '../../src/shared/pem';
import { splitPemChain } from '../../src/server/submissions/detached-verifier';

const cert = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
const LEAF = cert('TEVBRg==');
const ROOT = cert('Uk9PVA==');

describe('splitPemCertificates', () => {
  it('gives each certificate block in order, leaf first, newline kept', () => {
    expect(splitPemCertificates(LEAF + ROOT)).toEqual([LEAF, ROOT]);
  });

  it('keeps a last block without its trailing newline as it is', () => {
    expect(splitPemCertificates(LEAF + ROOT.trimEnd())).toEqual([LEAF, ROOT.trimEnd()]);
  });

  it('skips text between blocks and blocks of other types (keys, requests)', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n';
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nQ1NS\n-----END CERTIFICATE REQUEST-----\n';
    expect(splitPemCertificates(`根证书如下：\n${key}${LEAF}说明文字\n${csr}${ROOT}`)).toEqual([LEAF, ROOT]);
  });

  it('answers nothing for empty text, plain text or an unterminated block', () => {
    expect(splitPemCertificates('')).toEqual([]);
    expect(splitPemCertificates('不是证书')).toEqual([]);
    expect(splitPemCertificates('-----BEGIN CERTIFICATE-----\nTEVBRg==\n')).toEqual([]);
    expect(splitPemCertificates('-----BEGIN CERTIFICATE-----\nTEVBRg==\n-----END CERTIFICATE REQUEST-----\n')).toEqual([]);
  });

  it('is the server’s splitPemChain too (one implementation)', () => {
    expect(splitPemChain).toBe(splitPemCertificates);
  });
});
