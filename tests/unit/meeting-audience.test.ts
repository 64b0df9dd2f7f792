// The pure audience-view builder: what leaves the back end for the shared screen. Structured
// identifiers fail closed (an id, phone or address the masker does not recognise is hidden, not
// shown); names learned from the case's papers are masked everywhere; nothing before the start.
import { describe, expect, it } from 'vitest';
import type { CaseFileView } from '../../src/shared/api/cases';
import { buildAudienceView, caseMaskOptions, withNamesFrom, type AudienceCaseData } from '../../src/shared/meeting/audience';
import { DEFAULT_QUORUM } from '../../src/shared/meeting/quorum';
import type { Meeting } from '../../src/shared/meeting/schema';
import type { SummarySlide, EvidenceSlide, DiscretionSlide, DecisionSlide } from '../../src/shared/meeting/slides';

const party = { id: 'p1', kind: 'natural' as const, name: '方宇', idNumber: 'ABC-not-an-id', address: '解放路', phone: '内线八零一' };

function caseFile(over: Partial<CaseFileView> = {}): CaseFileView {
  const file = { path: 'e.pdf', sha256: 'a'.repeat(64), size: 1, mime: 'application/pdf', present: true, state: 'ok' as const, detectedMime: 'application/pdf', pageCount: 1, textState: 'done' as const, problem: null };
  return {
    id: 'c1',
    revision: 1,
    revisionHash: 'b'.repeat(64),
    caseNumber: '马市监处罚〔2026〕193号',
    cause: '销售过期食品',
    status: 'concluded',
    round: 1,
    agency: { code: '340500', name: '马鞍山市市场监督管理局', shortName: '马市监', region: '马鞍山市', level: 'city' },
    handlingUnit: '执法稽查支队',
    facts: '当事人方宇（身份证号340521199009012031，住址：安徽省马鞍山市花山区解放路88号）销售过期食品。\n投诉人韩刚反映情况属实。',
    violationPeriod: { start: '2026-05-01', end: '2026-05-10', continuing: false },
    procedure: { leadReceivedOn: '2026-06-01', filedOn: '2026-06-05', submittedForReviewOn: '2026-11-16', excludedPeriods: [], extensions: [] },
    proposedDecision: {
      penalties: [{ type: 'fine', amountFen: 5_000_000, description: '罚款人民币伍万元' }],
      violatedProvisions: [{ law: '中华人民共和国食品安全法', article: '第三十四条' }],
      legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
      discretion: { level: '从轻', factors: ['方宇系初次违法'] },
    },
    parties: [party],
    officers: [],
    timeline: [{ key: 'filed', label: '立案', date: '2026-06-05', note: null }],
    documents: [],
    evidence: [{ id: 'e1', kind: '证人证言', title: '投诉人韩刚询问笔录', source: '执法人员制作', collectedBy: [], collectedOn: '2026-06-06', proves: '方宇销售过期食品', file }],
    queue: { id: 'c1', caseNumber: '马市监处罚〔2026〕193号', partyName: '方宇', cause: '销售过期食品', handlingUnit: '执法稽查支队', submittedOn: '2026-11-16', reviewDueOn: '2026-11-30', remainingWorkingDays: 5, calendarWarning: null, round: 1, status: 'concluded', offline: true, proposedFineFen: 5_000_000 },
    importedAt: '2026-11-16T00:00:00Z',
    ...over,
  };
}

function meeting(state: Meeting['state'], topic: Meeting['position'] extends infer P ? (P extends { topic: infer T } ? T : never) : never = 'summary'): Meeting {
  const a = { id: 'a1', name: '张局长', post: '局长', role: 'member' as const };
  return {
    id: 'm1',
    title: '集体讨论会',
    date: '2026-11-23',
    place: '会议室',
    host: a,
    reporter: a,
    recorder: { ...a, id: 'a2', name: '王审核' },
    attendees: [a],
    quorum: DEFAULT_QUORUM,
    quorumStatus: { met: false, present: 1, required: 3, text: '' },
    state,
    position: state === 'draft' ? null : { agendaIndex: 0, topic, evidence: null },
    agenda: [
      {
        caseId: 'c1',
        caseNumber: '马市监处罚〔2026〕193号',
        name: '方宇销售过期食品案',
        cause: '销售过期食品',
        round: 1,
        revisionHash: 'b'.repeat(64),
        review: { type: '建议纠正', text: '请核实方宇的联系电话13800138000。', concludedAt: '' },
        notes: '',
        opinions: [],
        conclusion: { text: '同意对方宇从轻处罚。', followsReview: false, differingReason: '理由', concludedAt: '' },
      },
    ],
    startedAt: state === 'draft' ? null : '2026-11-23T01:00:00Z',
    endedAt: null,
    revision: 3,
    createdAt: '',
    updatedAt: '',
    minutes: [],
  };
}

