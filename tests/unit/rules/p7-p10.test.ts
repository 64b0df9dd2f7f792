// P7 权限, P8 文书, P9 移送 (刑法第140条等), P10 时效 (处罚法第36条).
import { describe, expect, it } from 'vitest';
import { addYears } from '../../../src/shared/rules/checks/p10-limitation';
import { doc, run, worst, type Mutate } from './fixture';

describe('P7 处罚种类与权限 (处罚法第十八条第三款; 各罚则条款)', () => {
  it('处罚法第18条: detention is outside a market-regulation agency’s powers', () => {
    expect(worst('P7.penalty-type', (pkg) => pkg.case.proposedDecision.penalties.push({ type: 'warning', description: '行政拘留五日' }))).toBe('fail');
  });
  it('食品安全法第124条 provides no 责令停产停业', () => {
    const fs = run('P7.penalty-type', (pkg) => pkg.case.proposedDecision.penalties.push({ type: 'suspend_business', description: '责令停业十日' }));
    expect(fs.find((f) => f.severity === 'fail')!.message).toContain('未规定责令停产停业');
  });
  it('商标法第60条 has no 没收违法所得: a warning unless 处罚法第28条 is cited', () => {
    const tm: Mutate = (pkg) => {
      pkg.case.proposedDecision.violatedProvisions = [{ law: '中华人民共和国商标法', article: '第五十七条', clause: '第（三）项' }];
      pkg.case.proposedDecision.legalBasis = [{ law: '中华人民共和国商标法', article: '第六十条', clause: '第二款' }];
    };
    expect(worst('P7.penalty-type', tm)).toBe('warn');
    expect(worst('P7.penalty-type', (pkg) => (tm(pkg), pkg.case.proposedDecision.legalBasis.push({ law: '中华人民共和国行政处罚法', article: '第二十八条', clause: '第二款' })))).toBe('ok');
  });
  it('吊销许可证件 only by the issuing authority: the reviewer is asked to confirm', () => {
    const fs = run('P7', (pkg) => pkg.case.proposedDecision.penalties.push({ type: 'revoke_license', description: '吊销食品经营许可证' }));
    expect(fs.find((f) => f.check === 'P7.issuing-authority')!.severity).toBe('warn');
    expect(fs.filter((f) => f.check === 'P7.penalty-type').every((f) => f.severity === 'ok')).toBe(true);
  });
});

describe('P8 文书齐备与顺序 (程序规定; 文书式样)', () => {
  const drop =
    (kind: string): Mutate =>
    (pkg) =>
      (pkg.documents = pkg.documents.filter((d) => d.kind !== kind));
  it.each<[string, Mutate, string, string]>([
    ['处罚法第44条: a missing 行政处罚告知书 is a fail', drop('行政处罚告知书'), 'P8.required-documents', 'fail'],
    ['程序规定: a missing 立案审批表 is a fail', drop('立案审批表'), 'P8.required-documents', 'fail'],
    ['程序规定: a missing 案件来源登记表 is a warning', drop('案件来源登记表'), 'P8.required-documents', 'warn'],
    ['处罚法第45条: a statement heard without its 笔录 is a warning', drop('陈述申辩笔录'), 'P8.required-documents', 'warn'],
    ['处罚法第64条: a hearing held without 听证通知书 and 听证笔录 is a fail', (pkg) => (pkg.case.procedure.hearingHeldOn = '2026-07-20'), 'P8.required-documents', 'fail'],
    ['程序规定第86条: an extension without its approval form is a warning', (pkg) => (pkg.case.procedure.extensions = [{ days: 30, approvedOn: '2026-08-01', approvedBy: '局长' }]), 'P8.required-documents', 'warn'],
    ['文书编号: a 告知书 without a number is a warning', (pkg) => delete pkg.documents.find((d) => d.kind === '行政处罚告知书')!.docNumber, 'P8.document-number', 'warn'],
  ])('%s', (_n, m, check, sev) => {
    expect(worst(check, m)).toBe(sev);
  });

  it('the complete file is ok', () => {
    expect(worst('P8.required-documents')).toBe('ok');
    expect(worst('P8.document-order')).toBe('ok');
  });

  it.each<[string, Mutate, string]>([
    ['文书顺序: a 告知书 dated before the 调查终结报告 is a fail', (pkg) => (pkg.documents.find((d) => d.kind === '行政处罚告知书')!.date = '2026-07-09'), 'fail'],
    ['文书顺序: the only 送达回证 predates the 告知书', (pkg) => (pkg.documents.find((d) => d.kind === '送达回证')!.date = '2026-07-12'), 'fail'],
    ['文书顺序: a document dated after today is a fail', (pkg) => (pkg.documents.find((d) => d.kind === '陈述申辩笔录')!.date = '2026-09-01'), 'fail'],
  ])('%s', (_n, m, sev) => {
    expect(worst('P8.document-order', m)).toBe(sev);
  });

  it('文书与程序日期: 立案审批表 dated unlike 立案 is a warning; 告知书 after its service is a fail', () => {
    expect(worst('P8.document-dates', (pkg) => (pkg.documents.find((d) => d.kind === '立案审批表')!.date = '2026-05-14'))).toBe('warn');
    expect(worst('P8.document-dates', (pkg) => (pkg.case.procedure.noticeServedOn = '2026-07-12'))).toBe('fail');
  });

  it('a 听证笔录 in the file (hearing date not typed in) still requires the 听证通知书', () => {
    const fs = run('P8.required-documents', (pkg) => pkg.documents.push(doc('听证笔录', '2026-07-24'), doc('听证报告', '2026-07-24')));
    expect(fs.map((f) => [f.severity, f.message])).toEqual([['fail', '案卷缺少听证通知书']]);
  });
  it('a 送达回证 for an earlier document does not break the order (mode: some)', () => {
    expect(worst('P8.document-order', (pkg) => pkg.documents.push(doc('送达回证', '2026-05-11', { title: '责令改正通知书送达回证' })))).toBe('ok');
  });
});

