// Opens one 文书/证据 item in the viewer that fits its file type. pdf.js loads on first use.
import { lazy, Suspense } from 'react';
import { api } from '../api';
import { fileKind, formatBytes, type CaseItem } from '../casefile/items';
import { ImageViewer } from './image/ImageViewer';
import { ViewerError, ViewerLoading } from './ViewerMessage';
import './viewer.css';

const PdfViewer = lazy(() => import('./pdf/PdfViewer').then((m) => ({ default: m.PdfViewer })));

function FileFacts({ item }: { item: CaseItem }) {
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
      <dt>SHA-256</dt>
      <dd className="num small">{item.file.sha256}</dd>
    </dl>
  );
}

export function ItemViewer({ item }: { item: CaseItem }) {
  if (!item.file.present) {
    return (
      <div>
        <ViewerError title={`“${item.title}”的文件不在本机`} text="本机存储中没有此文件，可能尚未同步完成或已被删除。请重新同步或导入该案卷包。" />
        <FileFacts item={item} />
      </div>
    );
  }
  const url = api.blobUrl(item.file.sha256);
  switch (fileKind(item.file)) {
    case 'pdf':
      return (
        <Suspense fallback={<ViewerLoading />}>
          <PdfViewer url={url} title={item.title} />
        </Suspense>
      );
    case 'image':
      return <ImageViewer url={url} title={item.title} />;
    case 'video':
      return (
        <div className="viewer media-viewer">
          <video src={url} controls aria-label={item.title} style={{ maxWidth: '100%', maxHeight: '100%' }} />
        </div>
      );
    case 'audio':
      return (
        <div className="viewer media-viewer">
          <audio src={url} controls aria-label={item.title} />
        </div>
      );
    default:
      return (
        <div>
          <div className="viewer-info muted">工作台暂不能在窗格内预览此类文件。</div>
          <FileFacts item={item} />
        </div>
      );
  }
}
