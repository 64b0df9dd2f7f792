// 法制审核意见书: the opinion content model → the document's blocks. This is the one place that
// decides the wording and order of the opinion; render-pdf.ts and render-docx.ts only lay the
// blocks out (DOMAIN.md §6: agency, number, date, party, proposed decision, legal basis, facts,
// per-point findings, opinion type, specific opinion, reviewer signature and date; no 附件, since
// nothing is attached — the cited case documents are named under each point).
import type { OpinionContent, OpinionPoint, Supersedes } from '../../../shared/opinion/content';
import { formatDateCn, formatDateOfficial } from '../../../shared/format/date';
import { pointFinding } from '../../../shared/opinion/point-wording';
import { documentText } from '../../../shared/opinion/prose';
import { cleanBlocks, cleanText, type DocBlock, type DocModel } from './blocks';

export const OPINION_TITLE = '法制审核意见书';

/** The line a later version prints, naming the one it replaces. */
export function supersedesText(s: Supersedes): string {
  return `本意见书取代${s.documentNumber}${OPINION_TITLE}（第${s.version}版），以本意见书为准。`;
}

const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 20 → 二十 (headings never go past a few dozen). */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_NUM[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN_NUM[tens] : ''}十${CN_NUM[n % 10]}`;
}

const SEVERITY_CN: Record<string, string> = { fail: '不符合', warn: '需注意' };
/**
 * Sentence-final marks. A closing bracket or quote ends the sentence only after one of them:
 * "…超期 23 日）" or "…（文书未载明执法人员，按案件承办人员核对）" still takes its 。 (句内括号).
 */
const END_PUNCT = /[。！？；…][」』”’）)]*$/;

/** End a sentence with 。 unless it already ends with sentence-final punctuation. */
function sentence(s: string): string {
  const t = s.trim();
  return !t || END_PUNCT.test(t) ? t : `${t}。`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function partyText(p: OpinionContent['parties'][number]): string {
  const parts = [p.name];
  if (p.kind === 'natural') {
    if (p.idNumber) parts.push(`身份证件号码：${p.idNumber}`);
    if (p.address) parts.push(`住址：${p.address}`);
  } else {
    if (p.idNumber) parts.push(`统一社会信用代码：${p.idNumber}`);
    if (p.address) parts.push(`住所：${p.address}`);
    if (p.legalRepresentative) parts.push(`${p.kind === 'legal' ? '法定代表人' : '负责人'}：${p.legalRepresentative}`);
  }
  return parts.join('，');
}

/** "1.…；2.…" for several items, the item itself for one. */
function enumerate(items: string[]): string {
  if (items.length === 1) return items[0]!;
  return items.map((it, i) => `${i + 1}.${it.replace(/[；;。]$/, '')}`).join('；');
}

/** "现场检查笔录 第2页" labels already carry the page: keep the document name only. */
function citationSource(label: string, page: number | null): string {
  return label.replace(/\s*第\d+页$/, '').trim() + (page ? `，第${page}页` : '');
}

export function citationText(c: OpinionPoint['citations'][number]): string {
  const src = citationSource(c.label, c.page);
  return c.quote ? `引证：${src}：「${c.quote.replace(/\s+/g, ' ').trim()}」` : `引证：${src}。`;
}

export function findingText(f: OpinionPoint['findings'][number]): string {
  // Check messages carry ISO dates for the on-screen lists; the document writes them as prose.
  const head = `系统自动检查（${SEVERITY_CN[f.severity] ?? f.severity}）：${sentence(documentText(f.message))}`;
  return f.overruled ? `${head}（审核人员未采纳：${f.overruled.trim()}）` : head;
}

function pointBlocks(p: OpinionPoint, i: number): DocBlock[] {
  const out: DocBlock[] = [{ kind: 'heading', level: 2, text: `（${cnNumber(i + 1)}）${p.title}` }];
  // The finding in words (P7: 未超越法定权限), not the panel's label (无问题), which answers no
  // question; a note that already states it word for word (…，执法主体合法。) is printed alone —
  // only word for word, as "超越法定权限" inside a note must not stand in for 未超越法定权限.
  const finding = pointFinding(p.id, p.decision);
  const note = sentence(p.note);
  out.push({ kind: 'para', text: `审核认定：${note.includes(finding) ? note : `${finding}。${note}`}` });
  for (const f of p.findings) if (f.severity === 'fail' || f.severity === 'warn') out.push({ kind: 'para', text: findingText(f) });
  for (const c of p.citations) out.push({ kind: 'citation', text: citationText(c) });
  return out;
}

/** SHA-256 shown on paper: the first 16 hex digits and an ellipsis (the 集体讨论记录's footer). */
export function shortHash(hash: string): string {
  return `${hash.slice(0, 16)}…`;
}

/**
 * The signed content's check code on paper: its first 16 hex digits in groups of four, exactly as the
 * app shows the opinion's 摘要 (header bar, sign dialog), so a printed copy is matched to its file by eye.
 */
export function checkCode(hash: string): string {
  return (hash.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}

/**
 * The identification line on every page: 文号, version and — once signable — the content's check
 * code. The 文号 and 第N版 name the signed file as the app lists it; the opinion's uuid stays in the
 * PDF's properties (keywords) for machines.
 */
export function opinionFootnote(c: OpinionContent, contentHash?: string): string {
  const parts = [c.documentNumber, `第${c.version}版`];
  if (contentHash) parts.push(`校验码 ${checkCode(contentHash)}`);
  return parts.join(' · ');
}

/**
 * Which case file was reviewed, in a reader's terms: the date it was submitted, the revision number
 * the import messages and the central system use (修订 N: a case's first revision is no 修订 of
 * anything, hence 修订号), and the first 8 hex digits of its revision digest — enough to tell the few
 * revisions of one case apart and to match the central system's record.
 */
export function caseFileText(c: OpinionContent['case']): string {
  return `${formatDateCn(c.submittedOn)}送审的案卷（修订号${c.revision}，案卷校验码${c.revisionHash.slice(0, 8)}）`;
}

export function opinionDocument(c: OpinionContent, opts: { contentHash?: string } = {}): DocModel {
  const d = c.proposedDecision;
  const blocks: DocBlock[] = [
    { kind: 'masthead', text: c.agency.name },
    { kind: 'title', text: OPINION_TITLE },
    { kind: 'docNumber', text: c.documentNumber },
    { kind: 'blank' },
    { kind: 'addressee', text: `${c.case.handlingUnit}：` },
    {
      kind: 'para',
      text: `你单位于${formatDateCn(c.case.submittedOn)}送审的${c.case.name}（案号：${c.case.caseNumber}），已经法制审核${c.round > 1 ? `（第${cnNumber(c.round)}轮）` : ''}。现提出审核意见如下：`,
    },
    { kind: 'heading', level: 1, text: '一、案件基本情况' },
    { kind: 'kv', label: '案件名称', value: c.case.name },
    { kind: 'kv', label: '案号', value: c.case.caseNumber },
    { kind: 'kv', label: '案由', value: c.case.cause },
    ...c.parties.map((p, i): DocBlock => ({ kind: 'kv', label: c.parties.length > 1 ? `当事人${cnNumber(i + 1)}` : '当事人', value: partyText(p) })),
    { kind: 'kv', label: '承办机构', value: c.case.handlingUnit },
    { kind: 'kv', label: '审核所据案卷', value: caseFileText(c.case) },
    { kind: 'heading', level: 1, text: '二、拟处罚决定' },
    { kind: 'kv', label: '拟处罚内容', value: sentence(enumerate(d.penalties.map(documentText))) },
    { kind: 'kv', label: '违反的规定', value: sentence(d.violated.join('，')) },
    { kind: 'kv', label: '处罚依据', value: sentence(d.legalBasis.join('，')) },
    { kind: 'kv', label: '裁量情况', value: sentence(documentText(d.discretion)) },
    { kind: 'heading', level: 1, text: '三、审核认定的事实' },
    ...paragraphs(c.facts).map((text): DocBlock => ({ kind: 'para', text })),
    { kind: 'heading', level: 1, text: '四、审核要点' },
    ...c.points.flatMap(pointBlocks),
    { kind: 'heading', level: 1, text: '五、审核意见' },
    { kind: 'para', text: `审核意见：${c.conclusion.type}。` },
    ...paragraphs(c.conclusion.text).map((text): DocBlock => ({ kind: 'para', text })),
    ...(c.supersedes ? [{ kind: 'para', text: supersedesText(c.supersedes) } satisfies DocBlock] : []),
  ];
  // No 附件 block: c.attachments names the case documents the points cite, and none is attached to
  // the opinion (GB/T 9704 §7.3.5: 附件说明 lists documents that go with it); each is cited, with its
  // page, under its point in 四.
  blocks.push({ kind: 'signature', signers: [{ label: '审核人员', name: c.reviewer.name }], date: formatDateOfficial(c.date), box: true });
  return {
    meta: {
      title: `${OPINION_TITLE} ${c.documentNumber}`,
      subject: `${c.case.name}（${c.case.caseNumber}）`,
      author: `${c.agency.name} ${c.reviewer.name}`,
      keywords: [c.documentNumber, c.case.caseNumber, c.opinionId, `v${c.version}`],
    },
    blocks: cleanBlocks(blocks),
    footnote: cleanText(opinionFootnote(c, opts.contentHash)),
  };
}
