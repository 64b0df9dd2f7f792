// keys.* and opinions.* handlers.
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { verifyBytes } from '../services/opinions/verify-view';

const EXPORT_LABEL = { pdf: ' PDF ', docx: ' .docx ', submission: '提交件' } as const;

type OpinionHandlers = Pick<Handlers, 'keys.status' | 'keys.create' | 'keys.revoke' | 'opinions.preview' | 'opinions.sign' | 'opinions.list' | 'opinions.verify' | 'opinions.verifyUpload' | 'opinions.export'>;

export function opinionHandlers(ws: Workstation): OpinionHandlers {
  const o = ws.opinions;
  return {
    'keys.status': () => o.keys.view(),
    'keys.create': async ({ passphrase }) => {
      const profile = ws.review.reviewer();
      if (!profile) throw new ApiFailure({ code: 'conflict', message: '请先设置审核人员信息（姓名），证书将以此签发' });
      return o.keys.create({ name: profile.name, agency: profile.agency ?? '未填写单位' }, passphrase);
    },
    'keys.revoke': ({ keyId, reason }) => o.keys.revoke(keyId, reason),
    'opinions.preview': ({ caseId }) => o.preview(caseId),
    'opinions.sign': ({ caseId, contentHash, passphrase }) => o.sign(caseId, contentHash, passphrase),
    'opinions.list': ({ caseId }) => o.records(caseId),
    'opinions.verify': async ({ sha256 }) => {
      if (!ws.cases.blobKnown(sha256) || !ws.blobs.has(sha256)) throw new ApiFailure({ code: 'not_found', message: '找不到该文件' });
      return verifyBytes(new Uint8Array(await ws.blobs.read(sha256)), o.keys);
    },
    'opinions.verifyUpload': async ({ base64 }) => verifyBytes(new Uint8Array(Buffer.from(base64, 'base64')), o.keys),
    // The bytes go back over the Api (verifyUpload in reverse) rather than by a blob link, so every
    // copy passes the export policy and the audit log (rules.ts); opinion files are a few MB at most.
    'opinions.export': async ({ caseId, opinionId, kind }) => {
      const record = o.records(caseId).find((r) => r.opinionId === opinionId);
      if (!record) throw new ApiFailure({ code: 'not_found', message: '找不到该意见书（可能不属于此案件）' });
      const sha256 = kind === 'pdf' ? record.pdfSha256 : kind === 'docx' ? record.docxSha256 : record.submissionSha256;
      const row = sha256 ? ws.cases.blobKnown(sha256) : null;
      if (!sha256 || !row || !ws.blobs.has(sha256)) throw new ApiFailure({ code: 'not_found', message: `该意见书的${EXPORT_LABEL[kind]}文件不在本机` });
      const bytes = await ws.blobs.read(sha256);
      return { kind, sha256, mime: row.mime, size: bytes.length, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
