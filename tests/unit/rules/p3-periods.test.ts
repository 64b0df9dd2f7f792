// P3 — lead → 立案 (程序规定第18条: 15 working days, +15) and 立案 → decision (处罚法第60条: 90 days).
import { describe, expect, it } from 'vitest';
import { run, worst, type Mutate } from './fixture';

const dates =
  (p: Partial<{ lead: string; filed: string; proposed: string | undefined }>): Mutate =>
  (pkg) => {
    const pr = pkg.case.procedure;
    if (p.lead) pr.leadReceivedOn = p.lead;
    if (p.filed) pr.filedOn = p.filed;
    if ('proposed' in p) {
      if (p.proposed) pr.proposedDecisionOn = p.proposed;
      else delete pr.proposedDecisionOn;
    }
  };

describe('P3 立案期限 (程序规定第十八条: 15 working days from the lead, +15 with approval)', () => {
  it.each([
    ['程序规定第18条: 立案 on the 15th working day after the lead is ok', '2026-05-11', '2026-06-01', 'ok'],
    ['程序规定第18条: 立案 on the 16th working day is a fail', '2026-05-11', '2026-06-02', 'fail'],
    // 2026-09-21 + 15 working days crosses 中秋 and 国庆 and counts Saturday 2026-10-10 (调休上班).
    ['程序规定第18条: the make-up Saturday 2026-10-10 counts, so the 15th working day is 2026-10-19', '2026-09-21', '2026-10-19', 'ok'],
    ['程序规定第18条: 2026-10-20 is the 16th working day (10-10 counted) → fail', '2026-09-21', '2026-10-20', 'fail'],
    // 2026-02-05 + 15 working days spans the Spring Festival (02-15…23 off; 02-14 and 02-28 worked).
    ['程序规定第18条: spanning the Spring Festival, the 15th working day is 2026-03-04', '2026-02-05', '2026-03-04', 'ok'],
    ['程序规定第18条: spanning the Spring Festival, 2026-03-05 is too late', '2026-02-05', '2026-03-05', 'fail'],
  ])('%s', (_name, lead, filed, sev) => {
    const [f] = run('P3.filing-within-15-working-days', dates({ lead, filed }));
    expect(f!.severity).toBe(sev);
    expect(f!.computation).toContain(`线索 ${lead} + 15个工作日`);
  });

  it('程序规定第18条: an extension approved before 立案 adds 15 working days', () => {
    const ext: Mutate = (pkg) => {
      dates({ lead: '2026-09-21', filed: '2026-11-09' })(pkg);
      pkg.case.procedure.extensions = [{ days: 15, approvedOn: '2026-10-16', approvedBy: '分管局长' }];
    };
    const [f] = run('P3.filing-within-15-working-days', ext);
    expect(f!.severity).toBe('ok');
    expect(f!.computation).toContain('延长 15个工作日 → 2026-11-09');
    expect(worst('P3.filing-within-15-working-days', (pkg) => (ext(pkg), (pkg.case.procedure.filedOn = '2026-11-10')))).toBe('fail');
  });

  it('程序规定第18条: an extension approved after the 15 working days had run out is asked about, not taken as in time', () => {
    // 2026-03-02 + 15 working days = 2026-03-23; approved 04-01; 立案 04-10 (the 28th working day).
    const late: Mutate = (pkg) => {
      dates({ lead: '2026-03-02', filed: '2026-04-10' })(pkg);
      pkg.case.procedure.extensions = [{ days: 15, approvedOn: '2026-04-01', approvedBy: '分管局长' }];
    };
    const [f] = run('P3.filing-within-15-working-days', late);
    expect(f!.severity).toBe('warn');
    expect(f!.message).toBe('立案在线索登记后第 28 个工作日，超过原核查期限（至 2026-03-23）；延长核查期限的批准（2026-04-01）晚于原期限届满日，延期应在期限届满前批准，请核对');
    expect(f!.computation).toContain('延长审批 2026-04-01 晚于原期限届满日 2026-03-23');
    // Approved on the last day of the period: in time.
    expect(worst('P3.filing-within-15-working-days', (pkg) => (late(pkg), (pkg.case.procedure.extensions[0]!.approvedOn = '2026-03-23')))).toBe('ok');
    // 立案 within the first 15 working days: the extension was not needed, nothing to ask.
    expect(worst('P3.filing-within-15-working-days', (pkg) => (late(pkg), (pkg.case.procedure.filedOn = '2026-03-20')))).toBe('ok');
  });

  it('程序规定第18条: an extension counts as approved — 5 working days extend by 5, and never beyond 15', () => {
    const ext = (days: number, filed: string): Mutate => (pkg) => {
      dates({ lead: '2026-09-21', filed })(pkg);
      pkg.case.procedure.extensions = [{ days, approvedOn: '2026-10-16', approvedBy: '分管局长' }];
    };
    // 09-21 + 15 working days = 10-19; + 5 more = 10-26; + 15 more = 11-09.
    expect(worst('P3.filing-within-15-working-days', ext(5, '2026-10-26'))).toBe('ok');
    expect(worst('P3.filing-within-15-working-days', ext(5, '2026-10-27'))).toBe('fail');
    const [f] = run('P3.filing-within-15-working-days', ext(30, '2026-11-10'));
    expect(f!.severity).toBe('fail');
    expect(f!.computation).toContain('批准延长 15个工作日（批准 30 个，最多可延长 15个工作日） → 2026-11-09');
  });

  it('立案 before the lead is a fail', () => {
    expect(worst('P3.filing-within-15-working-days', dates({ lead: '2026-05-11', filed: '2026-05-08' }))).toBe('fail');
  });
});

