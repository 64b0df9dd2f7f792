// 拟处罚决定: penalties with ¥ and 人民币大写, provisions violated, legal basis, discretion.
import type { LegalCitation, ProposedDecision } from '../../../shared/casefile/schema';
import { discretionBody } from '../../../shared/casefile/discretion-text';
import { formatCny, formatRmbUppercase } from '../../../shared/format/money';
import { PENALTY_LABEL } from '../lib/labels';
import { citationText } from '../lib/law';

function Citations({ list }: { list: LegalCitation[] }) {
  return (
    <ul className="citations">
      {list.map((c) => (
        <li key={`${c.law}${c.article}${c.clause ?? ''}`}>
          <span className="citation">{citationText(c)}</span>
          {c.text && <div className="citation-text">{c.text}</div>}
        </li>
      ))}
    </ul>
  );
}

/** 人民币大写 under a penalty, unless its description already spells the amount (…元（人民币…整）). */
function uppercaseNote(description: string, fen: number): string | null {
  const words = formatRmbUppercase(fen);
  return description.includes(words.replace(/^人民币/, '')) ? null : words;
}

function Amount({ label, fen }: { label: string; fen: number | undefined }) {
  if (fen === undefined) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="num">
        {formatCny(fen)} <span className="muted small">{formatRmbUppercase(fen)}</span>
      </dd>
    </>
  );
}

export function DecisionSection({ decision }: { decision: ProposedDecision }) {
  const d = decision.discretion;
  return (
    <section className="sheet" aria-labelledby="decision-h" data-testid="proposed-decision">
      <h3 id="decision-h">拟处罚决定</h3>
      <table className="dense-table">
        <thead>
          <tr>
            <th scope="col" style={{ width: '7.5em' }}>
              种类
            </th>
            <th scope="col">内容</th>
            <th scope="col" className="right" style={{ width: '9em' }}>
              金额
            </th>
          </tr>
        </thead>
        <tbody>
          {decision.penalties.map((p, i) => {
            const words = p.amountFen !== undefined ? uppercaseNote(p.description, p.amountFen) : null;
            return (
              <tr key={`${p.type}-${i}`}>
                <td>{PENALTY_LABEL[p.type]}</td>
                <td>
                  {p.description}
                  {words && <div className="muted small">{words}</div>}
                </td>
                <td className="right num">{p.amountFen !== undefined ? formatCny(p.amountFen) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="kv">
        <Amount label="违法所得" fen={decision.illegalGainsFen} />
        <Amount label="货值金额" fen={decision.goodsValueFen} />
        <Amount label="销售金额" fen={decision.salesFen} />
        <dt>违反条款</dt>
        <dd>
          <Citations list={decision.violatedProvisions} />
        </dd>
        <dt>处罚依据</dt>
        <dd>
          <Citations list={decision.legalBasis} />
        </dd>
        <dt>裁量</dt>
        <dd>
          <span className="discretion">{d.level}</span>
          {discretionBody(d) && <span data-testid="discretion-body">：{discretionBody(d)}</span>}
        </dd>
      </dl>
    </section>
  );
}
