// 关键证据: the item the presenter chose — the masked picture of the page or highlighted region, with
// its title and the passage — or, when none is chosen, the evidence list with what each proves.
import type { EvidenceSlide } from '../../../../shared/meeting/slides';
import { api } from '../../api';
import { reflow } from './text';

type Focus = NonNullable<EvidenceSlide['focus']>;

// The picture's box on the 1920×1080 canvas: a wide picture (a zoomed highlight) spans the width
// above the text; a page stands at the left of it. The body is 1776 × ~755 px.
const WIDE = { w: 1776, h: 460 };
const TALL = { w: 860, h: 740 };
const WIDE_EXCERPT_MAX = 160;

function fitted(image: { width: number; height: number }, box: { w: number; h: number }) {
  const s = Math.min(box.w / image.width, box.h / image.height);
  return { width: Math.round(image.width * s), height: Math.round(image.height * s) };
}

function FocusView({ focus }: { focus: Focus }) {
  const wide = focus.image !== null && focus.image.width / focus.image.height >= 1.3;
  // Under a zoomed highlight, a highlighted passage is worth repeating; the whole page's text is not.
  const excerpt = wide && (focus.excerpt?.length ?? 0) > WIDE_EXCERPT_MAX ? null : focus.excerpt;
  return (
    <div className={`au-evidence-focus${focus.image ? '' : ' no-image'}${wide ? ' is-wide' : ''}`}>
      {focus.image && (
        <figure className="au-figure">
          <img src={api.blobUrl(focus.image.sha256)} style={fitted(focus.image, wide ? WIDE : TALL)} alt={`${focus.title}（已遮蔽个人信息）`} />
        </figure>
      )}
      <div className="au-evidence-text">
        <h2 className="au-evidence-title">
          {focus.title}
          <span className="au-meta-inline au-title-meta">
            {focus.kind}
            {focus.page !== null && <span className="num"> · 第 {focus.page} 页</span>}
          </span>
        </h2>
        {!focus.image && focus.imageNote && <p className="au-note">{focus.imageNote}</p>}
        {focus.note && <p className="au-callout">{focus.note}</p>}
        {excerpt && <blockquote className="au-excerpt">{reflow(excerpt)}</blockquote>}
      </div>
    </div>
  );
}

export function EvidenceBody({ slide }: { slide: EvidenceSlide }) {
  if (slide.focus) return <FocusView focus={slide.focus} />;
  return (
    <ol className="au-evidence-list">
      {slide.items.map((e) => (
        <li key={e.id}>
          <span className="au-ev-title">
            {e.title}
            <span className="au-ev-kind">{e.kind}</span>
          </span>
          <span className="au-ev-proves">{e.proves}</span>
        </li>
      ))}
    </ol>
  );
}
