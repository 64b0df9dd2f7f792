// 批注: every highlight, note and redaction mark of the case, filterable by review point. A click
// jumps to it (opens the item at the page or time and flashes the mark); edit note/point; delete.
import { useMemo, useState } from 'react';
import { Button, Select, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { Annotation, ReviewPointId } from '../../../shared/api/evidence';
import type { CaseItem } from '../casefile/items';
import { errorText } from '../lib/errors';
import { REVIEW_POINT_IDS, REVIEW_POINT_NAMES, pointLabel } from '../lib/reviewPoints';
import { AnnotationForm, type AnnotationValues } from './AnnotationForm';
import { ClampedNote } from './ClampedNote';
import { DeleteAnnotationConfirm } from './DeleteAnnotationConfirm';
import { kindLabel, quoteOf, whereLabel } from './labels';
import type { AnnotationStore } from './useAnnotationStore';
import './annotations.css';
import { shortcutKeys } from '../lib/shortcuts';

type Filter = 'all' | 'none' | 'redaction' | ReviewPointId;

interface Props {
  store: AnnotationStore;
  itemsById: Map<string, CaseItem>;
  onReveal: (a: Annotation) => void;
}

function matches(a: Annotation, f: Filter): boolean {
  if (f === 'all') return true;
  if (f === 'none') return a.kind !== 'redaction' && !a.reviewPoint;
  if (f === 'redaction') return a.kind === 'redaction';
  return a.reviewPoint === f;
}

/** The file was re-imported since the mark was made: say how the mark was placed on the new version. */
function FileUpdated({ a }: { a: Annotation }) {
  if (!a.fileUpdated) return null;
  const lost = a.fileUpdated.quote === 'not_found';
  const moved = a.fileUpdated.page !== undefined && 'page' in a.anchor ? `原文已移至第 ${a.fileUpdated.page} 页（原在第 ${a.anchor.page} 页）` : null;
  const text = lost
    ? '未能在新版本中找到原文'
    : a.fileUpdated.quote === 'found'
      ? (moved ?? '原文件已更新，批注按原文重新定位')
      : '原文件已更新，批注位置按原版本保留';
  const tip = lost
    ? '该文件重新导入后，本页已找不到批注的原文；批注仍显示在原位置，请核对后修改或删除。'
    : '该文件在批注之后重新导入过；请核对批注位置是否仍然准确。';
  return (
    <span className={`ann-updated${lost ? ' is-lost' : ''}`} data-testid="annotation-file-updated" data-quote={a.fileUpdated.quote ?? ''} title={tip}>
      {lost ? <ExclamationCircleOutlined aria-hidden /> : <SyncOutlined aria-hidden />}
      {text}
    </span>
  );
}

function Row({ a, title, onReveal, store }: { a: Annotation; title: string; onReveal: () => void; store: AnnotationStore }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quote = quoteOf(a);

  const save = async (v: AnnotationValues) => {
    setBusy(true);
    setError(null);
    try {
      await store.update(a.id, a.kind === 'redaction' ? { note: v.note } : { note: v.note, reviewPoint: v.reviewPoint });
      setEditing(false);
    } catch (err) {
      setError(errorText(err, '修改未能保存，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    try {
      await store.remove(a.id);
    } catch (err) {
      setError(errorText(err, '批注未能删除，请稍后重试'));
    }
  };

  return (
    <li className={`ann-row kind-${a.kind}`} data-testid="annotation-row" data-annotation-id={a.id} data-point={a.reviewPoint ?? ''}>
      <button type="button" className="ann-main" onClick={onReveal} title={`转到${title}${whereLabel(a)}`}>
        <span className="ann-line">
          <span className={`kind-chip kind-${a.kind}`}>{kindLabel(a)}</span>
          <span className="ann-where num">{whereLabel(a)}</span>
        </span>
        <span className="ann-title ellipsis">{title}</span>
        {quote && <span className="ann-quote">{quote}</span>}
        <FileUpdated a={a} />
        {a.reviewPoint && (
          <span className="point-chip" data-testid="annotation-point-chip">
            {pointLabel(a.reviewPoint)}
          </span>
        )}
      </button>
      {/* Outside the jump button: its 展开/收起 is a button of its own. */}
      {a.note && !editing && <ClampedNote text={a.note} className="ann-note" />}
      {!editing && (
        <span className="ann-actions">
          <Tooltip title="编辑批注和审核要点" mouseEnterDelay={0.4}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label="编辑批注" onClick={() => setEditing(true)} />
          </Tooltip>
          <DeleteAnnotationConfirm annotation={a} onConfirm={() => void remove()}>
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label="删除批注" />
          </DeleteAnnotationConfirm>
        </span>
      )}
      {editing && (
        <div className="ann-edit">
          <AnnotationForm
            initial={{ note: a.note, reviewPoint: a.reviewPoint }}
            withPoint={a.kind !== 'redaction'}
            busy={busy}
            error={error}
            onSave={(v) => void save(v)}
            onCancel={() => {
              setEditing(false);
              setError(null);
            }}
          />
        </div>
      )}
      {!editing && error && (
        <div className="t-fail small" role="alert">
          {error}
        </div>
      )}
    </li>
  );
}

export function AnnotationList({ store, itemsById, onReveal }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const counts = useMemo(() => {
    const c = new Map<Filter, number>();
    for (const a of store.list) {
      for (const f of ['all', 'none', 'redaction', ...REVIEW_POINT_IDS] as Filter[]) if (matches(a, f)) c.set(f, (c.get(f) ?? 0) + 1);
    }
    return c;
  }, [store.list]);
  const rows = store.list.filter((a) => matches(a, filter));
  const options = [
    { value: 'all', label: `全部批注（${counts.get('all') ?? 0}）` },
    ...REVIEW_POINT_IDS.map((id) => ({ value: id, label: `${id} ${REVIEW_POINT_NAMES[id]}（${counts.get(id) ?? 0}）` })),
    { value: 'none', label: `未关联要点（${counts.get('none') ?? 0}）` },
    { value: 'redaction', label: `遮盖标记（${counts.get('redaction') ?? 0}）` },
  ];

  return (
    <div className="ann-panel" data-testid="annotation-list">
      <div className="ann-filter">
        <Select value={filter} onChange={(v: Filter) => setFilter(v)} options={options} aria-label="按审核要点筛选批注" style={{ width: '100%' }} popupMatchSelectWidth={false} data-testid="annotation-filter" />
      </div>
      {store.error && <div className="t-fail small ann-empty">{store.error}</div>}
      {store.loaded && store.list.length === 0 && (
        <div className="ann-empty small muted">尚无批注 — 在文件中选中文字后选择“高亮”或“添加批注”；扫描页可用“框选”（{shortcutKeys('pdfArea')}）；视听资料可在播放时“在此处添加批注”。</div>
      )}
      {store.list.length > 0 && rows.length === 0 && <div className="ann-empty small muted">没有符合筛选条件的批注。</div>}
      <ul className="ann-list" aria-label="本案批注">
        {rows.map((a) => (
          <Row key={a.id} a={a} title={itemsById.get(a.itemId)?.title ?? '（已不在案卷中的材料）'} store={store} onReveal={() => onReveal(a)} />
        ))}
      </ul>
    </div>
  );
}
