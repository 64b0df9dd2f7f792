// 下载 of the records the workstation makes, unsigned as well as signed: the opinion preview
// (.pdf/.docx) and a meeting's minutes (.pdf/.docx/提交件). Like opinions.export the bytes go back
// over the Api, so every copy out passes the export policy (approval) and the audit log (rules.ts);
// the blob links the app displays them with refuse to serve them for saving (blob-access.ts).
import { ApiFailure } from '../../shared/api/result';
import type { OpinionExport } from '../../shared/api/opinions';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';

type RecordExportHandlers = Pick<Handlers, 'opinions.exportPreview' | 'meetings.exportMinutes'>;

const LABEL = { pdf: ' PDF ', docx: ' Word ', submission: '提交件' } as const;

async function bytesOf(ws: Workstation, sha256: string, kind: OpinionExport['kind'], mime: string): Promise<OpinionExport> {
  const bytes = await ws.blobs.read(sha256);
  return { kind, sha256, mime, size: bytes.length, base64: Buffer.from(bytes).toString('base64') };
}

export function recordExportHandlers(ws: Workstation): RecordExportHandlers {
  return {
    'opinions.exportPreview': async ({ caseId, kind }) => {
      const f = ws.opinions.previewFile(caseId, kind);
      return bytesOf(ws, f.sha256, kind, f.mime);
    },
    'meetings.exportMinutes': async ({ id, caseId, kind }) => {
      ws.meetings.get(id); // not_found for an unknown meeting
      const r = ws.meetings.minutes.records({ meetingId: id, caseId })[0];
      if (!r) throw new ApiFailure({ code: 'not_found', message: '此次会议还没有该案件的集体讨论记录：请先生成记录' });
      const sha256 = kind === 'pdf' ? r.pdfSha256 : kind === 'docx' ? r.docxSha256 : r.submissionSha256;
      if (!sha256 && kind === 'submission') throw new ApiFailure({ code: 'conflict', message: '记录人签署后才有提交件' });
      const row = sha256 ? ws.cases.blobKnown(sha256) : undefined;
      if (!sha256 || !row || !ws.blobs.has(sha256)) throw new ApiFailure({ code: 'not_found', message: `该集体讨论记录的${LABEL[kind]}文件不在本机` });
      return { ...(await bytesOf(ws, sha256, kind, row.mime)), minutesId: r.minutesId, caseNumber: r.caseNumber, signed: r.signatures.length > 0 };
    },
  };
}
