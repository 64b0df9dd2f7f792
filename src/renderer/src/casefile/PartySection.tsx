// 当事人: name, kind, 统一社会信用代码/身份证号, address, 法定代表人.
import type { Party } from '../../../shared/casefile/schema';
import { PARTY_KIND_LABEL, partyIdLabel } from '../lib/labels';

export function PartySection({ parties }: { parties: Party[] }) {
  return (
    <section className="sheet" aria-labelledby="party-h" data-testid="party-block">
      <h3 id="party-h">当事人</h3>
      {parties.map((p) => (
        <div key={p.id} className="party">
          <div className="party-name">
            <strong>{p.name}</strong>
            <span className="kind-tag">{PARTY_KIND_LABEL[p.kind]}</span>
          </div>
          <dl className="kv">
            <dt>{partyIdLabel(p.kind)}</dt>
            <dd className="num">{p.idNumber}</dd>
            <dt>{p.kind === 'natural' ? '住址' : '住所'}</dt>
            <dd>{p.address}</dd>
            {p.legalRepresentative && (
              <>
                <dt>{p.kind === 'legal' ? '法定代表人' : '负责人'}</dt>
                <dd>{p.legalRepresentative}</dd>
              </>
            )}
            {p.phone && (
              <>
                <dt>联系电话</dt>
                <dd className="num">{p.phone}</dd>
              </>
            )}
            {p.businessScope && (
              <>
                <dt>经营范围</dt>
                <dd>{p.businessScope}</dd>
              </>
            )}
          </dl>
        </div>
      ))}
    </section>
  );
}
