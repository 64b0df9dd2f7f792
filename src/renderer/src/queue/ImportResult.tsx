// What an import did, in Chinese: how many case files came in, which failed and why — or, for a
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
  const imported = outcomes.filter((o) => o.ok && o.action !== 'unchanged').length;
  const unchanged = outcomes.filter((o) => o.ok && o.action === 'unchanged').length;
  const failed = outcomes.filter((o) => !o.ok);
  // Cases that came in or were left alone with something to know (a new round over unfinished work, an older revision): one line each.
  const noted = outcomes.filter((o) => o.ok && o.note);
  return {
    type: failed.length ? 'warning' : 'success',
    title: [`已导入 ${imported} 个案卷`, unchanged ? `${unchanged} 个已是最新` : '', failed.length ? `${failed.length} 个失败` : ''].filter(Boolean).join('，'),
    description: failed.length + noted.length > 0 && (
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {failed.map((o) => (
          <li key={`failed:${o.source}`}>
            <span className="ellipsis">{o.caseNumber ?? o.source}</span>：{o.error ?? '未知原因'}
            <Details details={o.details} />
          </li>
        ))}
        {noted.map((o) => (
          <li key={`noted:${o.source}`}>
            <span className="ellipsis">{o.caseNumber ?? o.source}</span>：{o.action === 'new_round' ? `新一轮：${o.note}` : o.note}
          </li>
        ))}
      </ul>
    ),
  };
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
