// The sync panel's lists: submissions needing attention (案卷已更新 — stale, with the current
// revision; 被退回 — rejected, with the central system's reason; each opens its case; one the reviewer
// has dealt with — re-signed and answered, or marked 知道了 — stays listed as 已处理, not counted), the queue
// waiting for the central system's confirmation (tries, last error), and refused case packages.
import { Button } from 'antd';
import type { OutboxEntryView, RefusedEntry } from '../../../shared/api/sync';
import { chinaDateTime } from '../../../shared/format/date';
import { rejectedAdvice } from '../../../shared/sync/returned';
import { entryLabel, laterText } from './format';
import { syncActions } from './store';

const HANDLED_TEXT: Record<NonNullable<OutboxEntryView['handled']>, string> = { superseded: '已处理', acknowledged: '已知悉' };

function Section({ title, count, total, testId, children }: { title: string; count: number; total: number; testId: string; children: React.ReactNode }) {
  return (
    <section className="sync-section" aria-label={title} data-testid={testId}>
      <h3 className="sync-sub">
        {title}
        <span className="num muted">{total}</span>
        {total > count && <span className="small muted">（显示最近 {count} 件）</span>}
      </h3>
      {children}
    </section>
  );
}

function CaseLine({ e }: { e: OutboxEntryView }) {
  return (
    <div className="sync-entry-head">
      <span className="num sync-case-number">{e.caseNumber ?? (e.caseId ? `案件 ${e.caseId.slice(0, 8)}…` : '未知案件')}</span>
      <span className="muted small">{entryLabel(e)}</span>
    </div>
  );
}

function staleHint(e: OutboxEntryView): string {
  if (e.currentRevision === null) return '本机尚无该案件的新修订，请同步后查看。';
  if (e.revision !== null && e.currentRevision <= e.revision) return '新修订尚未接收到本机，请再同步一次。';
  return `本机案卷已是修订 ${e.currentRevision}（第${e.currentRound ?? '?'}轮）：请查看变化，重新审核后签署。`;
}

/** What the reviewer can do about a refusal: minutes are signed again from their meeting (the record itself is locked). */
function AttentionItem({ e, onOpenCase }: { e: OutboxEntryView; onOpenCase: (caseId: string) => void }) {
  const stale = e.state === 'stale';
  const later = laterText(e.later);
  const handled = e.handled ?? null;
  return (
    <li className={`sync-entry is-${e.state}${handled ? ' is-handled' : ''}`} data-testid="sync-attention-item" data-state={e.state} data-handled={handled ?? ''} data-case-id={e.caseId ?? ''}>
      <div className="sync-entry-row">
        <span className={`sync-tag tag-${e.state}`}>{stale ? '案卷已更新' : '被退回'}</span>
        <CaseLine e={e} />
        <span className="spacer" />
        {handled ? (
          <span className="sync-tag tag-handled" data-testid="sync-handled">
            {HANDLED_TEXT[handled]}
          </span>
        ) : (
          <Button size="small" type="text" title="不再计入“需处理”；此条仍保留在此备查" onClick={() => void syncActions.acknowledge(e.id)} data-testid="sync-acknowledge">
            知道了
          </Button>
        )}
        {e.caseId && e.currentRevision !== null && (
          <Button size="small" onClick={() => onOpenCase(e.caseId!)} data-testid="sync-open-case">
            打开案卷
          </Button>
        )}
      </div>
      {e.caseTitle && <div className="small ellipsis sync-entry-title">{e.caseTitle}</div>}
      <div className={`small sync-reason ${stale ? 't-warn' : 't-fail'}`} data-testid="sync-reason">
        {stale ? '中心系统答复：' : '退回原因：'}
        {e.reason ?? '（未说明）'}
      </div>
      <div className="small muted">
        {later ?? (stale ? staleHint(e) : rejectedAdvice(e.reason, e.kind))}
        <span className="num"> · 答复于 {chinaDateTime(e.updatedAt)}</span>
      </div>
    </li>
  );
}

/** `total`: those still needing the reviewer (the status bar's count); handled ones are listed too, as history. */
export function AttentionList({ entries, total, onOpenCase }: { entries: OutboxEntryView[]; total: number; onOpenCase: (caseId: string) => void }) {
  if (entries.length === 0 && total === 0) return null;
  const open = entries.filter((e) => !e.handled).length;
  const head = total === 0 ? { title: '已处理的退回与过时提交', count: entries.length, total: entries.length } : { title: '需要处理', count: open, total };
  return (
    <Section {...head} testId="sync-attention-list">
      <ul className="sync-list">
        {entries.map((e) => (
          <AttentionItem key={e.id} e={e} onOpenCase={onOpenCase} />
        ))}
      </ul>
    </Section>
  );
}

export function QueuedList({ entries, total }: { entries: OutboxEntryView[]; total: number }) {
  if (total === 0) return null;
  return (
    <Section title="待发送" count={entries.length} total={total} testId="sync-queued-list">
      <ul className="sync-list">
        {entries.map((e) => (
          <li key={e.id} className="sync-entry is-queued" data-testid="sync-queued-item" data-case-id={e.caseId ?? ''}>
            <div className="sync-entry-row">
              <CaseLine e={e} />
              <span className="spacer" />
              <span className="small muted num">签署于 {chinaDateTime(e.createdAt)}</span>
            </div>
            <div className="small">
              {e.exportedAt ? (
                <>
                  <span className="num">已于 {chinaDateTime(e.exportedAt)} 导出到离线交换包，待中心系统答复</span>
                  {e.reason && <span className="t-warn"> · 最近一次联网发送：{e.reason}</span>}
                </>
              ) : e.attempts === 0 ? (
                <span className="muted">尚未发送</span>
              ) : (
                <>
                  <span className="num">已尝试 {e.attempts} 次</span>
                  {e.reason && <span className="t-warn"> · 最近一次：{e.reason}</span>}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function RefusedList({ entries }: { entries: RefusedEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Section title="拒收的案卷包" count={entries.length} total={entries.length} testId="sync-refused-list">
      <p className="small muted sync-note">这些案卷包未通过本机检查，没有导入；中心系统发来新的修订后会自动接收。</p>
      <ul className="sync-list">
        {entries.map((r) => (
          <li key={r.seq} className="sync-entry is-rejected" data-testid="sync-refused-item">
            <div className="sync-entry-row">
              <span className="sync-tag tag-rejected">拒收</span>
              <span className="num">
                案件 {r.caseId.length > 12 ? `${r.caseId.slice(0, 8)}…` : r.caseId} · 修订 {r.revision}
              </span>
              <span className="spacer" />
              <span className="small muted num">{chinaDateTime(r.at)}</span>
            </div>
            <div className="small t-fail">{r.reason}</div>
            {r.details.slice(0, 3).map((d) => (
              <div key={d} className="small muted ellipsis" title={d}>
                {d}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  );
}
