// 添加引用: pick one of the case's highlights/notes (those linked to this point first), or a
// document/evidence item and page. Reads annotations.list and cases.get when it opens.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, InputNumber, Modal, Select, Spin } from 'antd';
import type { Annotation, ReviewPointId } from '../../../shared/api/evidence';
import type { Citation } from '../../../shared/api/review';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { pointLabel } from '../lib/reviewPoints';
import { caseItemGroups, flattenGroups, type CaseItem } from '../casefile/items';
import { kindLabel, quoteOf, whereLabel } from '../annotations/labels';
import { ClampedNote } from '../annotations/ClampedNote';
import { citationKey } from './model';

interface Props {
  open: boolean;
  caseId: string;
  point: ReviewPointId;
  /** The point's name as the review panel shows it (“案件事实是否清楚，证据是否合法充分”). */
  pointTitle: string;
  cited: Citation[];
  onPick: (c: Citation) => Promise<unknown>;
  onClose: () => void;
}

type Tab = 'annotations' | 'items';

interface Loaded {
  annotations: Annotation[];
  items: CaseItem[];
}

function useCaseMaterial(caseId: string, open: boolean) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let alive = true;
    setError(null);
    Promise.all([api.call('annotations.list', { caseId }), api.call('cases.get', { id: caseId })]).then(
      ([annotations, view]) => alive && setData({ annotations: annotations.filter((a) => a.kind !== 'redaction'), items: flattenGroups(caseItemGroups(view)) }),
      (err: unknown) => alive && setError(errorText(err, '无法读取本案的批注和材料，请稍后重试')),
    );
    return () => {
      alive = false;
    };
  }, [caseId, open]);
  return { data, error };
}

