// What an import did, in Chinese: which case files came in (by 案号), which were already up to date, which failed and why — or, for a
// bundle refused as a whole (signature, contents, another reviewer's), that nothing came in and why.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import type { ImportOutcome } from '../../../shared/api/cases';

function Details({ details }: { details: string[] | undefined }) {
  return details?.slice(0, 3).map((d) => (
    <div key={d} className="small muted">
      {d}
    </div>
  ));
}

function summaryOf(outcomes: ImportOutcome[]): { type: 'success' | 'warning' | 'error'; title: string; description: ReactNode } {
  const whole = outcomes.length === 1 && outcomes[0]!.whole ? outcomes[0]! : null;
  if (whole)
    return {
      type: 'error',
      title: '交换包未导入',
      description: (
        <>
          <div>{whole.error ?? '未知原因'}</div>
          <Details details={whole.details} />
        </>
      ),
    };
  const came = outcomes.filter((o) => o.ok && o.action !== 'unchanged');
  const unchanged = outcomes.filter((o) => o.ok && o.action === 'unchanged');
  const failed = outcomes.filter((o) => !o.ok);
  // Cases that came in or were left alone with something to know (a new round over unfinished work, an older revision): one line each.
  const noted = outcomes.filter((o) => o.ok && o.note);
  const only = outcomes.length === 1 && came.length === 1 ? came[0]! : null;
  return {
    type: failed.length ? 'warning' : 'success',
    // One case: named in the title. Several: counted there, named below, by what happened to them.
    title: only
      ? `已导入案卷 ${only.caseNumber ?? only.source}`
      : [`已导入 ${came.length} 个案卷`, unchanged.length ? `${unchanged.length} 个已是最新` : '', failed.length ? `${failed.length} 个失败` : ''].filter(Boolean).join('，'),
    description: (failed.length + noted.length > 0 || !only) && (
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {failedLines(failed).map((f) =>
          f.outcomes.length === 1 ? (
            <li key={`failed:${f.outcomes[0]!.source}`} data-testid="import-failed">
              <span className="ellipsis">{nameOf(f.outcomes[0]!)}</span>：{f.reason}
              <Details details={f.outcomes[0]!.details} />
            </li>
          ) : (
            // Refused alike (a full disk): the reason once, then the cases.
            <li key={`failed:${f.reason}`} data-testid="import-failed">
              {f.reason}
              <div className="small">
                {f.outcomes.length} 个：<span className="num">{namesText(f.outcomes)}</span>
              </div>
            </li>
          ),
        )}
        {!only && <CaseNumbers label="已导入" outcomes={came} />}
        {!only && <CaseNumbers label="已是最新（未更改）" outcomes={unchanged} />}
        {noted.map((o) => (
          <li key={`noted:${o.source}`}>
            <span className="ellipsis">{nameOf(o)}</span>：{o.action === 'new_round' ? `新一轮：${o.note}` : o.note}
          </li>
        ))}
      </ul>
    ),
  };
}

const nameOf = (o: ImportOutcome) => o.caseNumber ?? o.source;

/** Cases named on a line: the first NAMES_SHOWN, then how many in all (a stick may bring a thousand). */
const NAMES_SHOWN = 20;
function namesText(outcomes: ImportOutcome[]): string {
  const names = outcomes.slice(0, NAMES_SHOWN).map(nameOf).join('、');
  return outcomes.length > NAMES_SHOWN ? `${names} 等 ${outcomes.length} 个` : names;
}

/** Failures in order, those with the same reason (and nothing more to say per case) on one line. */
function failedLines(failed: ImportOutcome[]): { reason: string; outcomes: ImportOutcome[] }[] {
  const lines: { reason: string; outcomes: ImportOutcome[] }[] = [];
  const alike = new Map<string, ImportOutcome[]>();
  for (const o of failed) {
    const reason = o.error ?? '未知原因';
    const same = o.details?.length ? undefined : alike.get(reason);
    if (same) same.push(o);
    else {
      const line = { reason, outcomes: [o] };
      lines.push(line);
      if (!o.details?.length) alike.set(reason, line.outcomes);
    }
  }
  return lines;
}

/** The 案号 of the cases one thing happened to, on one line. */
function CaseNumbers({ label, outcomes }: { label: string; outcomes: ImportOutcome[] }) {
  if (!outcomes.length) return null;
  return (
    <li>
      {label}：<span className="num">{namesText(outcomes)}</span>
    </li>
  );
}

export function ImportResult({ outcomes, onClose }: { outcomes: ImportOutcome[]; onClose?: () => void }) {
  const { type, title, description } = summaryOf(outcomes);
  return (
    <Alert
      className="import-result"
      type={type}
      showIcon
      banner={Boolean(onClose)}
      closable={onClose ? { 'aria-label': '关闭导入结果', onClose } : false}
      title={title}
      description={description}
      data-testid="import-result"
    />
  );
}
