// The meeting screens' small rules: reflowing a PDF passage for large type, not repeating the
// discretion reason, the order of the presenter's steps, and turning Api failures into field
// messages (zod details as "path：message").
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/shared/api/result';
import { distinctFactors, reflow } from '../../src/renderer/src/meeting/audience/text';
import { meetingProblem, problemLine } from '../../src/renderer/src/meeting/errors';
import { duration, minutesFileName, opinionLengthNote, stepIndex, stepLabel, steps, voicedText } from '../../src/renderer/src/meeting/labels';
import { distinctMembers, personKey, repeatedNames } from '../../src/shared/meeting/people';
import { MeetingSetupInput } from '../../src/shared/meeting/schema';
import { presetOf } from '../../src/renderer/src/meeting/quorumPresets';

describe('reflow', () => {
  it('joins lines wrapped at the margin and keeps headings and labelled fields on their own lines', () => {
    const page = [
      '询问笔录',
      '询问时间：2026年10月15日9时30分至10时40分',
      '问：我们是马鞍山市市场监督管理局的执法人员谢某、李某，这是我们的执',
      '法证件，请你过目。现依法就博望区泰和鞋服店销售侵犯注册商标专用权的商',
      '品案向你进行调查询问。',
      '答：听清楚了。',
    ].join('\n');
    expect(reflow(page).split('\n')).toEqual([
      '询问笔录',
      '询问时间：2026年10月15日9时30分至10时40分',
      '问：我们是马鞍山市市场监督管理局的执法人员谢某、李某，这是我们的执法证件，请你过目。现依法就博望区泰和鞋服店销售侵犯注册商标专用权的商品案向你进行调查询问。',
      '答：听清楚了。',
    ]);
  });

  it('does not join a full line to the next labelled field or after a sentence ends', () => {
    const text = ['身份证号：3405**********4349 联系电话：136****7342', '与本案关系：当事人', '经审查，该商标已获准注册，专用权受法律保护，特此证明。', '国家知识产权局'].join('\n');
    expect(reflow(text)).toBe(text);
  });

  it('joins a wrapped line even when the rest starts like a label (号：…)', () => {
    const text = ['记录人：李某', '询问人及执法证号：谢某（执法证号：34050020230211）、李某（执法证', '号：34050020240314）'].join('\n');
    expect(reflow(text).split('\n')).toEqual(['记录人：李某', '询问人及执法证号：谢某（执法证号：34050020230211）、李某（执法证号：34050020240314）']);
  });

  it('leaves a single line and an empty passage alone', () => {
    expect(reflow('第 1 页 共 1 页')).toBe('第 1 页 共 1 页');
    expect(reflow('')).toBe('');
  });
});

describe('distinctFactors', () => {
  const factors = ['当事人系初次违法', '违法经营额较小', '当事人系初次违法；违法经营额较小。依法从轻处罚，法定罚款幅度为0元至250,000元。'];
  it('drops the reason that restates every factor when the range is drawn', () => {
    expect(distinctFactors(factors, true)).toEqual(['当事人系初次违法', '违法经营额较小']);
  });
  it('keeps only that reason when no range is drawn (it carries the range)', () => {
    expect(distinctFactors(factors, false)).toEqual([factors[2]]);
  });
  it('keeps factors that do not repeat each other', () => {
    expect(distinctFactors(['初次违法', '主动改正'], true)).toEqual(['初次违法', '主动改正']);
    expect(distinctFactors(['初次违法', '主动改正', '配合调查'], false)).toEqual(['初次违法', '主动改正', '配合调查']);
  });
});

describe('presenter steps', () => {
  it('walks each case through the seven topics in order', () => {
    const all = steps(2);
    expect(all).toHaveLength(14);
    expect(all[0]).toEqual({ agendaIndex: 0, topic: 'summary' });
    expect(all[6]).toEqual({ agendaIndex: 0, topic: 'decision' });
    expect(all[7]).toEqual({ agendaIndex: 1, topic: 'summary' });
    expect(stepIndex(all, { agendaIndex: 1, topic: 'evidence' })).toBe(10);
    expect(stepIndex(all, { agendaIndex: 2, topic: 'summary' })).toBe(-1);
    expect(stepLabel({ agendaIndex: 1, topic: 'discretion' }, 2)).toBe('第 2 案 · 裁量分析');
    expect(stepLabel({ agendaIndex: 0, topic: 'facts' }, 1)).toBe('查明的事实');
  });

  it('states a meeting’s length in minutes or hours', () => {
    expect(duration('2026-11-23T01:00:00Z', '2026-11-23T01:42:10Z')).toBe('42 分钟');
    expect(duration('2026-11-23T01:00:00Z', '2026-11-23T02:12:00Z')).toBe('1 小时 12 分');
    expect(duration('2026-11-23T02:00:00Z', '2026-11-23T01:00:00Z')).toBe('0 分钟');
  });

  it('recognises the common quorum shares and anything else as a custom fraction', () => {
    expect(presetOf({ numerator: 1, denominator: 2, moreThan: true })).toBe('majority');
    expect(presetOf({ numerator: 2, denominator: 3, moreThan: false })).toBe('twoThirds');
    expect(presetOf({ numerator: 3, denominator: 5, moreThan: false })).toBe('custom');
  });
});

