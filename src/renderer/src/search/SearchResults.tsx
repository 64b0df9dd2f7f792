// Search results in the queue's place: grouped by case (案号 · 当事人 · 案由), then by document or
// evidence with the page and the snippet. ↑/↓ move between hits, Enter opens, Esc returns to the queue.
import { Fragment, type KeyboardEvent } from 'react';
import { Alert, Button, Spin } from 'antd';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import type { SearchGroup, SearchHit, SearchSnippet } from '../../../shared/api/evidence';
import type { GlobalSearch } from './useGlobalSearch';
import { markSnippet } from '../../../shared/text/term-marks';
import './search.css';
import { shortcutTip } from '../lib/shortcuts';

interface Props {
  search: GlobalSearch;
  /** terms: the words searched (SearchResult.terms), marked beside the hit in the pane. */
  onOpenHit: (group: SearchGroup, hit: SearchHit, terms: readonly string[]) => void;
  onClose: () => void;
}

function Snippet({ s, terms }: { s: SearchSnippet; terms: readonly string[] }) {
  return (
    <span className="sr-snippet">
      {markSnippet(s, terms).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </span>
  );
}

/** Hits of one case: case-field hits first, then page hits grouped by item in their order. */
function byItem(hits: readonly SearchHit[]): { key: string; title: string | null; hits: SearchHit[] }[] {
  const out: { key: string; title: string | null; hits: SearchHit[] }[] = [];
  for (const h of hits) {
    const key = h.kind === 'case' ? 'case' : (h.itemId ?? '');
    let g = out.find((x) => x.key === key);
    if (!g) {
      g = { key, title: h.kind === 'case' ? null : h.itemTitle, hits: [] };
      out.push(g);
    }
    g.hits.push(h);
  }
  return out.sort((a, b) => Number(b.key === 'case') - Number(a.key === 'case'));
}

function moveFocus(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const all = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.sr-hit')];
  const at = all.indexOf(document.activeElement as HTMLButtonElement);
  const next = all[Math.max(0, Math.min(all.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function SearchResults({ search, onOpenHit, onClose }: Props) {
  const { result, error, loading, query } = search;
  // When the search stopped early (truncated) the count is what was found so far: 至少, not 共.
  const caseCount = result?.groups.length ?? 0;
  const terms = result?.terms ?? [];
  // Hits shown in the list: a case lists 20 at most, so it may be fewer than the hits counted.
  const listed = result?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  return (
    <div
      className="search-results"
      role="region"
      aria-label="搜索结果"
      data-testid="search-results"
      data-loading={loading}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else moveFocus(e);
      }}
    >
      <div className="sr-summary">
        <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={onClose} aria-label={shortcutTip('closeSearch', '返回待审案件队列')}>
          队列
        </Button>
        <span className="ellipsis" aria-live="polite" data-testid="search-summary">
          {loading ? (
            <>
              <Spin size="small" /> 正在搜索“{query}”…
            </>
          ) : result ? (
            <>
              “{result.query}” {result.truncated ? '至少' : '共'} <span className="num">{result.totalHits}</span> 处，<span className="num">{caseCount}</span> 个案件
            </>
          ) : error ? (
            <>“{query}” 未能搜索</>
          ) : null}
        </span>
      </div>
      {result?.mode === 'like' && result.truncated && (
        <div className="sr-note small" data-testid="search-like-note">
          短词检索（仅扫描部分内容）
        </div>
      )}
      {result?.mode === 'fts' && result.truncated && (
        <div className="sr-note small" data-testid="search-more-note">
          结果较多，仅列出前 {listed} 处；请输入更长的词语缩小范围。
        </div>
      )}
      {error && <Alert type="warning" showIcon title={error} className="sr-error" data-testid="search-error" />}
      {result && !loading && caseCount === 0 && <div className="sr-empty muted">没有找到“{result.query}”。可换用较短的词语、用空格分开几个词语（须全部出现；加引号则按整句查找），或检查错别字。</div>}
      <ul className="sr-list">
        {result?.groups.map((g) => (
          <li key={g.caseId} className="sr-case" data-testid="search-group" data-case-id={g.caseId}>
            <div className="sr-case-head" title={`${g.caseNumber} · ${g.partyName} · ${g.cause}`}>
              <span className="sr-case-no num">{g.caseNumber}</span>
              <span className="sr-party ellipsis">{g.partyName}</span>
              <span className="sr-cause ellipsis muted">{g.cause}</span>
              <span className="sr-count num">{g.totalHits}</span>
            </div>
            {byItem(g.hits).map((it) => (
              <Fragment key={it.key}>
                {it.title && (
                  <div className="sr-item ellipsis" title={it.title}>
                    <FileTextOutlined aria-hidden /> {it.title}
                  </div>
                )}
                {it.hits.map((h, i) => (
                  <button
                    key={`${h.itemId ?? h.field}-${h.page ?? ''}-${i}`}
                    type="button"
                    className={`sr-hit${h.kind === 'case' ? ' is-case' : ''}`}
                    onClick={() => onOpenHit(g, h, terms)}
                    data-testid="search-hit"
                    data-item-id={h.itemId ?? ''}
                    data-page={h.page ?? ''}
                  >
                    <span className="sr-where num">{h.kind === 'case' ? h.field : h.page !== null ? `第 ${h.page} 页` : '正文'}</span>
                    <Snippet s={h.snippet} terms={terms} />
                  </button>
                ))}
              </Fragment>
            ))}
            {g.totalHits > g.hits.length && <div className="sr-more small muted">另有 {g.totalHits - g.hits.length} 处未列出</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
