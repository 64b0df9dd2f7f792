// P3 — 告知 (处罚法第44条), statement window (第45条、第64条), hearing right (第63条; 听证办法第5条),
// hearing notice (第64条), delivery (第61条), date order.
import { describe, expect, it } from 'vitest';
import { doc, run, setFine, worst, type Mutate } from './fixture';

const notice =
  (served: string, proposed: string, extra: Mutate = () => {}): Mutate =>
  (pkg) => {
    const pr = pkg.case.procedure;
    pr.noticeServedOn = served;
    pr.proposedDecisionOn = proposed;
    delete pr.statementHeardOn;
    pkg.documents = pkg.documents.filter((d) => d.kind !== '行政处罚告知书' && d.kind !== '陈述申辩笔录');
    pkg.documents.push(doc('行政处罚告知书', served, { docNumber: '马市监罚告〔2026〕1号' }));
    extra(pkg);
  };

describe('P3 告知 (处罚法第四十四条)', () => {
  it('处罚法第44条: no notice at all is a fail', () => {
    const fs = run('P3.notice-before-decision', (pkg) => {
      delete pkg.case.procedure.noticeServedOn;
      pkg.documents = pkg.documents.filter((d) => d.kind !== '行政处罚告知书');
    });
    expect(fs[0]!.severity).toBe('fail');
  });
  it('处罚法第44条: notice on the decision day is a fail', () => {
    expect(worst('P3.notice-before-decision', notice('2026-07-27', '2026-07-27'))).toBe('fail');
  });
  it('处罚法第44条: a notice date without a 告知书 is flagged', () => {
    const fs = run('P3.notice-before-decision', (pkg) => (pkg.documents = pkg.documents.filter((d) => d.kind !== '行政处罚告知书')));
    expect(fs.map((f) => f.severity)).toEqual(['ok', 'warn']);
  });
  it('处罚法第44条: notice before the investigation concluded is a warning', () => {
    expect(worst('P3.notice-before-decision', (pkg) => (pkg.case.procedure.investigationConcludedOn = '2026-07-14'))).toBe('warn');
  });
});

