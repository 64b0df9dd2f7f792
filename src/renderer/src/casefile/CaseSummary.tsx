// 概要: the proposed decision and facts beside the parties, officers and case data.
import type { CaseFileView } from '../../../shared/api/cases';
import { chinaDateTime, formatDateCn } from '../../../shared/format/date';
import { DecisionSection } from './DecisionSection';
import { PartySection } from './PartySection';
import { OfficerSection } from './OfficerSection';
import './summary.css';

export function CaseSummary({ view }: { view: CaseFileView }) {
  const period = view.violationPeriod;
  return (
    <div className="summary" data-testid="case-summary">
      <div className="summary-col">
        <DecisionSection decision={view.proposedDecision} />
        <section className="sheet" aria-labelledby="facts-h">
          <h3 id="facts-h">案件事实</h3>
          <p className="facts">{view.facts}</p>
          <dl className="kv">
            <dt>违法期间</dt>
            <dd className="num">
              {formatDateCn(period.start)} 至 {formatDateCn(period.end)}
              {period.continuing ? '（持续状态）' : ''}
            </dd>
          </dl>
        </section>
      </div>
      <div className="summary-col">
        <PartySection parties={view.parties} />
        <OfficerSection officers={view.officers} />
        <section className="sheet" aria-labelledby="case-h">
          <h3 id="case-h">案件信息</h3>
          <dl className="kv">
            <dt>案由</dt>
            <dd>{view.cause}</dd>
            <dt>执法机关</dt>
            <dd>{view.agency.name}</dd>
            <dt>承办机构</dt>
            <dd>{view.handlingUnit}</dd>
            <dt>案卷版本</dt>
            <dd className="num">
              第{view.revision}版 · 导入于 {chinaDateTime(view.importedAt)}
            </dd>
          </dl>
        </section>
      </div>
    </div>
  );
}