function data(cf = caseFile()): AudienceCaseData {
  return {
    caseFile: cf,
    review: { type: '建议纠正', text: '请核实方宇的联系电话13800138000。', points: [{ id: 'P6', title: '裁量基准运用是否适当', decision: 'problem', note: '方宇住址：安徽省马鞍山市花山区解放路88号，与卷内不一致' }] },
    discretion: null,
    evidence: { focus: { itemId: 'e1', page: 1 }, title: '投诉人韩刚询问笔录', kind: '证人证言', text: '被询问人：韩刚，身份证号：340521199009012031，手机：138 0013 8000', note: null, image: null, imageNote: '该页含图像（如证件照片、扫描件），可能含个人信息，不在共享屏幕上显示' },
  };
}

const names = (cf = caseFile()) => ({ c1: withNamesFrom(caseMaskOptions(cf), [cf.facts, '被询问人：韩刚']) });
const view = (topic: Parameters<typeof meeting>[1]) => buildAudienceView({ meeting: meeting('running', topic), namesByCase: names(), current: data() });

describe('audience view builder', () => {
  it('shows nothing of the case before the start', () => {
    const v = buildAudienceView({ meeting: meeting('draft'), namesByCase: names(), current: data() });
    expect(v).toMatchObject({ banner: '会议尚未开始', current: null });
    expect(v.agenda[0]!.caseName).toBe('方某销售过期食品案');
  });

  it('hides identifiers it cannot recognise instead of showing them', () => {
    const s = view('summary').current!.slide as SummarySlide;
    // (an address without a region prefix is masked whole by the masker itself)
    expect(s.fields.filter((f) => f.label === '住址').map((f) => f.value)).toEqual(['****']);
    // A person's ID number and phone are not on the shared screen at all, not even masked.
    expect(s.fields.map((f) => f.label)).not.toContain('身份证号');
    expect(s.fields.map((f) => f.label)).not.toContain('联系电话');
    expect(s.fields.find((f) => f.label === '当事人')!.value).toBe('方某');
  });

  it('masks a company’s legal representative and the agent it authorised, keeps the company', () => {
    const company = { id: 'p2', kind: 'legal' as const, name: '马鞍山信达装饰工程有限公司', idNumber: '91340503MA2H68385R', address: '安徽省马鞍山市花山区湖北东路226号', legalRepresentative: '方宇' };
    const cf = caseFile({ parties: [company], facts: '当事人马鞍山信达装饰工程有限公司（法定代表人方宇）发布虚假广告。' });
    const opts = withNamesFrom(caseMaskOptions(cf), ['兹委托刘婉清代表我公司接受调查询问。']);
    const d = { ...data(cf), evidence: { ...data(cf).evidence!, text: '委托人 马鞍山信达装饰工程有限公司（法定代表人：方宇）\n兹委托刘婉清代表我公司接受调查询问。' } };
    const at = (topic: Parameters<typeof meeting>[1]) => buildAudienceView({ meeting: meeting('running', topic), namesByCase: { c1: opts }, current: d }).current!.slide;
    const s = at('summary') as SummarySlide;
    expect(s.fields.slice(0, 4)).toEqual([
      { label: '当事人', value: company.name },
      { label: '统一社会信用代码', value: company.idNumber },
      { label: '住所', value: company.address },
      { label: '法定代表人', value: '方某' },
    ]);
    expect((at('evidence') as EvidenceSlide).focus!.excerpt).toBe('委托人 马鞍山信达装饰工程有限公司（法定代表人：方某）\n兹委托刘某代表我公司接受调查询问。');
    for (const topic of ['facts', 'review', 'decision'] as const) expect(JSON.stringify(at(topic)), topic).not.toMatch(/方宇|刘婉清/);
  });

  it('masks every topic, learned names included', () => {
    for (const topic of ['summary', 'timeline', 'facts', 'evidence', 'review', 'discretion', 'decision'] as const) {
      const json = JSON.stringify(view(topic));
      for (const secret of ['方宇', '韩刚', '340521199009012031', '13800138000', '138 0013 8000', '解放路88号']) expect(json, `${topic}: ${secret}`).not.toContain(secret);
    }
    const ev = view('evidence').current!.slide as EvidenceSlide;
    expect(ev.items[0]!.title).toBe('投诉人韩某询问笔录');
    expect(ev.focus!.excerpt).toBe('被询问人：韩某，身份证号：3405**********2031，手机：138****8000');
    const d = view('discretion').current!.slide as DiscretionSlide;
    expect(d).toMatchObject({ available: false, statedLevel: '从轻', factors: ['方某系初次违法'] });
    const dec = view('decision').current!.slide as DecisionSlide;
    expect(dec.conclusion).toBe('同意对方某从轻处罚。');
    expect(dec.options).toContain('采纳法制审核意见，纠正后作出行政处罚决定');
  });
});
