// keys.* and opinions.* handlers.
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { verifyBytes } from '../services/opinions/verify-view';

type OpinionHandlers = Pick<Handlers, 'keys.status' | 'keys.create' | 'opinions.preview' | 'opinions.sign' | 'opinions.list' | 'opinions.verify' | 'opinions.verifyUpload'>;

export function opinionHandlers(ws: Workstation): OpinionHandlers {
  const o = ws.opinions;
  return {
    'keys.status': () => o.keys.view(),
    'keys.create': async ({ passphrase }) => {
      const profile = ws.review.reviewer();
      if (!profile) throw new ApiFailure({ code: 'conflict', message: '请先设置审核人员信息（姓名），证书将以此签发' });
      return o.keys.create({ name: profile.name, agency: profile.agency ?? '未填写单位' }, passphrase);
    },
    'opinions.preview': ({ caseId }) => o.preview(caseId),
    'opinions.sign': ({ caseId, contentHash, passphrase }) => o.sign(caseId, contentHash, passphrase),
    'opinions.list': ({ caseId }) => o.records(caseId),
    'opinions.verify': async ({ sha256 }) => {
      if (!ws.cases.blobKnown(sha256) || !ws.blobs.has(sha256)) throw new ApiFailure({ code: 'not_found', message: '找不到该文件' });
      const { readFile } = await import('node:fs/promises');
      return verifyBytes(new Uint8Array(await readFile(ws.blobs.pathOf(sha256))), o.keys);
    },
    'opinions.verifyUpload': async ({ base64 }) => verifyBytes(new Uint8Array(Buffer.from(base64, 'base64')), o.keys),
  };
}