export function CitationPicker({ open, caseId, point, pointTitle, cited, onPick, onClose }: Props) {
  const { data, error } = useCaseMaterial(caseId, open);
  const [tab, setTab] = useState<Tab>('annotations');
  const [itemId, setItemId] = useState<string | null>(null);
  const [page, setPage] = useState<number | null>(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const citedKeys = useMemo(() => new Set(cited.map(citationKey)), [cited]);
  // Nothing highlighted yet: start on 文书 / 证据.
  useEffect(() => {
    if (data && data.annotations.length === 0) setTab('items');
  }, [data]);
  const titles = useMemo(() => new Map(data?.items.map((i) => [i.id, i.title]) ?? []), [data]);

  const linked = data?.annotations.filter((a) => a.reviewPoint === point) ?? [];
  const others = data?.annotations.filter((a) => a.reviewPoint !== point) ?? [];
  const item = data?.items.find((i) => i.id === itemId);
  const maxPage = item?.file.pageCount ?? undefined;
  // A page beyond the file is refused here, not clamped: the reviewer typed it and must see why.
  const pageTooHigh = maxPage !== undefined && page !== null && page > maxPage;

  const pick = async (c: Citation) => {
    setBusy(citationKey(c));
    setPickError(null);
    try {
      await onPick(c);
      onClose();
    } catch (err) {
      setPickError(errorText(err, '引用未能保存，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  const row = (a: Annotation) => {
    const c: Citation = { kind: 'annotation', id: a.id };
    const done = citedKeys.has(citationKey(c));
    const quote = quoteOf(a);
    return (
      <li key={a.id} className="rv-pick-row" data-testid="pick-annotation" data-annotation-id={a.id}>
        <div className="rv-pick-text">
          <div className="rv-pick-line">
            <span className={`kind-chip kind-${a.kind}`}>{kindLabel(a)}</span>
            <span className="ellipsis">{titles.get(a.itemId) ?? '（已不在案卷中的材料）'}</span>
            <span className="muted small num">{whereLabel(a)}</span>
            {a.reviewPoint && <span className="point-chip">{pointLabel(a.reviewPoint)}</span>}
          </div>
          {quote && <div className="rv-pick-quote">“{quote}”</div>}
          {a.note && <ClampedNote text={a.note} className="rv-pick-note muted small" />}
        </div>
        <Button size="small" disabled={done} loading={busy === citationKey(c)} onClick={() => void pick(c)} aria-label={`引用：${titles.get(a.itemId) ?? ''} ${whereLabel(a)}`}>
          {done ? '已引用' : '引用'}
        </Button>
      </li>
    );
  };

  const itemCitation: Citation | null = item ? { kind: item.group, id: item.id, ...(page ? { page } : {}) } : null;

  return (
    <Modal open={open} title={`添加引用 · ${point} ${pointTitle}`} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <div className="rv-pick" data-testid="citation-picker">
        <div role="tablist" aria-label="引用来源" className="rv-tabs">
          {(
            [
              ['annotations', '批注'],
              ['items', '文书 / 证据'],
            ] as const
          ).map(([key, label]) => (
            <button key={key} type="button" role="tab" aria-selected={tab === key} className={`rv-tab${tab === key ? ' is-active' : ''}`} onClick={() => setTab(key)} data-testid={`pick-tab-${key}`}>
              {label}
            </button>
          ))}
        </div>
        {error && <Alert type="error" showIcon title={error} />}
        {pickError && <Alert type="error" showIcon title={pickError} />}
        {!data && !error && (
          <div className="rv-pick-empty" role="status">
            <Spin size="small" /> 正在读取…
          </div>
        )}
        {data && tab === 'annotations' && (
          <div className="rv-pick-list" role="tabpanel">
            {data.annotations.length === 0 && <div className="rv-pick-empty muted">本案尚无批注 — 在文件中选中文字后选择“高亮”，并关联审核要点；也可改为引用文书或证据的某一页。</div>}
            {linked.length > 0 && (
              <>
                <h4 className="rv-pick-head">关联 {point} 的批注</h4>
                <ul>{linked.map(row)}</ul>
              </>
            )}
            {others.length > 0 && (
              <>
                <h4 className="rv-pick-head">其他批注</h4>
                <ul>{others.map(row)}</ul>
              </>
            )}
          </div>
        )}
        {data && tab === 'items' && (
          <div className="rv-pick-item" role="tabpanel">
            <label className="rv-field-label" htmlFor="rv-pick-item">
              文书或证据
            </label>
            <Select
              id="rv-pick-item"
              showSearch={{ optionFilterProp: 'label' }}
              value={itemId}
              onChange={(v: string) => {
                setItemId(v);
                setPage(1);
              }}
              placeholder="选择要引用的文书或证据"
              style={{ width: '100%' }}
              options={[
                { label: '文书', options: data.items.filter((i) => i.group === 'document').map((i) => ({ value: i.id, label: i.title })) },
                { label: '证据', options: data.items.filter((i) => i.group === 'evidence').map((i) => ({ value: i.id, label: `${i.title}（${i.kind}）` })) },
              ]}
              data-testid="pick-item"
            />
            <div className="rv-pick-page">
              <label htmlFor="rv-pick-page">页码</label>
              {/* No max: antd would silently clamp 9 to the last page on blur. */}
              <InputNumber
                id="rv-pick-page"
                min={1}
                precision={0}
                value={page}
                onChange={(v) => setPage(v)}
                status={pageTooHigh ? 'error' : undefined}
                aria-invalid={pageTooHigh}
                aria-describedby={maxPage ? 'rv-pick-page-count' : undefined}
                style={{ width: 96 }}
                data-testid="pick-page"
              />
              {maxPage &&
                (pageTooHigh ? (
                  <span id="rv-pick-page-count" className="small num t-fail" role="alert" data-testid="pick-page-error">
                    超出页数（共 {maxPage} 页）
                  </span>
                ) : (
                  <span id="rv-pick-page-count" className="muted small num">
                    共 {maxPage} 页
                  </span>
                ))}
              <span className="spacer" />
              <Button type="primary" disabled={!itemCitation || pageTooHigh || citedKeys.has(citationKey(itemCitation))} loading={!!itemCitation && busy === citationKey(itemCitation)} onClick={() => itemCitation && void pick(itemCitation)} data-testid="pick-item-add">
                引用
              </Button>
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}