describe('P3 陈述申辩、要求听证期限 (处罚法第64条 五日 / SAMR 五个工作日 — both shown)', () => {
  it.each([
    // 2026-02-12 (Thu) + 5 working days: 02-13 ①, Sat 02-14 调休 ②, 02-15…23 春节, 02-24 ③, 02-25 ④, 02-26 ⑤.
    ['处罚法第64条: across the Spring Festival the window closes 2026-02-26; a decision that day is premature', '2026-02-12', '2026-02-26', 'fail'],
    ['处罚法第64条: across the Spring Festival, deciding 2026-02-27 is ok', '2026-02-12', '2026-02-27', 'ok'],
    // 2026-10-09 (Fri) + 5 working days: Sat 10-10 调休 ①, 10-12 ②, 10-13 ③, 10-14 ④, 10-15 ⑤.
    ['处罚法第64条: the make-up Saturday 2026-10-10 counts: the window closes 10-15', '2026-10-09', '2026-10-15', 'fail'],
    ['处罚法第64条: deciding 2026-10-16 is ok because 10-10 was a working day', '2026-10-09', '2026-10-16', 'ok'],
  ])('%s', (_n, served, proposed, sev) => {
    const [f] = run('P3.statement-window', notice(served, proposed));
    expect(f!.severity).toBe(sev);
  });

  it('处罚法第64条: without a recorded service date the window runs from the 告知书’s 送达回证, not from the day it was written', () => {
    // 告知书 dated 07-13, served 07-20 (its 送达回证): 5 working days run to 07-27; deciding 07-24 is premature.
    const served: Mutate = (pkg) => {
      const pr = pkg.case.procedure;
      delete pr.noticeServedOn;
      delete pr.statementHeardOn;
      pr.proposedDecisionOn = '2026-07-24';
      pkg.documents.find((d) => d.id === 'd-receipt')!.date = '2026-07-20';
    };
    const [f] = run('P3.statement-window', served);
    expect(f!.severity).toBe('fail');
    expect(f!.message).toContain('（至 2026-07-27）');
    expect(f!.computation).toContain('案卷未记录告知送达日期，按行政处罚告知书送达回证的日期 2026-07-20 计');
    // No 送达回证 for the notice: its own date, and the computation says so.
    const [g] = run('P3.statement-window', (pkg) => (served(pkg), (pkg.documents = pkg.documents.filter((d) => d.id !== 'd-receipt'))));
    expect(g!.computation).toContain('亦未见告知书的送达回证，按行政处罚告知书的日期 2026-07-13 计');
  });

  it('处罚法第64条: the computation shows 5 working days (applied) and 5 days (reference)', () => {
    const [f] = run('P3.statement-window', notice('2026-02-12', '2026-02-27'));
    expect(f!.computation).toContain('告知 2026-02-12 + 5个工作日 = 2026-02-26（5个工作日，适用）');
    expect(f!.computation).toContain('按5日：2026-02-12 + 5日 = 2026-02-17（2026-02-17 为休息日，顺延至 2026-02-24）（参考）');
  });

  it('处罚法第64条: a window running into 2027 carries the calendar warning', () => {
    const [f] = run('P3.statement-window', notice('2026-12-28', '2027-01-06'), { today: '2027-01-06' });
    expect(f!.message).toContain('2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）');
    expect(f!.severity).toBe('warn');
  });

  it('处罚法第64条: 元旦 2027 is a rest day by law before the 2027 schedule is out — deciding 01-05 is premature', () => {
    // 12-28 + 5 working days: 12-29, 12-30, 12-31, (01-01 元旦), 01-04, 01-05. Weekends alone ended it on 01-04.
    const [f] = run('P3.statement-window', notice('2026-12-28', '2027-01-05'), { today: '2027-01-05' });
    expect(f!.severity).toBe('fail');
    expect(f!.message).toContain('（至 2027-01-05）');
  });

  it('处罚法第45条: a decision inside the window after the party made its statement is a warning, not a fail', () => {
    const [f] = run('P3.statement-window', notice('2026-07-13', '2026-07-17', (pkg) => (pkg.case.procedure.statementHeardOn = '2026-07-14')));
    expect(f!.severity).toBe('warn');
  });

  it('处罚法第45条: a statement before the notice is a fail', () => {
    expect(worst('P3.statement-heard', (pkg) => (pkg.case.procedure.statementHeardOn = '2026-07-10'))).toBe('fail');
  });

  it('处罚法第64条: at a hearing the party states its case, so a heard case never reads “no statement recorded”', () => {
    const requested: Mutate = (pkg) => (pkg.case.procedure.hearingRequestedOn = '2026-07-15');
    const [held] = run('P3.statement-heard', notice('2026-07-13', '2026-08-10', (pkg) => (requested(pkg), (pkg.case.procedure.hearingHeldOn = '2026-07-28'))));
    expect(held!.severity).toBe('ok');
    expect(held!.message).toContain('2026-07-28 的听证中陈述申辩');
    const [notHeld] = run('P3.statement-heard', notice('2026-07-13', '2026-08-10', requested));
    expect(notHeld!.message).toContain('要求听证');
    expect(notHeld!.message).not.toContain('可能放弃');
    const [silent] = run('P3.statement-heard', notice('2026-07-13', '2026-08-10'));
    expect(silent!.message).toContain('可能放弃');
  });
});

