// What an import did, in Chinese: how many case files came in, which failed and why.
import { Alert } from 'antd';
import type { ImportOutcome } from '../../../shared/api/cases';

export function ImportResult({ outcomes, onClose }: { outcomes: ImportOutcome[]; onClose?: () => void }) {
  const whole = outcomes.length === 1 && outcomes[0]!.whole ? outcomes[0]! : null;
  if (whole) return <WholeRefused outcome={whole} {...(onClose ? { onClose } : {})} />;
  const imported = outcomes.filter((o) => o.ok && o.action !== 'unchanged').length;
  const unchanged = outcomes.filter((o) => o.ok && o.action === 'unchanged').length;
  const failed = outcomes.filter((o) => !o.ok);
  const summary = [`已导入 ${imported} 个案卷`, unchanged ? `${unchanged} 个已是最新` : '', failed.length ? `${failed.length} 个失败` : ''].filter(Boolean).join('，');
  return (
    <Alert
      className="import-result"
      type={failed.length ? 'warning' : 'success'}
      showIcon
      banner={Boolean(onClose)}
      closable={onClose ? { 'aria-label': '关闭导入结果', onClose } : false}
      title={summary}
      description={
        failed.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {failed.map((o) => (
              <li key={o.source}>
                <span className="ellipsis">{o.caseNumber ?? o.source}</span>：{o.error ?? '未知原因'}
                {o.details?.slice(0, 3).map((d) => (
                  <div key={d} className="small muted">
                    {d}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        )
      }
      data-testid="import-result"
    />
  );
}

/** A bundle refused as a whole (signature, contents, another reviewer's): one reason, nothing imported. */
function WholeRefused({ outcome, onClose }: { outcome: ImportOutcome; onClose?: () => void }) {
  return (
    <Alert
      className="import-result"
      type="error"
      showIcon
      banner={Boolean(onClose)}
      closable={onClose ? { 'aria-label': '关闭导入结果', onClose } : false}
      title="交换包未导入"
      description={
        <>
          <div>{outcome.error ?? '未知原因'}</div>
          {outcome.details?.slice(0, 3).map((d) => (
            <div key={d} className="small muted">
              {d}
            </div>
          ))}
        </>
      }
      data-testid="import-result"
    />
  );
}
