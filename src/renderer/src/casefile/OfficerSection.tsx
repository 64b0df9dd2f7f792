// 执法人员: name, 执法证号 and its validity; case officers first.
import type { CaseFileView } from '../../../shared/api/cases';

export function OfficerSection({ officers }: { officers: CaseFileView['officers'] }) {
  const sorted = [...officers].sort((a, b) => Number(b.isCaseOfficer) - Number(a.isCaseOfficer));
  return (
    <section className="sheet" aria-labelledby="officer-h" data-testid="officer-list">
      <h3 id="officer-h">执法人员</h3>
      <table className="dense-table">
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">执法证号</th>
            <th scope="col">有效期</th>
            <th scope="col">身份</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr key={o.id}>
              <td title={o.unit}>{o.name}</td>
              <td className="num">{o.credentialNo}</td>
              <td className="num">
                {o.credentialValidFrom} 至 {o.credentialValidTo}
              </td>
              <td className="small">{[o.isCaseOfficer ? '承办人' : '', o.legalQualification ? '法律职业资格' : ''].filter(Boolean).join('、') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