describe('P9 刑事追诉标准 (刑法第140条; 立案追诉标准（一）第16条) — a prompt, never a conclusion', () => {
  const amounts =
    (sales: number | undefined, goods: number | undefined): Mutate =>
    (pkg) => {
      const pd = pkg.case.proposedDecision;
      if (sales === undefined) delete pd.salesFen;
      else pd.salesFen = sales;
      if (goods === undefined) delete pd.goodsValueFen;
      else pd.goodsValueFen = goods;
    };
  it.each([
    ['刑法第140条: sales of exactly 50,000 yuan reach the threshold', 5_000_000, 5_000_000, 'warn'],
    ['刑法第140条: sales of 49,999.99 yuan do not', 4_999_999, 4_999_999, 'ok'],
    ['立案追诉标准第16条: unsold goods of 150,000 yuan reach the threshold', 0, 15_000_000, 'warn'],
    ['立案追诉标准第16条: sales × 3 + unsold = 150,000 yuan reaches the threshold', 3_000_000, 9_000_000, 'warn'],
    ['立案追诉标准第16条: sales × 3 + unsold 1 fen short does not', 3_000_000, 8_999_999, 'ok'],
  ])('%s', (_n, sales, goods, sev) => {
    const fs = run('P9.art140', amounts(sales, goods));
    expect(fs[0]!.severity).toBe(sev);
    expect(fs.every((f) => f.severity !== 'fail')).toBe(true);
  });
  it('the matched threshold is shown with its arithmetic', () => {
    const [f] = run('P9.art140', amounts(3_000_000, 9_000_000));
    expect(f!.message).toContain('请审核是否应当移送公安机关');
    expect(f!.computation).toContain('销售金额 30,000元 × 3 + 未销售货值 60,000元 = 150,000元 ≥ 150,000元');
  });
  it('missing amounts are reported, not guessed', () => {
    expect(worst('P9.art140', amounts(undefined, undefined))).toBe('info');
  });
  it('刑法第213条: a trademark case with 非法经营数额 ≥ 50,000 yuan is a prompt', () => {
    expect(
      worst('P9.art213', (pkg) => {
        pkg.case.proposedDecision.violatedProvisions = [{ law: '中华人民共和国商标法', article: '第五十七条' }];
        pkg.case.proposedDecision.legalBasis = [{ law: '中华人民共和国商标法', article: '第六十条' }];
        pkg.case.proposedDecision.goodsValueFen = 5_000_000;
      }),
    ).toBe('warn');
  });
  it('刑法第143条: food cases get the no-amount prompt', () => {
    expect(worst('P9.art143')).toBe('info');
  });
});