describe('P3 听证权利 (处罚法第六十三条; 听证办法第五条: 自然人一万元、法人和其他组织十万元以上)', () => {
  const kind =
    (k: 'natural' | 'legal' | 'other', fen: number): Mutate =>
    (pkg) => {
      pkg.parties[0]!.kind = k;
      setFine(fen)(pkg);
    };
  it.each([
    ['听证办法第5条: a natural person fined exactly 10,000 yuan has a hearing right', 'natural', 1_000_000, 'info'],
    ['听证办法第5条: a natural person fined 9,999.99 yuan has none', 'natural', 999_999, 'ok'],
    ['听证办法第5条: a legal person fined exactly 100,000 yuan has a hearing right', 'legal', 10_000_000, 'info'],
    ['听证办法第5条: a legal person fined 99,999.99 yuan has none', 'legal', 9_999_999, 'ok'],
    ['听证办法第5条: another organisation fined exactly 100,000 yuan has a hearing right', 'other', 10_000_000, 'info'],
  ] as const)('%s', (_n, k, fen, sev) => {
    const [f] = run('P3.hearing-required', kind(k, fen));
    expect(f!.severity).toBe(sev);
  });

  it('听证办法第5条: confiscation counts against the threshold', () => {
    const [f] = run('P3.hearing-required', (pkg) => {
      kind('legal', 5_000_000)(pkg);
      pkg.case.proposedDecision.penalties.find((p) => p.type === 'confiscate_gains')!.amountFen = 10_000_000;
    });
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('没收违法所得、非法财物价值');
  });

  it('听证办法第5条: a fine without its amount cannot be measured against the threshold — a warning, never “not required”', () => {
    const [f] = run('P3.hearing-required', (pkg) => {
      delete pkg.case.proposedDecision.penalties.find((p) => p.type === 'fine')!.amountFen;
    });
    expect(f!.severity).toBe('warn');
    expect(f!.message).toBe('无法判断是否应当告知听证权利：拟处罚“罚款人民币柒万元”未载明罚款数额，无法判断是否达到对自然人罚款10,000元以上的标准，请核对');
  });

  it('听证办法第5条: goods confiscated without a value count at most the 货值金额; with no 货值 the reviewer is asked (info)', () => {
    const small: Mutate = (pkg) => {
      kind('legal', 5_000_000)(pkg);
      pkg.case.proposedDecision.penalties = pkg.case.proposedDecision.penalties.filter((p) => p.type !== 'confiscate_gains');
    };
    // 货值 1,520 yuan bounds the 12 bags: far below 100,000 yuan.
    const [bounded] = run('P3.hearing-required', small);
    expect(bounded!.severity).toBe('ok');
    expect(bounded!.computation).toContain('“没收超过保质期的食品12袋”未载明价值，以货值金额 1,520元 为上限，合计至多 1,520元');
    // 货值 200,000 yuan: the goods may be worth 100,000 yuan or more.
    const [large] = run('P3.hearing-required', (pkg) => (small(pkg), (pkg.case.proposedDecision.goodsValueFen = 20_000_000)));
    expect(large!.severity).toBe('warn');
    expect(large!.message).toContain('没收的非法财物未载明价值，按货值金额计没收价值总额可能达到100,000元');
    // No 货值 at all.
    const [unknown] = run('P3.hearing-required', (pkg) => (small(pkg), delete pkg.case.proposedDecision.goodsValueFen));
    expect(unknown!.severity).toBe('info');
    expect(unknown!.message).toBe('无法判断是否应当告知听证权利：“没收超过保质期的食品12袋”未载明价值；没收违法所得和非法财物价值总额达到100,000元（法人）的，应当告知听证权利，请核对');
  });

  it('处罚法第63条: revoking a licence requires a hearing right whatever the amount', () => {
    const [f] = run('P3.hearing-required', (pkg) => {
      kind('legal', 100_000)(pkg);
      pkg.case.proposedDecision.penalties.push({ type: 'revoke_license', description: '吊销食品经营许可证' });
    });
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('吊销许可证件');
  });

  it('处罚法第63条: required but never offered (no notice) is a fail', () => {
    const fs = run('P3.hearing-offered', (pkg) => {
      delete pkg.case.procedure.noticeServedOn;
      pkg.documents = pkg.documents.filter((d) => d.kind !== '行政处罚告知书');
    });
    expect(fs[0]!.severity).toBe('fail');
  });

  it('处罚法第64条: a hearing requested but not held is a fail unless withdrawn', () => {
    const req: Mutate = (pkg) => (pkg.case.procedure.hearingRequestedOn = '2026-07-15');
    expect(worst('P3.hearing-held', req)).toBe('fail');
    expect(worst('P3.hearing-held', (pkg) => (req(pkg), pkg.documents.push(doc('撤回听证申请书', '2026-07-17'))))).toBe('ok');
  });
});

