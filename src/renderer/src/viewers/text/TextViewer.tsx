// Plain-text evidence (chat logs, exported records: 电子数据) shown as text in the pane, read as
// UTF-8, else GB18030 (what Chinese Windows tools write). Very large files show their beginning.
import { useEffect, useState, type ReactNode } from 'react';
import { ViewerError, ViewerLoading } from '../ViewerMessage';
import { decodeText, looksBinary, TEXT_PREVIEW_BYTES } from '../../../../shared/text/decode';
import { FoundText } from './FoundText';
import type { Reveal } from '../../workspace/reveal';
import './text.css';

/** `exportOriginal`: shown when the file turns out not to be text (the original is still there to export). */
export function TextViewer({ url, title, reveal = null, exportOriginal = null }: { url: string; title: string; reveal?: Reveal | null; exportOriginal?: ReactNode }) {
  const [state, setState] = useState<{ text: string; encoding: string; cut: boolean } | 'loading' | 'failed' | 'binary'>('loading');
  useEffect(() => {
    let live = true;
    setState('loading');
    fetch(url, { headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` } })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const bytes = new Uint8Array(await r.arrayBuffer());
        const total = Number(/\/(\d+)$/.exec(r.headers.get('content-range') ?? '')?.[1] ?? bytes.length);
        if (live) setState(looksBinary(bytes) ? 'binary' : { ...decodeText(bytes.subarray(0, TEXT_PREVIEW_BYTES)), cut: total > TEXT_PREVIEW_BYTES });
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [url]);
  if (state === 'loading') return <ViewerLoading />;
  if (state === 'failed') return <ViewerError title={`无法读取“${title}”`} text="未能读取该文本文件的内容；文件是否被改动以上方的校验结果为准。" />;
  if (state === 'binary')
    return (
      <div className="viewer-info muted" data-testid="text-not-text">
        “{title}”标为文本文件，但内容不是文本（含二进制数据），不能在窗格内显示。{exportOriginal}
      </div>
    );
  return (
    <div className="viewer text-viewer" data-testid="text-viewer">
      <FoundText
        className="text-viewer-body"
        text={state.text}
        reveal={reveal}
        positionKey={url}
        meta={
          <span>
            文本文件 · {state.encoding}
            {state.cut && ` · 文件较大，仅显示前 ${TEXT_PREVIEW_BYTES / 1024 / 1024} MB`}
          </span>
        }
      />
    </div>
  );
}
