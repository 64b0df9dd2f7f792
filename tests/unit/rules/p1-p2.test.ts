// P1 执法主体 (程序规定第6条; 权责清单) and P2 执法人员 (处罚法第42条、第58条第2款).
import { describe, expect, it } from 'vitest';
import { jurisdictionNames } from '../../../src/shared/rules/checks/p1-jurisdiction';
import { doc, ev, run, worst, type Mutate } from './fixture';

describe('P1 管辖与权责清单', () => {
  it.each([
    ['程序规定第6条: a party in the city is within a city agency', '安徽省马鞍山市花山区湖东路1号', 'ok'],
    ['程序规定第6条: a party elsewhere is flagged for the reviewer (place of violation may differ)', '安徽省芜湖市镜湖区中山路2号', 'warn'],
  ])('%s', (_n, address, sev) => {
    expect(worst('P1.territorial', (pkg) => (pkg.parties[0]!.address = address))).toBe(sev);
  });

  it('程序规定第6条: the place of the violation decides when the case file states it, whatever the party’s address', () => {
    const elsewhere = (pkg: Parameters<Mutate>[0]) => {
      pkg.parties[0]!.address = '安徽省芜湖市镜湖区中山路2号';
      pkg.case.violationPlace = '安徽省马鞍山市花山区湖东路1号';
    };
    expect(worst('P1.territorial', elsewhere)).toBe('ok');
    expect(
      worst('P1.territorial', (pkg) => {
        pkg.parties[0]!.address = '安徽省马鞍山市花山区湖东路1号';
        pkg.case.violationPlace = '安徽省芜湖市镜湖区中山路2号';
      }),
    ).toBe('warn');
    // Without the place, the address is only a pointer, and the finding says so.
    const [f] = run('P1.territorial', (pkg) => (pkg.parties[0]!.address = '安徽省马鞍山市花山区湖东路1号'));
    expect(f!.message).toMatch(/^案卷未载明违法行为发生地；当事人.+住所位于马鞍山市/);
  });

  it('derives place names from the agency name when the region is a code', () => {
    expect(jurisdictionNames({ name: '马鞍山市市场监督管理局', region: '340500' })).toEqual(['马鞍山市', '马鞍山']);
    expect(jurisdictionNames({ name: '花山区市场监督管理局', region: '安徽省马鞍山市花山区' })).toContain('花山区');
  });

  it.each([
    ['权责清单: 食品安全法 is within a market-regulation agency’s powers', '中华人民共和国食品安全法', 'ok'],
    ['权责清单: 治安管理处罚法 belongs to the police', '中华人民共和国治安管理处罚法', 'fail'],
    ['权责清单: a law not in the list is a warning', '中华人民共和国森林法', 'warn'],
  ])('%s', (_n, law, sev) => {
    expect(worst('P1.power-list', (pkg) => (pkg.case.proposedDecision.legalBasis = [{ law, article: '第一条' }]))).toBe(sev);
  });

  it('权责清单: 反垄断法 penalties need a provincial agency', () => {
    expect(worst('P1.power-list', (pkg) => (pkg.case.proposedDecision.legalBasis = [{ law: '中华人民共和国反垄断法', article: '第五十六条' }]))).toBe('fail');
  });
});

describe('P2 两名执法人员 (处罚法第四十二条)', () => {
  it('处罚法第42条: evidence collected by one officer is a fail', () => {
    const fs = run('P2.two-officers', (pkg) => (pkg.evidence[0]!.collectedBy = ['o1']));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('fail');
    expect(fs[0]!.message).toContain('营业执照复印件');
    expect(fs[0]!.refs).toContainEqual({ kind: 'evidence', id: 'e1', label: '营业执照复印件' });
  });
  it('处罚法第42条: a 笔录 with only one case officer is a warning (the document does not name its officers)', () => {
    const fs = run('P2.two-officers', (pkg) => {
      pkg.case.caseOfficerIds = ['o1'];
    });
    // The two 笔录 share the same shortfall: one finding lists both.
    expect(fs.map((f) => f.severity)).toEqual(['warn']);
    expect(fs[0]!.message).toMatch(/^2 项调查取证活动的执法人员不足2人/);
    expect(fs[0]!.refs.filter((r) => r.kind === 'document')).toHaveLength(2);
  });
  it('a case with one officer throughout reads as one finding per kind of act, not one per item', () => {
    const fs = run('P2.two-officers', (pkg) => {
      pkg.case.caseOfficerIds = ['o1'];
      for (const e of pkg.evidence) e.collectedBy = ['o1'];
    });
    expect(fs.map((f) => f.severity)).toEqual(['fail', 'warn']);
    expect(fs[0]!.message).toContain(`${3} 项调查取证活动`);
  });
});