describe('P3 听证 in the documents when the procedure dates are empty (处罚法第六十四条)', () => {
  it('a 听证申请书 in the file is a request: never “当事人未申请听证”, and a hearing must follow', () => {
    const requested: Mutate = (pkg) => pkg.documents.push(doc('听证申请书', '2026-07-15', { title: '听证申请书' }));
    const offered = run('P3.hearing-offered', requested);
    expect(offered.map((f) => f.message)).toEqual(['当事人已于 2026-07-15 申请听证（据听证申请书；案卷未记录申请听证日期）']);
    const [heldF] = run('P3.hearing-held', requested);
    expect(heldF!.severity).toBe('fail');
    expect(heldF!.refs[0]).toMatchObject({ kind: 'document', label: '听证申请书' });
    // A withdrawal is not a request, nor is a notice of the right to request one.
    expect(run('P3.hearing-held', (pkg) => pkg.documents.push(doc('撤回听证申请书', '2026-07-16')))).toEqual([]);
    expect(run('P3.hearing-held', (pkg) => pkg.documents.push(doc('要求听证权利告知书', '2026-07-13')))).toEqual([]);
  });
  it('处罚法第64条: a decision inside the window after a documented hearing request is premature (a fail, not “已陈述申辩” waiver)', () => {
    const [f] = run('P3.statement-window', (pkg) => {
      pkg.case.procedure.proposedDecisionOn = '2026-07-17';
      pkg.documents.push(doc('听证申请书', '2026-07-15'));
    });
    expect(f!.severity).toBe('fail');
  });
  it('处罚法第65条: a 听证笔录 dated after the proposed decision puts the decision before the hearing (date order)', () => {
    const fs = run('P3.date-order', (pkg) => pkg.documents.push(doc('听证申请书', '2026-07-14'), doc('听证笔录', '2026-07-30', { title: '听证笔录' })));
    expect(fs.map((f) => [f.severity, f.message])).toEqual([['fail', '拟作出决定日期 2026-07-27 早于听证日期 2026-07-30']]);
    expect(fs[0]!.refs[0]).toMatchObject({ kind: 'document', label: '听证笔录' });
  });
  it('a 听证笔录 dates the hearing: the 7 days’ notice is checked against it', () => {
    const [f] = run('P3.hearing-notice-7-days', (pkg) => pkg.documents.push(doc('听证申请书', '2026-07-14'), doc('听证通知书', '2026-07-20'), doc('听证笔录', '2026-07-24', { title: '听证笔录' })));
    expect(f!.severity).toBe('fail');
    expect(f!.computation).toContain('听证 2026-07-24（据听证笔录；案卷未记录听证日期）');
  });
});

describe('P3 听证通知 (处罚法第六十四条: 举行听证的七日前通知)', () => {
  const held =
    (noticeOn: string, heldOn: string): Mutate =>
    (pkg) => {
      pkg.case.procedure.hearingRequestedOn = '2026-06-30';
      pkg.case.procedure.hearingHeldOn = heldOn;
      pkg.documents.push(doc('听证通知书', noticeOn, { docNumber: '马市监听通〔2026〕1号' }));
    };
  it.each([
    ['处罚法第64条: 6 days before the hearing is a fail', '2026-07-01', '2026-07-07', 'fail'],
    ['处罚法第85条: 7 calendar days are only 5 working days — still a fail', '2026-07-01', '2026-07-08', 'fail'],
    ['处罚法第64条、第85条: 7 working days before the hearing is ok', '2026-07-01', '2026-07-10', 'ok'],
    ['处罚法第85条: 国庆 does not count — notice 09-29, hearing 10-08 is a fail', '2026-09-29', '2026-10-08', 'fail'],
  ])('%s', (_n, noticeOn, heldOn, sev) => {
    const [f] = run('P3.hearing-notice-7-days', held(noticeOn, heldOn));
    expect(f!.severity).toBe(sev);
  });

  it('处罚法第64条: the 7 days run from the notice’s service (its 送达回证), not from the day it was written', () => {
    // Written 07-01, served 07-06: 7 working days to 07-15; a hearing on 07-10 is too early.
    const late: Mutate = (pkg) => (held('2026-07-01', '2026-07-10')(pkg), pkg.documents.push(doc('送达回证', '2026-07-06', { title: '听证通知书送达回证' })));
    const [f] = run('P3.hearing-notice-7-days', late);
    expect(f!.severity).toBe('fail');
    expect(f!.message).toBe('听证通知书（2026-07-06 送达）距听证（2026-07-10）不足7个工作日');
    expect(f!.computation).toContain('听证通知书 2026-07-01 制作，2026-07-06 送达（听证通知书送达回证）');
    // Another document's 送达回证 does not count.
    expect(worst('P3.hearing-notice-7-days', (pkg) => (held('2026-07-01', '2026-07-10')(pkg), pkg.documents.push(doc('送达回证', '2026-07-06', { title: '责令改正通知书送达回证' }))))).toBe('ok');
  });

  it('听证期间不计入办案期限: a hearing outside the excluded periods gets a hint', () => {
    expect(worst('P3.hearing-excluded', held('2026-07-01', '2026-07-10'))).toBe('info');
  });
});