describe('P3 办案期限 (处罚法第六十条: decision within 90 days of 立案)', () => {
  it.each([
    ['处罚法第60条: decision exactly 90 days after 立案 is ok', '2026-05-15', '2026-08-13', 'ok'],
    ['处罚法第60条: decision on day 91 is a fail', '2026-05-15', '2026-08-14', 'fail'],
    // 2025-11-17 + 90 = 2026-02-15, inside the Spring Festival (02-15…23): the period ends 02-24.
    ['处罚法第60条: a deadline inside the Spring Festival moves to the next working day (2026-02-24)', '2025-11-17', '2026-02-24', 'ok'],
    ['处罚法第60条: 2026-02-25 is past the rolled deadline', '2025-11-17', '2026-02-25', 'fail'],
  ])('%s', (_name, filed, proposed, sev) => {
    const [f] = run('P3.decision-within-90-days', dates({ filed, lead: filed, proposed }));
    expect(f!.severity).toBe(sev);
  });

  it('处罚法第60条: the computation shows the arithmetic and the overrun', () => {
    const [f] = run('P3.decision-within-90-days', dates({ filed: '2026-05-15', proposed: '2026-08-16' }));
    expect(f!.computation).toBe('立案 2026-05-15 + 90日 = 2026-08-13；拟决定日 2026-08-16，超期 3 日');
    expect(f!.message).toContain('超期 3 日');
  });

  it('处罚法第60条: rolling over the Spring Festival is shown', () => {
    const [f] = run('P3.decision-within-90-days', dates({ filed: '2025-11-17', lead: '2025-11-17', proposed: '2026-02-24' }));
    expect(f!.computation).toContain('2026-02-15 为休息日，顺延至 2026-02-24');
  });

  it('程序规定第86条: hearing time excluded from the 90 days (7 days → deadline + 7)', () => {
    const m: Mutate = (pkg) => {
      pkg.case.procedure.excludedPeriods = [{ start: '2026-07-01', end: '2026-07-07', reason: '听证' }];
      pkg.case.procedure.proposedDecisionOn = '2026-08-20';
    };
    const [f] = run('P3.decision-within-90-days', m);
    expect(f!.severity).toBe('ok');
    expect(f!.computation).toContain('听证 2026-07-01 至 2026-07-07（7 日），计入扣除 7 日 → 2026-08-20');
    expect(worst('P3.decision-within-90-days', (pkg) => (m(pkg), (pkg.case.procedure.proposedDecisionOn = '2026-08-21')))).toBe('fail');
  });

  it('程序规定: only the time the rules name is not counted — another reason (内部审批) is asked about', () => {
    const fs = run('P3.excluded-period', (pkg) => {
      pkg.case.procedure.excludedPeriods = [
        { start: '2026-06-01', end: '2026-06-07', reason: '检验（抽样送检至出具检验报告）' },
        { start: '2026-06-10', end: '2026-06-30', reason: '内部审批' },
      ];
    });
    expect(fs.map((f) => [f.severity, f.message])).toEqual([['warn', '不计入办案期限的“内部审批”（2026-06-10 至 2026-06-30）不属于规定可不计入的情形，请核对扣除的依据']]);
    expect(fs[0]!.computation).toContain('中止、听证、公告、检测、检验、检疫、鉴定');
    expect(fs[0]!.refs[0]).toMatchObject({ id: 'case.procedure.excludedPeriods.1', label: '内部审批' });
    expect(run('P3.excluded-period', (pkg) => (pkg.case.procedure.excludedPeriods = [{ start: '2026-06-10', end: '2026-06-16', reason: '听证' }]))).toEqual([]);
  });

  it('程序规定第86条: overlapping excluded periods are counted once', () => {
    const [f] = run('P3.decision-within-90-days', (pkg) => {
      pkg.case.procedure.excludedPeriods = [
        { start: '2026-07-01', end: '2026-07-07', reason: '检验' },
        { start: '2026-07-05', end: '2026-07-10', reason: '鉴定' },
      ];
      pkg.case.procedure.proposedDecisionOn = '2026-08-23';
    });
    expect(f!.computation).toContain('计入扣除 10 日 → 2026-08-23');
    expect(f!.severity).toBe('ok');
  });

  it('程序规定第86条: an approved 30-day extension; a deadline on a Saturday ends on Monday', () => {
    const ext: Mutate = (pkg) => {
      pkg.case.procedure.extensions = [{ days: 30, approvedOn: '2026-08-01', approvedBy: '局长' }];
      pkg.case.procedure.proposedDecisionOn = '2026-09-14';
    };
    const [f] = run('P3.decision-within-90-days', ext);
    expect(f!.severity).toBe('ok');
    expect(f!.computation).toContain('2026-08-01 经 局长 批准延长 30 日 → 2026-09-12');
    expect(f!.computation).toContain('2026-09-12 为休息日，顺延至 2026-09-14');
    expect(worst('P3.decision-within-90-days', (pkg) => (ext(pkg), (pkg.case.procedure.proposedDecisionOn = '2026-09-15')))).toBe('fail');
  });

  it('程序规定第86条: extensions beyond 30 days need collective discussion; late approval is flagged', () => {
    const fs = run('P3.extension-approval', (pkg) => {
      pkg.case.procedure.extensions = [
        { days: 30, approvedOn: '2026-08-20', approvedBy: '局长' },
        { days: 20, approvedOn: '2026-09-10', approvedBy: '局长' },
      ];
      pkg.case.procedure.proposedDecisionOn = '2026-10-01';
    });
    expect(fs.map((f) => f.severity)).toEqual(['warn', 'warn']);
    expect(fs[0]!.message).toContain('晚于原期限届满日');
    expect(fs[1]!.message).toContain('集体讨论');
    expect(run('P3.extension-approval', (pkg) => (pkg.case.procedure.extensions = [{ days: 40, approvedOn: '2026-08-01', approvedBy: '负责人集体讨论' }]))).toEqual([]);
  });

  it('程序规定第86条: a 90th day on a holiday runs to the next working day, so an extension approved then is in time', () => {
    // 2026-01-04 + 90 = 2026-04-04 (清明, 04-04…06 off): the period ends 04-07.
    const ext = (approvedOn: string): Mutate => (pkg) => {
      dates({ lead: '2026-01-04', filed: '2026-01-04', proposed: '2026-04-20' })(pkg);
      pkg.case.procedure.extensions = [{ days: 30, approvedOn, approvedBy: '局长' }];
    };
    expect(run('P3.extension-approval', ext('2026-04-07'))).toEqual([]);
    const [late] = run('P3.extension-approval', ext('2026-04-08'));
    expect(late!.message).toBe('延长办案期限的批准（2026-04-08）晚于原期限届满日（2026-04-07），延期应在期限届满前批准');
  });

  it('处罚法第60条: without a proposed decision date, today is checked', () => {
    const [late] = run('P3.decision-within-90-days', dates({ filed: '2026-05-01', lead: '2026-05-01', proposed: undefined }), { today: '2026-08-01' });
    expect(late!.severity).toBe('fail');
    expect(late!.message).toContain('尚未作出决定');
    const [fine] = run('P3.decision-within-90-days', dates({ proposed: undefined }), { today: '2026-08-01' });
    expect(fine!.severity).toBe('ok');
  });

  it('处罚法第60条: a year the calendar does not cover (2027) is never silent', () => {
    // 2026-10-05 + 90 = 2027-01-03 (Sunday): rolling needs the 2027 schedule, which is not published.
    const [f] = run('P3.decision-within-90-days', dates({ filed: '2026-10-05', lead: '2026-10-05', proposed: '2027-01-04' }));
    expect(f!.message).toContain('2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）');
    expect(f!.computation).toContain('2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）');
    expect(f!.severity).toBe('warn');
  });
});
