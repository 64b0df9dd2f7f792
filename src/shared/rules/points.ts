// The ten statutory review points (DOMAIN.md §1; 国办发〔2018〕118号 and its SAMR implementation)
// as data: title, legal basis, what the reviewer must establish, which automatic checks inform it.
import type { LegalBasisRef, PointId } from './types';

export interface ReviewPoint {
  id: PointId;
  title: string;
  basis: LegalBasisRef[];
  /** What the point expects the case file to show. */
  description: string;
  /** What the program checks automatically (the rest is the reviewer's judgement). */
  automatic: string;
  /** Check ids (prefixes) that produce findings for this point. */
  checks: string[];
}

const P = '中华人民共和国行政处罚法';
const SAMR = '市场监督管理行政处罚程序规定';

export const REVIEW_POINTS: readonly ReviewPoint[] = [
  {
    id: 'P1',
    title: '执法主体是否合法',
    basis: [
      { law: P, article: '第十七条', note: '行政处罚由具有行政处罚权的行政机关在法定职权范围内实施' },
      { law: SAMR, article: '第六条', note: '违法行为发生地的县级以上市场监督管理部门管辖（待核实条文）' },
    ],
    description: '本机关对当事人和违法事项有地域、级别管辖权，处罚事项在本机关权责清单内。',
    automatic: '当事人住所与本机关辖区比对；处罚依据所属法律是否在权责清单内及层级要求。',
    checks: ['P1.territorial', 'P1.power-list'],
  },
  {
    id: 'P2',
    title: '执法人员是否具备执法资格',
    basis: [
      { law: P, article: '第四十二条', note: '执法人员不得少于两人' },
      { law: P, article: '第五十八条第二款', note: '初次从事法制审核的人员应当取得法律职业资格' },
    ],
    description: '每项调查取证不少于两名执法人员，且其执法证在行为当日有效；审核人员不是办案人员，初次审核的人员具有法律职业资格。',
    automatic: '逐项证据、笔录核对执法人员人数与执法证有效期；审核人员回避与资格。',
    checks: ['P2.two-officers', 'P2.credential-valid', 'P2.reviewer-independent', 'P2.reviewer-qualification'],
  },
  {
    id: 'P3',
    title: '执法程序是否合法',
    basis: [
      { law: P, article: '第四十四条、第四十五条', note: '告知与陈述申辩' },
      { law: P, article: '第六十条', note: '九十日内作出决定' },
      { law: P, article: '第六十三条、第六十四条', note: '听证' },
      { law: SAMR, article: '第十八条、第八十六条', note: '立案期限、办案期限（待核实条文）' },
    ],
    description: '线索→立案→调查→告知→陈述申辩/听证→审核→决定→送达的日期链条合法：立案及时，九十日内决定（扣除不计入期间、经批准延期），决定前告知并听取陈述申辩，依法告知并组织听证，期满后决定，按期送达。',
    automatic: '各期限的日历/工作日计算（含调休），显示算式；听证权利是否应当告知及是否告知。',
    checks: [
      'P3.filing-within-15-working-days',
      'P3.decision-within-90-days',
      'P3.extension-approval',
      'P3.excluded-period',
      'P3.notice-before-decision',
      'P3.statement-window',
      'P3.statement-heard',
      'P3.hearing-required',
      'P3.hearing-offered',
      'P3.hearing-request-window',
      'P3.hearing-held',
      'P3.hearing-notice-7-days',
      'P3.hearing-excluded',
      'P3.delivery-within-7-days',
      'P3.date-order',
    ],
  },
  {
    id: 'P4',
    title: '案件事实是否清楚，证据是否合法充分',
    basis: [
      { law: P, article: '第四十条', note: '违法事实不清、证据不足的，不得给予行政处罚' },
      { law: '中华人民共和国行政诉讼法', article: '第三十三条', note: '证据种类' },
    ],
    description: '违法行为的每一构成要件都有证据证明；证据载明种类、来源、收集人、收集时间；文件完整未被篡改；查封扣押等有全程音像记录。',
    automatic: '按构成要件关键词匹配证据的证明对象；证据要素完整性；文件哈希校验；音像记录。',
    checks: ['P4.elements', 'P4.evidence-metadata', 'P4.evidence-after', 'P4.file-integrity', 'P4.audio-video'],
  },
  {
    id: 'P5',
    title: '适用法律依据是否准确',
    basis: [
      { law: P, article: '第三十七条', note: '从旧兼从轻' },
      { law: P, article: '第二十九条', note: '一事不再罚；按罚款数额高的规定处罚' },
    ],
    description: '引用的违法条款和处罚依据存在，在违法行为发生时有效，处罚依据与违法条款相对应；新规定较轻的适用新规定。',
    automatic: '条文是否存在及有效期；违法条款与罚则的对应关系；新旧规定轻重比较。',
    checks: ['P5.article-exists', 'P5.in-force', 'P5.lighter-new-law', 'P5.caution', 'P5.basis-matches-violation', 'P5.one-fine'],
  },
  {
    id: 'P6',
    title: '裁量基准运用是否适当',
    basis: [
      { law: P, article: '第三十二条、第三十三条', note: '从轻、减轻、不予处罚' },
      { law: '关于规范市场监督管理行政处罚裁量权的指导意见（国市监法规〔2022〕2号）', article: '', note: '从轻在下30%，从重在上30%（待核实条文）' },
    ],
    description: '罚款在法定幅度内（固定数额或违法所得、货值等倍数），所处位置与认定的裁量情节相符，减轻处罚说明理由，裁量因素列明，类案同罚。',
    automatic: '法定幅度（含倍数与兜底幅度）计算；裁量模式与分档边界；首违不罚提示；不予处罚的情形与是否仍给予处罚；同条款类案罚款区间。',
    checks: ['P6.fine-in-range', 'P6.discretion-position', 'P6.mitigation-reason', 'P6.factors-stated', 'P6.first-violation-hint', 'P6.refused-correction', 'P6.no-penalty', 'P6.no-penalty-ground', 'P6.similar-cases'],
  },
  {
    id: 'P7',
    title: '是否超越法定权限',
    basis: [{ law: P, article: '第十八条第三款', note: '限制人身自由的行政处罚只能由公安机关和法律规定的其他机关行使（待核实条文）' }],
    description: '处罚种类在本机关职权内并由处罚依据规定；吊销许可证件、营业执照由原发证、登记机关作出。',
    automatic: '处罚种类与权限清单、处罚依据规定的种类比对。',
    checks: ['P7.penalty-type', 'P7.issuing-authority'],
  },
  {
    id: 'P8',
    title: '执法文书是否规范、齐备',
    basis: [{ law: SAMR, article: '', note: '案卷文书及排列；文书式样（国市监法发〔2021〕42号）' }],
    description: '本案程序所需文书齐备，日期先后一致并与程序日期相符，编号、签章完整。',
    automatic: '按程序（听证、陈述申辩、延期）要求的文书清单；文书日期顺序；文号。',
    checks: ['P8.required-documents', 'P8.document-order', 'P8.document-dates', 'P8.document-number'],
  },
  {
    id: 'P9',
    title: '是否涉嫌犯罪、需移送司法机关',
    basis: [{ law: '行政执法机关移送涉嫌犯罪案件的规定', article: '第三条、第十一条', note: '不得以行政处罚代替移送' }],
    description: '涉案数额和情节是否达到刑事追诉标准；达到的应当移送，不得以罚代刑。',
    automatic: '销售金额、货值、违法所得等与追诉标准比对（仅为提示，不作结论）。',
    checks: ['P9.'],
  },
  {
    id: 'P10',
    title: '是否超过追责时效',
    basis: [{ law: P, article: '第三十六条', note: '二年；涉及生命健康安全、金融安全且有危害后果的五年；连续或继续状态自终了之日起算' }],
    description: '违法行为在时效内被发现。',
    automatic: '违法行为终了日至立案日的时效计算。',
    checks: ['P10.limitation'],
  },
];

export function reviewPoint(id: PointId): ReviewPoint {
  return REVIEW_POINTS.find((p) => p.id === id)!;
}
