// Evidence papers (书证 copies, 检验报告, 情况说明, 证人询问笔录 …) as DocModels.
import type { Block, DocModel, SignatureItem } from '../pdf/model';
import { cnDate } from '../text';

/** Stamp for copies of papers obtained from the party (复印件与原件核对无误). */
function copyNote(party: string, date: string): Block[] {
  return [
    { t: 'space', h: 10 },
    { t: 'para', indent: false, text: '（此件为复印件，经核对与原件一致。）' },
    { t: 'signatures', items: [{ label: '提供人签名（盖章）：', name: party, print: true }, { label: '日期：', name: cnDate(date) }] },
  ];
}

export interface InvoiceInput {
  title: string; // 销售单 / 进货单 / 送货单
  no: string;
  seller: string;
  buyer: string;
  date: string;
  head?: string[];
  rows: string[][];
  total: string;
  note?: string;
  provider: string;
  copiedOn: string;
}

/** A sales/purchase slip with line items (书证). */
export function invoiceDoc(i: InvoiceInput): DocModel {
  const head = i.head ?? ['品名', '规格', '单位', '数量', '单价（元）', '金额（元）'];
  return {
    title: i.title,
    style: 'form',
    date: i.copiedOn,
    author: i.seller,
    blocks: [
      { t: 'title', text: i.title, size: 18 },
      { t: 'right', text: `No. ${i.no}` },
      { t: 'para', indent: false, text: `供货单位：${i.seller}` },
      { t: 'para', indent: false, text: `购货单位：${i.buyer}          日期：${cnDate(i.date)}` },
      { t: 'table', head, rows: i.rows, widths: head.map((h, k) => (k === 0 ? 4 : h.includes('规格') ? 2.4 : 1.6)) },
      { t: 'para', indent: false, text: `合计金额：${i.total}` },
      ...(i.note ? [{ t: 'para' as const, indent: false, text: `备注：${i.note}` }] : []),
      { t: 'para', indent: false, text: '开单人：              收货人：              （第二联 客户联）' },
      ...copyNote(i.provider, i.copiedOn),
    ],
  };
}

export interface ListingInput {
  title: string;
  intro: string;
  head: string[];
  widths: number[];
  rows: string[][];
  after?: string[];
  provider: string;
  date: string;
  author: string;
}

/** A printed listing (收银系统销售明细, 平台商户台账 …) with an extraction note. */
export function listingDoc(i: ListingInput): DocModel {
  return {
    title: i.title,
    style: 'form',
    date: i.date,
    author: i.author,
    blocks: [
      { t: 'title', text: i.title, size: 18 },
      { t: 'para', text: i.intro },
      { t: 'table', head: i.head, widths: i.widths, rows: i.rows },
      ...(i.after ?? []).map((text): Block => ({ t: 'para', text })),
      ...copyNote(i.provider, i.date),
    ],
  };
}

export interface StatementInput {
  title: string; // 情况说明
  to: string; // 马鞍山市市场监督管理局：
  paragraphs: string[];
  signer: string;
  signerLabel: string; // 说明人 / 当事人（盖章）
  date: string;
  author: string;
}

/** The party's own written statement (当事人的陈述). */
export function statementDoc(i: StatementInput): DocModel {
  return {
    title: i.title,
    style: 'record',
    date: i.date,
    author: i.author,
    blocks: [
      { t: 'title', text: i.title },
      { t: 'para', indent: false, text: `${i.to}：` },
      ...i.paragraphs.map((text): Block => ({ t: 'para', text })),
      { t: 'para', text: '特此说明。' },
      { t: 'space', h: 16 },
      { t: 'signatures', items: [{ label: `${i.signerLabel}：`, name: i.signer, print: true }] },
      { t: 'right', text: cnDate(i.date) },
    ],
  };
}

export interface TestItem {
  item: string;
  unit: string;
  requirement: string;
  result: string;
  verdict: '合格' | '不合格' | '符合' | '不符合';
}

export interface TestReportInput {
  institute: string;
  reportNo: string;
  sample: string;
  model: string;
  maker: string;
  client: string;
  sampledFrom: string;
  sampledOn: string;
  receivedOn: string;
  testedFrom: string;
  issuedOn: string;
  basis: string;
  items: TestItem[];
  conclusion: string;
}

