// 上一轮: what the previous round concluded, each point then and now side by side, and what the
// handling unit changed since (fields before → after; documents/evidence added, removed, changed).
import { Fragment } from 'react';
import type { PointView, PreviousRound as Previous } from '../../../shared/api/review';
import { readsInline, textDiff } from './textDiff';
import { chinaDateTime } from '../../../shared/format/date';
import { DECISION_LABEL, CHANGE_LABEL } from './labels';

interface Props {
  previous: Previous;
  points: PointView[];
  onOpenItem: (itemId: string) => void;
}

function Decision({ decision, note }: { decision: PointView['decision']; note: string }) {
  return (
    <>
      <span className={`rv-decision-badge decision-${decision ?? 'none'}`}>{decision ? DECISION_LABEL[decision] : '未认定'}</span>
      {note.trim() && <div className="rv-cmp-note">{note}</div>}
    </>
  );
}

/** A long field's change inline (deleted words struck, added ones underlined); a short value as 原 → 现. */
function FieldChange({ before, after }: { before: string; after: string }) {
  const parts = textDiff(before, after);
  if (readsInline(before, after, parts)) {
    return (
      <div className="rv-diff-inline" data-testid="diff-inline">
        {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <Fragment key={i}>{p.text}</Fragment>))}
      </div>
    );
  }
  return (
    <>
      <div className="rv-diff-before">
        <span className="rv-meta-label">原</span>
        <del>{before}</del>
      </div>
      <div className="rv-diff-after">
        <span className="rv-meta-label">现</span>
        <ins>{after}</ins>
      </div>
    </>
  );
}

export function PreviousRound({ previous: prev, points, onOpenItem }: Props) {
  const { fields, items } = prev.diff;
  return (
    <div className="rv-previous" data-testid="previous-round">
      <section className="rv-section" aria-labelledby="rv-prev-conclusion">
        <h3 id="rv-prev-conclusion" className="rv-sub">
          第{prev.round}轮结论
        </h3>
        <div className="rv-line">
          <strong className={`rv-opinion-type type-${prev.conclusion ?? 'none'}`}>{prev.conclusion ?? '未作结论'}</strong>
          {prev.concludedAt && <span className="muted small num">{chinaDateTime(prev.concludedAt)}</span>}
          <span className="muted small num">案卷第{prev.revision}版</span>
        </div>
        {prev.opinionText && <div className="rv-opinion-text">{prev.opinionText}</div>}
      </section>

      <section className="rv-section" aria-labelledby="rv-prev-diff" data-testid="revision-diff">
        <h3 id="rv-prev-diff" className="rv-sub">
          本次重新送审的变化
        </h3>
        {fields.length === 0 && items.length === 0 && <p className="muted small">案卷内容与上一轮相同。</p>}
        {fields.length > 0 && (
          <dl className="rv-diff-fields">
            {fields.map((f) => (
              <div key={f.path} className="rv-diff-field" data-testid="diff-field">
                <dt>{f.label}</dt>
                <dd>
                  <FieldChange before={f.before} after={f.after} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        {items.length > 0 && (
          <ul className="rv-diff-items">
            {items.map((it) => (
              <li key={`${it.itemKind}-${it.id}`} className={`rv-diff-item change-${it.change}`} data-testid="diff-item" data-change={it.change}>
                <span className="rv-change-tag">{CHANGE_LABEL[it.change]}</span>
                <span className="muted small">{it.itemKind === 'document' ? '文书' : '证据'}</span>
                {it.change === 'removed' ? (
                  <span className="ellipsis">{it.title}</span>
                ) : (
                  <button type="button" className="rv-link ellipsis" onClick={() => onOpenItem(it.id)} title={`打开：${it.title}`}>
                    {it.title}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rv-section" aria-labelledby="rv-prev-points">
        <h3 id="rv-prev-points" className="rv-sub">
          各要点：上一轮与本轮
        </h3>
        <table className="rv-cmp">
          <thead>
            <tr>
              <th scope="col">要点</th>
              <th scope="col">第{prev.round}轮</th>
              <th scope="col">本轮</th>
            </tr>
          </thead>
          <tbody>
            {prev.points.map((pp) => {
              const now = points.find((p) => p.id === pp.id);
              const changed = now && now.decision !== null && (now.decision !== pp.decision || now.note !== pp.note);
              return (
                <tr key={pp.id} className={changed ? 'is-changed' : ''} data-testid="cmp-row" data-point={pp.id}>
                  <th scope="row" title={now?.title}>
                    {pp.id}
                  </th>
                  <td>
                    <Decision decision={pp.decision} note={pp.note} />
                  </td>
                  <td>{now ? <Decision decision={now.decision} note={now.note} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
