// evidence.*, search.* and annotations.* handlers.
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { SearchQueryError } from '../db/repos/search';
import { exportRedactedCopy } from '../services/evidence/redacted-copy';
import { exportOriginal } from '../services/evidence/export-original';
import { withFileState } from '../services/evidence/annotation-file-state';

type EvidenceHandlers = Pick<
  Handlers,
  'evidence.verifyCase' | 'evidence.cancelVerify' | 'evidence.check' | 'evidence.exportRedacted' | 'evidence.exportOriginal' | 'evidence.itemText' | 'search.query' | 'annotations.list' | 'annotations.create' | 'annotations.update' | 'annotations.delete'
>;

const notFound = (message: string) => new ApiFailure({ code: 'not_found', message });

/** The blob behind a document or evidence item of a case. */
export function itemSha(ws: Workstation, caseId: string, itemId: string): { sha256: string; title: string; mime: string; path: string; size: number | null } {
  const agg = ws.cases.load(caseId);
  if (!agg) throw notFound(`找不到案件：${caseId}`);
  const item = [...agg.documents, ...agg.evidence].find((x) => x.id === itemId);
  if (!item) throw notFound(`案件中没有该文书或证据：${itemId}`);
  const blob = agg.blobs.get(item.sha256);
  return { sha256: item.sha256, title: item.title, mime: blob?.mime ?? 'application/octet-stream', path: item.path, size: blob?.size ?? null };
}

export function evidenceHandlers(ws: Workstation): EvidenceHandlers {
  const now = () => new Date().toISOString();
  return {
    'evidence.verifyCase': async ({ caseId }) => {
      const report = await ws.integrity.verifyCase(caseId, (p) => ws.emit('verify.progress', { caseId, ...p }));
      if (!report) throw notFound(`找不到案件：${caseId}`);
      return report;
    },
    'evidence.cancelVerify': ({ caseId }) => ({ cancelled: ws.integrity.cancel(caseId) }),
    'evidence.check': async ({ sha256 }) => {
      if (!ws.cases.blobKnown(sha256)) throw notFound('未知的文件');
      return { sha256, state: await ws.integrity.check(sha256) };
    },
    'evidence.exportRedacted': ({ caseId, itemId }) => exportRedactedCopy(ws, caseId, itemId),
    'evidence.exportOriginal': ({ caseId, itemId }) => exportOriginal(ws, caseId, itemId),
    'evidence.itemText': ({ caseId, itemId }) => {
      const pages = ws.search.pagesOf(itemSha(ws, caseId, itemId).sha256);
      return { text: pages.length ? pages.join('\n') : null };
    },
    'search.query': ({ text, caseId, limit }) => {
      try {
        return ws.search.query(text, { caseId, limit });
      } catch (err) {
        if (err instanceof SearchQueryError) throw new ApiFailure({ code: 'invalid_input', message: err.message });
        throw err;
      }
    },
    'annotations.list': ({ caseId, itemId }) => withFileState(ws, ws.annotations.list(caseId, itemId)),
    'annotations.create': (input) => {
      const { sha256 } = itemSha(ws, input.caseId, input.itemId);
      return ws.annotations.create({ ...input, sha256 }, now());
    },
    'annotations.update': ({ id, ...patch }) => {
      const a = ws.annotations.update(id, patch, now());
      if (!a) throw notFound('找不到该标注（可能已被删除）');
      return withFileState(ws, [a])[0]!;
    },
    'annotations.delete': ({ id }) => {
      if (!ws.annotations.delete(id)) throw notFound('找不到该标注（可能已被删除）');
      return { id };
    },
  };
}
