// 关键证据 for the shared screen: the case's documents and evidence; for a PDF, a page or one of its
// highlights. 投屏 moves the audience to 关键证据 with that focus (the back end renders a masked
// picture); 原件 opens the original here on the presenter's screen only.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Drawer, InputNumber, Spin, Tag, Tooltip } from 'antd';
import { EyeOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import type { CaseFileView, StoredFile } from '../../../shared/api/cases';
import type { Annotation } from '../../../shared/api/evidence';
import { markPage } from '../../../shared/mark-page';
import type { EvidenceFocus } from '../../../shared/meeting/schema';
import { api } from '../api';
import { fileKind, type CaseItem } from '../casefile/items';
import { errorText } from '../lib/errors';
import { ItemViewer } from '../viewers/ItemViewer';
import { makeReveal } from '../workspace/reveal';

interface Row {
  item: CaseItem;
  highlights: Annotation[];
}

function itemsOf(cf: CaseFileView, annotations: Annotation[]): Row[] {
  const marks = (id: string) => annotations.filter((a) => a.itemId === id && a.kind !== 'redaction' && (a.anchor.type === 'text' || a.anchor.type === 'area'));
  const ev = cf.evidence.map((e): CaseItem => ({ id: e.id, group: 'evidence', kind: e.kind, title: e.title, date: e.collectedOn, detail: e.source, file: e.file }));
  const docs = cf.documents.map((d): CaseItem => ({ id: d.id, group: 'document', kind: d.kind, title: d.title, date: d.date, detail: d.docNumber, file: d.file }));
  return [...ev, ...docs].map((item) => ({ item, highlights: marks(item.id) }));
}

const shownOnScreen = (f: StoredFile) => fileKind(f) === 'pdf';

function markText(a: Annotation): string {
  const page = markPage(a);
  const where = page !== null ? `第 ${page} 页` : '';
  const what = a.anchor.type === 'text' ? `“${a.anchor.quote.exact.slice(0, 40)}${a.anchor.quote.exact.length > 40 ? '…' : ''}”` : '区域批注';
  return `${where} ${what}${a.note ? ` — ${a.note.slice(0, 30)}` : ''}`;
}

/** The shared screen's focus on a mark: its item, the page it is shown on, the mark. */
function markFocus(itemId: string, a: Annotation): EvidenceFocus {
  const page = markPage(a);
  return { itemId, ...(page !== null ? { page } : {}), annotationId: a.id };
}

interface Props {
  caseId: string;
  focus: EvidenceFocus | null;
  onShow: (focus: EvidenceFocus) => Promise<void>;
  disabled: boolean;
  /** Bumped when the list is shown again (re-reads the highlights). */
  version: number;
}

export function EvidencePicker({ caseId, focus, onShow, disabled, version }: Props) {
  const [data, setData] = useState<{ cf: CaseFileView; annotations: Annotation[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});
  const [raw, setRaw] = useState<{ item: CaseItem; page: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    setError(null);
  }, [caseId]);
  // Read again each time the list is shown: highlights made meanwhile in the workbench appear.
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('cases.get', { id: caseId }), api.call('annotations.list', { caseId })]).then(
      ([cf, annotations]) => live && setData({ cf, annotations }),
      (err: unknown) => live && setError(errorText(err, '无法读取案卷证据')),
    );
    return () => {
      live = false;
    };
  }, [caseId, version]);

  const rows = useMemo(() => (data ? itemsOf(data.cf, data.annotations) : []), [data]);

  const show = async (key: string, f: EvidenceFocus) => {
    setBusy(key);
    try {
      await onShow(f);
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin size="small" className="mt-spin" />;

  return (
    <div className="mt-evidence" data-testid="evidence-picker">
      <p className="small muted mt-evidence-hint">投屏显示的是遮蔽个人信息后的页面图像；图像、音视频证据不上共享屏幕，只显示其名称。</p>
      <ul className="mt-ev-list">
        {rows.map(({ item, highlights }) => {
          const page = pages[item.id] ?? 1;
          const onScreen = focus?.itemId === item.id && !focus.annotationId;
          const pdf = shownOnScreen(item.file);
          return (
            <li key={item.id} className={focus?.itemId === item.id ? 'is-shown' : undefined} data-testid="evidence-row" data-item-id={item.id}>
              <div className="mt-ev-line">
                <span className="mt-ev-title ellipsis" title={item.title}>
                  {item.title}
                </span>
                <span className="muted small">{item.group === 'document' ? '文书' : item.kind}</span>
                {!pdf && <Tag className="mt-tag-sm">不上屏</Tag>}
                <span className="spacer" />
                {pdf && (item.file.pageCount ?? 1) > 1 && (
                  <InputNumber
                    size="small"
                    min={1}
                    max={item.file.pageCount ?? 1}
                    value={page}
                    onChange={(v) => setPages((p) => ({ ...p, [item.id]: v ?? 1 }))}
                    prefix="第"
                    suffix={`/${item.file.pageCount}页`}
                    style={{ width: 110 }}
                    aria-label={`${item.title}的页码`}
                  />
                )}
                <Tooltip title="在本机查看原件（不投屏）">
                  <Button size="small" type="text" icon={<EyeOutlined />} aria-label={`查看原件：${item.title}`} onClick={() => setRaw({ item, page })} data-testid="evidence-raw" />
                </Tooltip>
                <Button
                  size="small"
                  type={onScreen ? 'primary' : 'default'}
                  icon={<FundProjectionScreenOutlined />}
                  disabled={disabled}
                  loading={busy === item.id}
                  onClick={() => void show(item.id, { itemId: item.id, ...(pdf ? { page } : {}) })}
                  data-testid="evidence-show"
                >
                  投屏
                </Button>
              </div>
              {highlights.length > 0 && (
                <ul className="mt-ev-marks">
                  {highlights.map((a) => (
                    <li key={a.id} className={focus?.annotationId === a.id ? 'is-shown' : undefined} data-annotation-id={a.id}>
                      <span className="ellipsis small">{markText(a)}</span>
                      <span className="spacer" />
                      <Button
                        size="small"
                        type={focus?.annotationId === a.id ? 'primary' : 'text'}
                        icon={<FundProjectionScreenOutlined />}
                        disabled={disabled}
                        loading={busy === a.id}
                        onClick={() => void show(a.id, markFocus(item.id, a))}
                        aria-label={`投屏批注：${markText(a)}`}
                        data-testid="evidence-show-mark"
                      >
                        放大投屏
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <Drawer open={raw !== null} onClose={() => setRaw(null)} title={raw ? `原件（仅本机显示，不投屏）：${raw.item.title}` : ''} size="large" destroyOnHidden data-testid="evidence-raw-drawer">
        {raw && (
          <div className="mt-raw" data-testid="evidence-raw-view">
            <ItemViewer item={raw.item} reveal={makeReveal({ itemId: raw.item.id, page: raw.page })} />
          </div>
        )}
      </Drawer>
    </div>
  );
}