describe('P2 执法证有效期 (处罚法第四十二条: 具有行政执法资格)', () => {
  // e1 and e2 are collected on 2026-05-11 by o1 and o2.
  const validTo =
    (to: string, from = '2024-01-01'): Mutate =>
    (pkg) => {
      pkg.officers[1]!.credentialValidTo = to;
      pkg.officers[1]!.credentialValidFrom = from;
    };
  it('处罚法第42条: a credential that expired the day before the act is a fail naming officer, number, validity and date', () => {
    const fs = run('P2.credential-valid', (pkg) => {
      validTo('2026-05-10')(pkg);
      pkg.documents = pkg.documents.filter((d) => d.kind !== '现场笔录' && d.kind !== '询问笔录');
      pkg.evidence = pkg.evidence.filter((e) => e.id === 'e1');
    });
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('fail');
    expect(fs[0]!.message).toBe('执法人员张强在证据“营业执照复印件”的收集（2026-05-11）时执法证已于 2026-05-10 到期');
    expect(fs[0]!.computation).toBe('张强（执法证号 340501201900o2，有效期 2024-01-01 至 2026-05-10）；行为日期 2026-05-11：晚于有效期');
  });
  it('处罚法第42条: one expired credential is one finding listing the acts after it, not one per piece of evidence', () => {
    // Expired 05-10: e1, e2 (05-11) and e3 (05-18) are the officer's named acts; the 笔录 are presumed.
    const fs = run('P2.credential-valid', validTo('2026-05-10'));
    expect(fs.map((f) => f.severity)).toEqual(['fail', 'warn']);
    expect(fs[0]!.message).toBe('执法人员张强的执法证已于 2026-05-10 到期，其后仍实施 3 项调查取证活动（2026-05-11、2026-05-18）');
    expect(fs[0]!.computation).toContain('晚于有效期的行为：证据“营业执照复印件”的收集（2026-05-11）；证据“现场照片”的收集（2026-05-11）；证据“收银系统销售记录”的收集（2026-05-18）');
    expect(fs[0]!.refs.map((r) => r.id)).toEqual(['o2', 'e1', 'e2', 'e3']);
    expect(fs[1]!.message).toBe('执法人员张强的执法证已于 2026-05-10 到期，其后仍实施 2 项调查取证活动（2026-05-11、2026-05-18）（文书未载明执法人员，按案件承办人员核对）');
  });
  it('a validity that ends before it starts is a recording error, said once — not “expired” on every act', () => {
    const fs = run('P2.credential-valid', validTo('2026-01-01', '2026-06-01'));
    expect(fs.map((f) => f.message)).toEqual(['执法人员张强的执法证有效期记载有误（2026-06-01 至 2026-01-01，截止早于起始），无法核对其执法资格']);
    expect(fs[0]!.severity).toBe('fail');
  });
  it('an officer without a credential number is a fail, once, whether the number is empty or 无', () => {
    for (const no of ['', '无', ' 暂无 ']) {
      const fs = run('P2.credential-valid', (pkg) => (pkg.officers[1]!.credentialNo = no)).filter((f) => f.message.includes('未载明执法证号'));
      expect(fs.map((f) => f.severity)).toEqual(['fail']);
      expect(fs[0]!.message).toMatch(/^执法人员张强未载明执法证号/);
    }
  });
  it('处罚法第42条: a credential valid until the act day itself is ok', () => {
    expect(worst('P2.credential-valid', validTo('2026-05-18'))).toBe('ok');
  });
  it('处罚法第42条: a credential not yet valid on the act day is a fail', () => {
    expect(worst('P2.credential-valid', validTo('2029-12-31', '2026-05-12'))).toBe('fail');
  });
  it('an expired credential only on a document act (officers presumed) is a warning', () => {
    const fs = run('P2.credential-valid', (pkg) => {
      validTo('2026-05-15')(pkg); // valid for the evidence of 05-11, expired for the 询问笔录 of 05-18 and e3
      pkg.evidence = pkg.evidence.filter((e) => e.id !== 'e3');
    });
    expect(fs.map((f) => f.severity)).toEqual(['warn']);
    expect(fs[0]!.message).toContain('文书未载明执法人员');
  });
});

describe('P2 审核人员 (处罚法第五十八条)', () => {
  it.each([
    ['程序规定: a case officer may not review the case', { officerId: 'o1', name: '李明', legalQualification: true }, 'P2.reviewer-independent', 'fail'],
    ['程序规定: a reviewer with a case officer’s name is flagged', { name: '李明', legalQualification: true }, 'P2.reviewer-independent', 'warn'],
    ['程序规定: an independent reviewer is ok', { officerId: 'r1', name: '周敏', legalQualification: true }, 'P2.reviewer-independent', 'ok'],
    ['处罚法第58条第2款: a first-time reviewer without 法律职业资格 is a fail', { name: '周敏', legalQualification: false, firstTimeReviewer: true }, 'P2.reviewer-qualification', 'fail'],
    ['处罚法第58条第2款: a first-time reviewer with 法律职业资格 is ok', { name: '周敏', legalQualification: true, firstTimeReviewer: true }, 'P2.reviewer-qualification', 'ok'],
    ['处罚法第58条第2款: an experienced reviewer without the qualification is ok', { name: '周敏', legalQualification: false, firstTimeReviewer: false }, 'P2.reviewer-qualification', 'ok'],
    ['处罚法第58条第2款: unknown first-time status without the qualification asks the reviewer', { name: '周敏', legalQualification: false }, 'P2.reviewer-qualification', 'warn'],
  ])('%s', (_n, reviewer, check, sev) => {
    expect(worst(check, undefined, { reviewer })).toBe(sev);
  });
  it('an evidence collector who is not a case officer may not review either', () => {
    const m: Mutate = (pkg) => {
      pkg.officers.push({ id: 'o3', name: '赵六', credentialNo: '340501', credentialValidFrom: '2024-01-01', credentialValidTo: '2029-12-31', legalQualification: true, unit: '法规科' });
      pkg.evidence.push(ev('抽样单', '抽样', '2026-05-12', { collectedBy: ['o1', 'o3'] }));
      pkg.documents.push(doc('其他', '2026-05-12'));
    };
    expect(worst('P2.reviewer-independent', m, { reviewer: { officerId: 'o3', name: '赵六', legalQualification: true } })).toBe('fail');
  });
});