describe('P3 送达 (处罚法第六十一条: 七日内送达)', () => {
  const delivered =
    (decision: string, receipt: string): Mutate =>
    (pkg) => {
      pkg.documents.push(doc('行政处罚决定书', decision, { docNumber: '马市监处罚〔2026〕101号' }), doc('送达回证', receipt, { title: '行政处罚决定书送达回证' }));
    };
  it.each([
    ['处罚法第61条: delivered on the 7th day is ok', '2026-07-27', '2026-08-03', 'ok'],
    ['处罚法第85条: on the 7th working day (the 8th calendar day) is in time, the calendar reading told', '2026-07-27', '2026-08-05', 'info'],
    ['处罚法第85条: after the 7th working day is a fail', '2026-07-27', '2026-08-06', 'fail'],
    ['处罚法第85条: 国庆 does not count — decision 09-29, delivered 10-09 is in time', '2026-09-29', '2026-10-09', 'info'],
  ])('%s', (_n, d, r, sev) => {
    expect(worst('P3.delivery-within-7-days', delivered(d, r), { today: '2026-08-10' })).toBe(sev);
  });
  it('处罚法第61条: the decision’s own 送达回证 counts, not another document’s served after it', () => {
    const fs = run(
      'P3.delivery-within-7-days',
      (pkg) =>
        pkg.documents.push(
          doc('行政处罚决定书', '2026-07-27', { docNumber: '马市监处罚〔2026〕101号' }),
          doc('送达回证', '2026-07-28', { title: '责令改正通知书送达回证' }),
          doc('送达回证', '2026-08-10', { title: '行政处罚决定书送达回证' }),
        ),
      { today: '2026-08-12' },
    );
    expect(fs.map((f) => [f.severity, f.message])).toEqual([['fail', '决定书送达（2026-08-10）超过7个工作日（至 2026-08-05）']]);
  });
  it('no decision yet: no delivery finding', () => {
    expect(run('P3.delivery-within-7-days')).toEqual([]);
  });
});

describe('P3 程序日期顺序', () => {
  it('处罚法第58条、第65条: a 决定书 dated before the review or the hearing is a fail, naming the document', () => {
    const fs = run('P3.date-order', (pkg) => {
      pkg.case.procedure.hearingRequestedOn = '2026-07-15';
      pkg.case.procedure.hearingHeldOn = '2026-07-24';
      pkg.documents.push(doc('行政处罚决定书', '2026-07-20', { docNumber: '马市监处罚〔2026〕101号' }));
    });
    const bad = fs.filter((f) => f.severity === 'fail').map((f) => f.message);
    expect(bad.some((m) => /日期 2026-07-20 早于听证日期 2026-07-24/.test(m))).toBe(true);
    expect(bad.some((m) => /日期 2026-07-20 早于送审（法制审核）日期 2026-07-22/.test(m))).toBe(true);
    expect(fs.some((f) => f.severity === 'ok')).toBe(false);
  });

  it('法制审核 must precede the decision (处罚法第58条)', () => {
    const fs = run('P3.date-order', (pkg) => (pkg.case.procedure.proposedDecisionOn = '2026-07-20'));
    expect(fs.some((f) => f.severity === 'fail' && f.message.includes('拟作出决定日期 2026-07-20 早于送审（法制审核）日期'))).toBe(true);
  });
  it('dates after today are a fail', () => {
    expect(worst('P3.date-order', undefined, { today: '2026-07-21' })).toBe('fail');
  });
});