describe('meeting errors', () => {
  it('splits zod details into field problems and keeps other lines', () => {
    const err = new ApiFailure({
      code: 'invalid_input',
      message: '请求参数无效',
      details: ['attendees.5.name：出席人员重名：张局长（请加以区分，如“王伟（副局长）”）', 'quorum.minMembers：最少出席人数（9）不能多于负责人人数（5）', '出现未知的键(key): "x"'],
    });
    const p = meetingProblem(err);
    expect(p.text).toBe('请按提示改正标出的内容');
    expect(p.fields).toEqual([
      { path: ['attendees', 5, 'name'], message: '出席人员重名：张局长（请加以区分，如“王伟（副局长）”）' },
      { path: ['quorum', 'minMembers'], message: '最少出席人数（9）不能多于负责人人数（5）' },
    ]);
    expect(p.lines).toEqual(['出现未知的键(key): "x"']);
  });

  it('keeps a conflict’s own message and its details as lines', () => {
    const err = new ApiFailure({ code: 'conflict', message: '议程中有 2 个案件不能讨论', details: ['A 案第 1 轮法制审核尚未作出结论，不能列入集体讨论议程', 'B 案第 1 轮法制审核尚未作出结论，不能列入集体讨论议程'] });
    const p = meetingProblem(err);
    expect(p.text).toBe('议程中有 2 个案件不能讨论');
    expect(p.lines).toHaveLength(2);
    expect(problemLine(err)).toBe('议程中有 2 个案件不能讨论：A 案第 1 轮法制审核尚未作出结论，不能列入集体讨论议程');
  });

  it('does not name the case twice when the message already names it', () => {
    const err = new ApiFailure({ code: 'conflict', message: '尚有 1 个案件未形成结论性意见：马市监处罚〔2026〕207号', details: ['马市监处罚〔2026〕207号'] });
    expect(problemLine(err)).toBe('尚有 1 个案件未形成结论性意见：马市监处罚〔2026〕207号');
    const two = new ApiFailure({ code: 'conflict', message: '尚有 2 个案件未形成结论性意见：A号、B号', details: ['A号', 'B号'] });
    expect(problemLine(two)).toBe('尚有 2 个案件未形成结论性意见：A号、B号');
  });

  it('never shows a technical error', () => {
    expect(meetingProblem(new TypeError('x is undefined'), '会议未能保存').text).toBe('会议未能保存');
    expect(problemLine(new ApiFailure({ code: 'conflict', message: '会议已结束，不能切换演示内容' }))).toBe('会议已结束，不能切换演示内容');
  });
});

describe('counting the people of a meeting', () => {
  it('shows heads who spoke out of the heads present, with the minimum — not the minimum as denominator', () => {
    expect(voicedText(4, 5, 3)).toBe('负责人已发表意见 4/5 人（至少 3 人）');
  });

  it('counts a head entered twice once, full-width and inner spaces ignored, and flags the repeat', () => {
    const rows = [
      { name: '张局长', role: 'member' },
      { name: ' 张局长　', role: 'member' },
      { name: '李　副局长', role: 'member' },
      { name: '李副局长', role: 'member' },
      { name: '', role: 'member' },
      { name: '王审核', role: 'observer' },
    ];
    expect(distinctMembers(rows)).toBe(2);
    expect([...repeatedNames(rows.map((r) => r.name))]).toEqual([1, 3]);
    expect(personKey('Ｗａｎｇ  Wei')).toBe(personKey('wang wei'));
  });

  it('the set-up refuses the same person entered twice in different spacing, as the live check counts them', () => {
    const r = MeetingSetupInput.safeParse({
      title: '集体讨论会',
      date: '2026-11-23',
      place: '第一会议室',
      host: '张局长',
      reporter: '王审核',
      recorder: '王审核',
      attendees: [
        { name: '张局长', post: '局长', role: 'member' },
        { name: '张　局长', post: '局长', role: 'member' },
        { name: '王审核', post: '法制审核员', role: 'observer' },
      ],
      agenda: ['c1'],
      quorum: { headCount: 3, fraction: { numerator: 1, denominator: 2, moreThan: true }, minMembers: 1, source: '工作规则第六条' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['attendees.1.name', '出席人员重名：张　局长（请加以区分，如“王伟（副局长）”）']);
  });
});

describe('opinion length', () => {
  it('says nothing below the limit, at the limit that it is reached, and above it by how much to shorten', () => {
    expect(opinionLengthNote('同意。')).toBeNull();
    expect(opinionLengthNote('字'.repeat(5000))).toBe('已达 5000 字上限');
    expect(opinionLengthNote(`${'字'.repeat(5003)}  `)).toBe('意见共 5003 字，超过 5000 字的上限，请删减 3 字；删减前不会记录');
  });
});

describe('minutes file names', () => {
  it('uses one pattern for the preview and the signed files', () => {
    expect(minutesFileName('马市监处罚〔2026〕207号', 'pdf', false)).toBe('集体讨论记录_马市监处罚〔2026〕207号_预览.pdf');
    expect(minutesFileName('马市监处罚〔2026〕207号', 'pdf', true)).toBe('集体讨论记录_马市监处罚〔2026〕207号.pdf');
    expect(minutesFileName('马市监处罚〔2026〕207号', 'docx', false)).toBe('集体讨论记录_马市监处罚〔2026〕207号.docx');
    expect(minutesFileName('A/B 1号', 'submission', true)).toBe('集体讨论记录_AB1号_提交件.json');
  });
});
