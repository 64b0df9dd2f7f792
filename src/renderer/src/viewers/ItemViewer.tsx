// Opens one 文书/证据 item in the viewer that fits its file type. The PDF viewer and pdf.js load when a
// case opens (preloadPdfViewer), or on first use.
// The file is re-checked against its sha256 when opened: a tampered or missing file gets a red
// banner on top (never shown as if fine); a problem with the file itself is shown in amber.
import { lazy, Suspense, useState } from 'react';
import { api } from '../api';
import { fileKind, formatBytes, type CaseItem } from '../casefile/items';
import { TextViewer } from './text/TextViewer';
import { DOCX_MIME, isTextMime } from '../../../shared/text/decode';
import { DocxViewer } from './docx/DocxViewer';
import { ExportOriginal } from './ExportOriginal';
import { useCaseActions } from '../casefile/CaseActions';
import { FileProblem, IntegrityBanner } from '../integrity/IntegrityBanner';
import { useFileCheck } from '../integrity/useFileCheck';
import { FILE_STATE_LABEL } from '../integrity/labels';
import type { Reveal } from '../workspace/reveal';
import { ImageViewer } from './image/ImageViewer';
import { MediaViewer } from './media/MediaViewer';
import { ViewerLoading } from './ViewerMessage';
import '../integrity/integrity.css';
import './viewer.css';

type PdfViewerModule = typeof import('./pdf/PdfViewer');
let pdfModule: PdfViewerModule | null = null;
const loadPdfViewer = () => import('./pdf/PdfViewer').then((m) => (pdfModule = m));
const LazyPdfViewer = lazy(() => loadPdfViewer().then((m) => ({ default: m.PdfViewer })));

/**
 * Loads the PDF viewer and starts the pdf.js worker ahead of the first PDF (a case was opened).
 * Once loaded, the viewer is rendered directly: no Suspense fallback, whose reveal React holds
 * back for up to 300 ms.
 */
export function preloadPdfViewer(): void {
  loadPdfViewer().then(
    (m) => m.warmPdfViewer(),
    () => undefined, // the click loads it again and shows the error there
  );
}

function FileFacts({ item, state }: { item: CaseItem; state?: string }) {
  return (
    <dl className="kv viewer-info">
      <dt>种类</dt>
      <dd>{item.kind}</dd>
      <dt>日期</dt>
      <dd className="num">{item.date}</dd>
      <dt>文件</dt>
      <dd>
        {item.file.path}（{item.file.mime}，{formatBytes(item.file.size)}）
      </dd>
      {item.file.detectedMime && item.file.detectedMime !== item.file.mime && (
        <>
          <dt>实际类型</dt>
          <dd className="t-warn">{item.file.detectedMime}</dd>
        </>
      )}
      <dt>SHA-256</dt>
      <dd className="num small">{item.file.sha256}</dd>
      {state && (
        <>
          <dt>校验</dt>
          <dd className="t-fail">{state}</dd>
        </>
      )}
    </dl>
  );
}

const TYPE_NAMES: [RegExp, string][] = [
  [/wordprocessingml|msword/, 'Word 文档'],
  [/spreadsheetml|ms-excel/, 'Excel 表格'],
  [/presentationml|ms-powerpoint/, 'PowerPoint 演示文稿'],
  [/zip|rar|7z|x-tar/, '压缩文件'],
  [/ofd/, 'OFD 版式文件'],
];

/** A file type as a reviewer names it (the raw type stays in the facts below). */
function typeName(mime: string): string {
  return TYPE_NAMES.find(([re]) => re.test(mime))?.[1] ?? '此类文件';
}

function PdfContent({ url, item, reveal }: { url: string; item: CaseItem; reveal: Reveal | null }) {
  // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount the viewer.
  const [PdfViewer] = useState(() => pdfModule?.PdfViewer ?? LazyPdfViewer);
  return (
    <Suspense fallback={<ViewerLoading />}>
      <PdfViewer url={url} title={item.title} item={item} reveal={reveal} />
    </Suspense>
  );
}

function Content({ item, reveal }: { item: CaseItem; reveal: Reveal | null }) {
  const url = api.blobUrl(item.file.sha256);
  switch (fileKind(item.file)) {
    case 'pdf':
      return <PdfContent url={url} item={item} reveal={reveal} />;
    case 'image':
      return <ImageViewer url={url} title={item.title} item={item} />;
    case 'video':
      return <MediaViewer item={item} url={url} kind="video" reveal={reveal} />;
    case 'audio':
      return <MediaViewer item={item} url={url} kind="audio" reveal={reveal} />;
    default:
      if (isTextMime(item.file.detectedMime ?? item.file.mime)) return <TextViewer url={url} title={item.title} reveal={reveal} exportOriginal={<ExportOriginal item={item} />} />;
      if ((item.file.detectedMime ?? item.file.mime) === DOCX_MIME) return <DocxViewer item={item} reveal={reveal} />;
      return (
        <div>
          <div className="viewer-info muted">
            工作台暂不能在窗格内预览{typeName(item.file.detectedMime ?? item.file.mime)}。 <ExportOriginal item={item} />
          </div>
          <FileFacts item={item} />
        </div>
      );
  }
}

export function ItemViewer({ item, reveal = null }: { item: CaseItem; reveal?: Reveal | null }) {
  const actions = useCaseActions();
  const check = useFileCheck(item.file, Boolean(item.derived), (state) => actions?.reportFileState(item.id, state), actions ? { caseId: actions.caseId, itemId: item.id } : undefined);
  const state = item.file.present ? check.state : 'missing';
  return (
    <div className={`item-viewer${state !== 'ok' ? ' is-tampered' : ''}`} data-testid="item-viewer" data-item-id={item.id} data-file-state={state}>
      <IntegrityBanner state={state} />
      {item.file.problem && <FileProblem problem={item.file.problem} />}
      <div className="item-viewer-body">{state === 'missing' ? <FileFacts item={item} state={FILE_STATE_LABEL.missing} /> : <Content item={item} reveal={reveal} />}</div>
    </div>
  );
}