/** 检验报告 (鉴定意见): cover page, then the results table and conclusion. */
export function testReportDoc(i: TestReportInput): DocModel {
  return {
    title: `检验报告 ${i.reportNo}`,
    style: 'form',
    date: i.issuedOn,
    author: i.institute,
    blocks: [
      { t: 'space', h: 40 },
      { t: 'center', text: `报告编号：${i.reportNo}`, size: 12 },
      { t: 'space', h: 50 },
      { t: 'title', text: '检 验 报 告', size: 30 },
      { t: 'space', h: 50 },
      {
        t: 'grid',
        rows: [
          [{ text: '样品名称', w: 0.3, label: true }, { text: i.sample, w: 0.7 }],
          [{ text: '委托单位', w: 0.3, label: true }, { text: i.client, w: 0.7 }],
          [{ text: '检验类别', w: 0.3, label: true }, { text: '委托检验（执法抽样）', w: 0.7 }],
        ],
      },
      { t: 'space', h: 120 },
      { t: 'closing', lines: [i.institute, cnDate(i.issuedOn)], seal: { ring: i.institute, center: '检验检测专用章' } },
      { t: 'pagebreak' },
      { t: 'center', text: i.institute, size: 15 },
      { t: 'title', text: '检验报告', size: 18 },
      {
        t: 'grid',
        rows: [
          [{ text: '样品名称', w: 0.2, label: true }, { text: i.sample, w: 0.3 }, { text: '规格型号', w: 0.2, label: true }, { text: i.model, w: 0.3 }],
          [{ text: '标称生产单位', w: 0.2, label: true }, { text: i.maker, w: 0.8 }],
          [{ text: '委托单位', w: 0.2, label: true }, { text: i.client, w: 0.8 }],
          [{ text: '抽样地点', w: 0.2, label: true }, { text: i.sampledFrom, w: 0.8 }],
          [{ text: '抽样日期', w: 0.2, label: true }, { text: cnDate(i.sampledOn), w: 0.3 }, { text: '到样日期', w: 0.2, label: true }, { text: cnDate(i.receivedOn), w: 0.3 }],
          [{ text: '检验日期', w: 0.2, label: true }, { text: `${cnDate(i.testedFrom)}至${cnDate(i.issuedOn)}`, w: 0.8 }],
          [{ text: '检验依据', w: 0.2, label: true }, { text: i.basis, w: 0.8 }],
          [{ text: '检验结论', w: 0.2, label: true }, { text: i.conclusion, w: 0.8, minLines: 3 }],
        ],
      },
      { t: 'para', indent: false, text: '检验结果：' },
      {
        t: 'table',
        head: ['序号', '检验项目', '单位', '标准要求', '检验结果', '单项判定'],
        widths: [0.8, 3, 1.2, 2, 1.6, 1.4],
        rows: i.items.map((it, k) => [String(k + 1), it.item, it.unit, it.requirement, it.result, it.verdict]),
      },
      { t: 'para', indent: false, text: '注：1. 本报告仅对所检样品负责；2. 未经本机构书面批准，不得部分复制本报告。' },
      { t: 'signatures', items: [{ label: '批准：', name: '周文斌' }, { label: '审核：', name: '钱晓雯' }, { label: '主检：', name: '孙立' }] },
    ],
  };
}

export interface PaperInput {
  title: string;
  subtitle?: string;
  paragraphs: string[];
  grid?: [string, string][];
  issuer: string;
  issuedOn: string;
  seal?: string;
  provider?: string;
  copiedOn?: string;
}

/** A certificate or letter copy (商标注册证, 广告发布合同, 鉴别意见, 检验合格证 …). */
export function paperDoc(i: PaperInput): DocModel {
  const blocks: Block[] = [{ t: 'title', text: i.title }];
  if (i.subtitle) blocks.push({ t: 'center', text: i.subtitle, size: 12 });
  if (i.grid) blocks.push({ t: 'grid', rows: i.grid.map(([k, v]) => [{ text: k, w: 0.28, label: true }, { text: v, w: 0.72 }]) });
  for (const p of i.paragraphs) blocks.push({ t: 'para', text: p });
  blocks.push({ t: 'space', h: 14 }, { t: 'closing', lines: [i.issuer, cnDate(i.issuedOn)], ...(i.seal ? { seal: { ring: i.seal } } : {}) });
  if (i.provider && i.copiedOn) blocks.push(...copyNote(i.provider, i.copiedOn));
  return { title: i.title, style: 'record', date: i.copiedOn ?? i.issuedOn, author: i.issuer, blocks };
}

export interface WitnessInput {
  agency: string;
  place: string;
  time: string;
  officers: string;
  witnessLines: string[];
  qa: [string, string][];
  witness: string;
  officerNames: string;
  date: string;
}

/** A witness interview record (证人证言). */
export function witnessDoc(i: WitnessInput): DocModel {
  const sigs: SignatureItem[] = [
    { label: '证人签名：', name: i.witness, print: true },
    { label: '执法人员签名：', name: i.officerNames },
  ];
  return {
    title: '询问笔录（证人）',
    style: 'record',
    date: i.date,
    author: i.agency,
    pageSignatures: sigs,
    blocks: [
      { t: 'center', text: i.agency, size: 15 },
      { t: 'title', text: '询问笔录' },
      { t: 'para', indent: false, text: `询问时间：${i.time}` },
      { t: 'para', indent: false, text: `询问地点：${i.place}` },
      { t: 'para', indent: false, text: `询问人及执法证号：${i.officers}` },
      ...i.witnessLines.map((text): Block => ({ t: 'para', indent: false, text })),
      ...i.qa.map(([q, a]): Block => ({ t: 'qa', q, a })),
      { t: 'para', indent: false, text: '以上笔录我已看过，与我说的一致。' },
    ],
  };
}
