// P4 案件事实是否清楚，证据是否合法充分: every element of the violated provision has evidence
// whose `proves` names it; evidence metadata complete; files intact; audio-video where required.
import { resolvedViolated } from '../context';
import { citationText } from '../law';
import type { EvidenceItem } from '../../casefile/schema';
import type { RuleSet, ViolationElement } from '../rule-data';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding, includesAny } from '../util';

const EVIDENCE_BASIS = { law: '中华人民共和国行政处罚法', article: '第四十条', note: '违法事实不清、证据不足的，不得给予行政处罚' };

export const checkElements: Check = (input) => {
  const { pkg } = input;
  const out: FindingDraft[] = [];
  if (pkg.evidence.length === 0) return [finding('P4', 'P4.elements', 'fail', '案卷没有任何证据', { basis: [EVIDENCE_BASIS] })];
  for (const rc of resolvedViolated(input)) {
    const art = rc.inForce ?? rc.versions[rc.versions.length - 1];
    const itemElements = rc.item !== null ? art?.items?.[String(rc.item)]?.elements : undefined;
    const elements: ViolationElement[] | undefined = itemElements ?? art?.elements;
    const label = citationText(rc.citation);
    if (!elements?.length) {
      out.push(finding('P4', 'P4.elements', 'info', `规则数据未收录${label}的构成要件，请人工核对证据是否覆盖各要件`, { basis: [EVIDENCE_BASIS] }));
      continue;
    }
    for (const el of elements) {
      const hits = pkg.evidence.filter((e) => includesAny(e.proves, el.keywords));
      const basis = [{ law: rc.citation.law, article: rc.citation.article + (rc.citation.clause ?? ''), note: `构成要件：${el.label}` }, EVIDENCE_BASIS];
      out.push(
        hits.length
          ? finding('P4', 'P4.elements', 'ok', `要件“${el.label}”有 ${hits.length} 项证据：${hits.map((e) => e.title).join('、')}`, {
              computation: `按关键词（${el.keywords.join('、')}）匹配证据的证明对象`,
              basis,
              refs: hits.map((e) => ({ kind: 'evidence' as const, id: e.id, label: e.title })),
            })
          : finding('P4', 'P4.elements', 'warn', `要件“${el.label}”未找到证明对象与之对应的证据`, {
              computation: `按关键词（${el.keywords.join('、')}）匹配 ${pkg.evidence.length} 项证据的证明对象，均未命中`,
              basis,
            }),
      );
    }
  }
  return out;
};

const AFTER_BASIS = [
  { law: '中华人民共和国行政处罚法', article: '第四十四条、第五十四条', note: '调查、检查收集证据后作出决定；决定前告知拟作出处罚的事实、理由及依据' },
  { law: '最高人民法院关于行政诉讼证据若干问题的规定', article: '第六十条', note: '被告在作出行政行为后收集的证据不能作为认定被诉行政行为合法的依据（条次待核）' },
];

export const checkEvidenceMetadata: Check = ({ pkg, today }) => {
  const out: FindingDraft[] = [];
  const basis = [{ law: '中华人民共和国行政诉讼法', article: '第三十三条', note: '证据种类；证据应当载明来源、收集人、收集时间' }];
  for (const e of pkg.evidence) {
    const ref = { kind: 'evidence' as const, id: e.id, label: e.title };
    const missing: string[] = [];
    if (!e.source.trim()) missing.push('来源');
    if (e.collectedBy.length === 0) missing.push('收集人');
    if (!e.proves.trim()) missing.push('证明对象');
    if (missing.length) out.push(finding('P4', 'P4.evidence-metadata', 'warn', `证据“${e.title}”未载明${missing.join('、')}`, { basis, refs: [ref] }));
    const pr = pkg.case.procedure;
    if (e.collectedOn > today) out.push(finding('P4', 'P4.evidence-metadata', 'fail', `证据“${e.title}”的收集日期 ${e.collectedOn} 晚于今日`, { basis, refs: [ref] }));
    else if (e.collectedOn < pr.leadReceivedOn)
      out.push(finding('P4', 'P4.evidence-metadata', 'warn', `证据“${e.title}”的收集日期 ${e.collectedOn} 早于案源登记日期 ${pr.leadReceivedOn}`, { basis, refs: [ref] }));
    // 先取证、后裁决: the notice tells the party the facts found; evidence gathered after it was
    // never put to the party (and after the decision cannot support it).
    else if (pr.proposedDecisionOn && e.collectedOn > pr.proposedDecisionOn)
      out.push(finding('P4', 'P4.evidence-after', 'fail', `证据“${e.title}”的收集日期 ${e.collectedOn} 晚于拟作出决定日期 ${pr.proposedDecisionOn}，不能作为认定事实的依据（先取证、后裁决）`, { basis: AFTER_BASIS, refs: [ref] }));
    else if (pr.noticeServedOn && e.collectedOn > pr.noticeServedOn)
      out.push(
        finding('P4', 'P4.evidence-after', 'warn', `证据“${e.title}”的收集日期 ${e.collectedOn} 晚于行政处罚告知日期 ${pr.noticeServedOn}；如据以认定事实，应就其告知当事人并听取陈述申辩`, { basis: AFTER_BASIS, refs: [ref] }),
      );
  }
  if (!out.some((f) => f.check === 'P4.evidence-metadata') && pkg.evidence.length) out.unshift(finding('P4', 'P4.evidence-metadata', 'ok', `${pkg.evidence.length} 项证据均载明种类、来源、收集人、收集日期和证明对象`, { basis }));
  return out;
};