describe('P10 时效 (处罚法第三十六条: 二年；生命健康安全且有危害后果五年；连续或继续状态自终了之日起算)', () => {
  const period =
    (start: string, end: string, continuing: boolean, filed: string, lead = filed): Mutate =>
    (pkg) => {
      pkg.case.violationPeriod = { start, end, continuing };
      pkg.case.procedure.filedOn = filed;
      pkg.case.procedure.leadReceivedOn = lead;
    };
  const priceCase: Mutate = (pkg) => {
    pkg.case.proposedDecision.violatedProvisions = [{ law: '中华人民共和国价格法', article: '第十四条', clause: '第（四）项' }];
    pkg.case.proposedDecision.legalBasis = [{ law: '中华人民共和国价格法', article: '第四十条' }];
  };
  it.each<[string, Mutate, string]>([
    ['处罚法第36条: discovered exactly 2 years after the act is ok', period('2024-05-01', '2024-05-01', false, '2026-05-01'), 'ok'],
    ['处罚法第36条: 2 years and a day is barred (price case, no life/health extension)', (pkg) => (period('2024-05-01', '2024-05-01', false, '2026-05-02')(pkg), priceCase(pkg)), 'fail'],
    ['处罚法第36条: food safety cases may have 5 years if there was harm (warn)', period('2024-05-01', '2024-05-01', false, '2026-05-02'), 'warn'],
    ['处罚法第36条: beyond 5 years even for food safety is barred', period('2021-05-01', '2021-05-01', false, '2026-05-02'), 'fail'],
    ['处罚法第36条: a continuing violation counts from its end', (pkg) => (period('2023-01-01', '2024-05-10', true, '2026-05-10')(pkg), priceCase(pkg)), 'ok'],
    ['处罚法第36条: a continuing violation, one day too late', (pkg) => (period('2023-01-01', '2024-05-10', true, '2026-05-11')(pkg), priceCase(pkg)), 'fail'],
    ['处罚法第36条: a period not marked continuing is flagged when only the end is within 2 years', (pkg) => (period('2024-04-01', '2024-05-10', false, '2026-05-05')(pkg), priceCase(pkg)), 'warn'],
    ['处罚法第36条: a lead within the period but 立案 after it is flagged', (pkg) => (period('2024-05-01', '2024-05-01', false, '2026-05-06', '2026-04-28')(pkg), priceCase(pkg)), 'warn'],
  ])('%s', (_n, m, sev) => {
    expect(worst('P10.limitation', m)).toBe(sev);
  });
  it('处罚法第36条: five years for food safety with the lead inside them but 立案 after is a question of “发现”, not a bar', () => {
    const [f] = run('P10.limitation', period('2021-05-02', '2021-05-02', false, '2026-05-06', '2026-04-30'));
    expect(f!.severity).toBe('warn');
    expect(f!.message).toBe('立案已超过2年追责时效（至 2023-05-02）；本案涉及公民生命健康安全，如有危害后果，时效为5年，且如以线索登记 2026-04-30 为“发现”的时点，则未超过（至 2026-05-02），请核对危害后果、“发现”的时点');
  });
  it('处罚法第36条: five years counted from the end of a period not marked continuing is asked, not barred', () => {
    const [f] = run('P10.limitation', period('2021-01-01', '2022-05-01', false, '2026-05-15', '2026-05-11'));
    expect(f!.severity).toBe('warn');
    expect(f!.message).toContain('如违法行为有连续或者继续状态，自终了之日 2022-05-01 起算，则未超过（至 2027-05-01）');
  });
  it('处罚法第36条: late on every reading (5 years, from the end, at the lead) is barred, the widest reading shown', () => {
    const [f] = run('P10.limitation', period('2019-01-01', '2021-05-01', false, '2026-05-15', '2026-05-11'));
    expect(f!.severity).toBe('fail');
    expect(f!.message).toBe('违法行为已超过追责时效（5年，至 2024-01-01），不再给予行政处罚');
    expect(f!.computation).toContain('按5年、自终了之日 2021-05-01 起算、以线索登记 2026-05-11 为发现时点亦已超过（2021-05-01 + 5年 = 2026-05-01）');
  });
  it('adds years on 29 February', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-05-01', 2)).toBe('2026-05-01');
  });
});
