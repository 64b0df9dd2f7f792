// Compact case header: 案号 · 当事人 with status, round and review deadline; then 拟处罚 · 法律依据.
import type { CaseFileView } from '../../../shared/api/cases';
import { STATUS_LABEL } from '../lib/labels';
import { basisSummary, citationText } from '../lib/law';
import { RemainingDays } from '../queue/RemainingDays';
import { penaltySummary } from './penalties';

export function CaseHeader({ view }: { view: CaseFileView }) {
  const parties = view.parties.map((p) => p.name).join('、');
  const penalties = penaltySummary(view.proposedDecision);
  const basis = view.proposedDecision.legalBasis;
  return (
    <div className="case-header" data-testid="case-header">
      <div className="case-line">
        <h2 className="case-number num">{view.caseNumber}</h2>
        <span className="sep" aria-hidden>
          ·
        </span>
        <span className="case-party ellipsis" title={parties}>
          {parties}
        </span>
        <span className="case-cause ellipsis muted" title={view.cause}>
          {view.cause}
        </span>
        <span className="spacer" />
        <span className="case-meta">
          <span className={`status status-${view.status}`}>{STATUS_LABEL[view.status]}</span>
          <span className="case-deadline">
            <span className="muted">第{view.round}轮</span>
            <span className="muted">审核时限</span>
            <RemainingDays row={view.queue} long />
            {view.queue.reviewDueOn && <span className="muted num">截止 {view.queue.reviewDueOn}</span>}
          </span>
        </span>
      </div>
      <div className="case-line case-line-2">
        <span className="case-field ellipsis" title={`拟处罚：${penalties}`}>
          <span className="field-label">拟处罚</span>
          {penalties}
        </span>
        <span className="sep" aria-hidden>
          ·
        </span>
        <span className="case-field ellipsis" title={basis.map((c) => citationText(c)).join('\n')}>
          <span className="field-label">依据</span>
          {basisSummary(basis)}
        </span>
      </div>
    </div>
  );
}