export const checkFileIntegrity: Check = ({ pkg, fileStates }) => {
  const basis = [{ law: '市场监督管理行政处罚程序规定', article: '', note: '证据应当真实、完整；电子数据、视听资料应保证原始性（条次待核）' }];
  if (!fileStates) return [finding('P4', 'P4.file-integrity', 'info', '未提供文件校验结果，未核对文件完整性', { basis })];
  const items = [
    ...pkg.documents.map((d) => ({ kind: 'document' as const, id: d.id, title: d.title, file: d.file })),
    ...pkg.evidence.map((e) => ({ kind: 'evidence' as const, id: e.id, title: e.title, file: e.file })),
  ];
  const out: FindingDraft[] = [];
  let unchecked = 0;
  for (const it of items) {
    const st = fileStates[it.file.sha256];
    if (!st) {
      unchecked++;
      continue;
    }
    if (st === 'ok') continue;
    out.push(
      finding('P4', 'P4.file-integrity', 'fail', st === 'tampered' ? `“${it.title}”的文件与登记的哈希值不符，可能被篡改` : `“${it.title}”的文件缺失`, {
        computation: `${it.file.path} 登记 sha256 ${it.file.sha256.slice(0, 16)}…：${st === 'tampered' ? '校验不符' : '未找到文件'}`,
        basis,
        refs: [{ kind: it.kind, id: it.id, label: it.title }],
      }),
    );
  }
  if (unchecked) out.push(finding('P4', 'P4.file-integrity', 'info', `${unchecked} 个文件尚未校验`, { basis }));
  if (items.length > unchecked && out.every((f) => f.severity !== 'fail')) out.unshift(finding('P4', 'P4.file-integrity', 'ok', `已校验的 ${items.length - unchecked} 个文件哈希值一致`, { basis }));
  return out;
};

/**
 * Evidence that is a recording: named as one (录像、执法记录仪…), or of the 视听资料 kind with a
 * recording's file. A photograph filed as 视听资料 is no whole-process audio-video record.
 */
function isRecording(e: EvidenceItem, av: RuleSet['audioVideo']): boolean {
  if (includesAny(e.title + e.proves, av.evidenceKeywords)) return true;
  return av.evidenceKinds.includes(e.kind) && !e.file.mime.startsWith('image/') && !/照片|图片|截图/.test(e.title);
}

export const checkAudioVideo: Check = ({ pkg, rules }) => {
  const av = rules.audioVideo;
  const triggers = pkg.documents.filter((d) => includesAny(d.kind + d.title, av.triggerKeywords));
  if (triggers.length === 0) return [];
  const basis = [basisOf(av.source, av.status)];
  const out: FindingDraft[] = [];
  for (const d of triggers) {
    const kw = includesAny(d.kind + d.title, av.triggerKeywords)!;
    const records = pkg.evidence.filter((e) => e.collectedOn === d.date && isRecording(e, av));
    out.push(
      records.length
        ? finding('P4', 'P4.audio-video', 'ok', `${d.title}（${kw}）有当日音像记录：${records.map((e) => e.title).join('、')}`, {
            basis,
            refs: [{ kind: 'document', id: d.id, label: d.title }, ...records.map((e) => ({ kind: 'evidence' as const, id: e.id, label: e.title }))],
          })
        : finding('P4', 'P4.audio-video', 'warn', `${d.title}（${kw}）应当全程音像记录，未见 ${d.date} 的视听资料`, { basis, refs: [{ kind: 'document', id: d.id, label: d.title }] }),
    );
  }
  return out;
};
