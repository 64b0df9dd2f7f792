// Fixtures for central-server tests: zipped case packages, reviewer keys enrolled with the
// server's dev CA, and signed opinion submissions.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yazl from 'yazl';
import { signDetached, type DetachedSignature } from '../../src/main/services/signing/detached';
import { createCsr } from '../../src/main/services/signing/csr';
import type { UnlockedKey } from '../../src/main/services/signing/keystore';
import { splitPemChain } from '../../src/server/submissions/detached-verifier';
import type { OpinionContent } from '../../src/shared/opinion/content';
import type { CertificateAnswer, SubmissionRequest } from '../../src/server/protocol';
import type { BuiltPackage } from './package-builder';
import type { Client } from './server';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The package folder as a .zip, in memory (test packages are small). */
export async function zipPackage(pkg: BuiltPackage | string): Promise<Buffer> {
  const dir = typeof pkg === 'string' ? pkg : pkg.dir;
  const zip = new yazl.ZipFile();
  for (const f of files(dir)) zip.addFile(f, relative(dir, f).split('\\').join('/'));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function upload(admin: Client, pkg: BuiltPackage | Buffer) {
  const body = Buffer.isBuffer(pkg) ? pkg : await zipPackage(pkg);
  return admin.request('POST', '/v1/admin/packages', { body, headers: { 'content-type': 'application/zip' } });
}

export interface Signer {
  keyId: string;
  key: UnlockedKey;
  sign(payload: unknown): Promise<DetachedSignature>;
}

/** A fresh Ed25519 key whose certificate the server's dev CA issues to the logged-in reviewer (CSR: proof of possession). */
export async function enrol(client: Client, name: string): Promise<Signer> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const r = await client.post('/v1/certificates', { request: await createCsr('ed25519', privateKey, { name, agency: '测试市市场监督管理局' }) });
  if (r.status !== 201) throw new Error(`enrol: ${r.status} ${r.body.toString()}`);
  const cert = r.json as CertificateAnswer;
  const key: UnlockedKey = { algorithm: 'ed25519', keyId: cert.keyId, publicKeyPem, subject: { name, agency: '测试市市场监督管理局' }, chain: splitPemChain(cert.chainPem), privateKey };
  return { keyId: cert.keyId, key, sign: (payload) => signDetached(payload, key) };
}

/**
 * Each opinion its own 文号: the central system refuses a number another opinion was accepted with. A
 * year no workstation reserves for, so these never meet the numbers reserved in the same test.
 */
let opinionNumber = 0;

export function opinionFor(c: { caseId: string; caseNumber: string; revision: number; revisionHash: string }, keyId: string, reviewer: string): OpinionContent {
  const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'] as const;
  return {
    schema: 'fashen.opinion/1',
    opinionId: randomUUID(),
    version: 1,
    agency: { code: '340500', name: '测试市市场监督管理局' },
    documentNumber: `测市监法审〔2020〕${++opinionNumber}号`,
    date: '2026-11-20',
    case: { id: c.caseId, caseNumber: c.caseNumber, revision: c.revision, revisionHash: c.revisionHash, name: '测试食品有限公司销售过期食品案', cause: '销售过期食品', handlingUnit: '执法稽查支队', submittedOn: '2026-11-16' },
    round: 1,
    parties: [{ kind: 'legal', name: '测试食品有限公司', idNumber: '91340500MA2N0XXXX1', address: '测试市花山区湖东路1号', legalRepresentative: '王某' }],
    proposedDecision: { penalties: ['罚款 50,000元'], violated: ['食品安全法第三十四条'], legalBasis: ['食品安全法第一百二十四条'], discretion: '一般' },
    facts: '当事人销售超过保质期的预包装食品。',
    points: ids.map((id) => ({ id, title: id, decision: 'ok' as const, decisionText: '无问题', note: '', findings: [], citations: [] })),
    conclusion: { type: '同意', text: '同意承办机构的处理意见。' },
    reviewer: { name: reviewer, keyId, certificateFingerprint: 'test' },
    signedAt: '2026-11-20T02:00:00.000Z',
    attachments: [],
  };
}

export async function signedOpinion(
  signer: Signer,
  c: { caseId: string; caseNumber: string; revision: number; revisionHash: string },
  reviewer: string,
  id: string = randomUUID(),
): Promise<SubmissionRequest> {
  const payload = opinionFor(c, signer.keyId, reviewer);
  return { id, kind: 'opinion', caseId: c.caseId, caseRevisionHash: c.revisionHash, payload, signature: await signer.sign(payload) } as unknown as SubmissionRequest;
}
