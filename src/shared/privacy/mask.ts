// Masking of personal data (个人信息) before text is shown to an audience or published
// (公示, DOMAIN.md §7; audience view of 集体讨论, issue 7; `fashen mask`, issue 3).
// Pure: no Node, no DOM — the same function runs in the back end, the renderer and the CLI.
//
// What is masked, and how (every replacement is a fixed shape, so masking is idempotent):
//
//   身份证号   18-digit (GB 11643 check digit, last may be X) and 15-digit legacy, also written
//              with spaces/dashes (6-8-4, 6-4-4-4, 6-6-3) → first 4 + 10 × * + last 4, always
//              18 chars and without separators: 3405**********2031 (the birth date is hidden and
//              the width does not reveal a legacy number). A run that fails the check digit is
//              masked only right after an ID label (身份证号/证件号码…).
//   手机号     11 digits 1[3-9]x in 3-4-4 with optional spaces/dashes, optional +86/0086/86/(+86)
//              prefix, full-width digits → normalised 138****8000. The country prefix is kept
//              as written and is not part of the span.
//   固定电话   area code 0xx/0xxx (with -, space or parentheses) + 7–8 digit local number →
//              the area code is kept as written, the local number becomes * except its last 3
//              digits: 0555-****567, (0555)*****678. An extension (-801, 转801) is left alone.
//              Unseparated 05551234567 or a bare local number only right after a phone label.
//   银行卡号   16–19 digits (contiguous, grouped by 4, or 6+rest) passing the Luhn check, or any
//              such run after 银行卡/卡号/账号/账户 → "6222 **** **** 1234" (first 4 + last 4;
//              fixed shape, the length is hidden).
//   住址       the value after a personal address label (住址、家庭住址、现住址、户籍地址、
//              户籍所在地、居住地、家住、现住 …) keeps its province / city / county (district)
//              prefix and the rest becomes ****: 安徽省马鞍山市花山区****.
//              Heuristic for 住所, which is used for both people and companies: masked unless
//              the nearest subject marker before it is a legal person's (统一社会信用代码,
//              有限公司, 法定代表人, 个体工商户, a name in `legalPersons` …) rather than a
//              natural person's (身份证, 性别, …岁, ，男/，女, a name in `naturalPersons`).
//              Labels of a business's own place (经营场所、经营地址、注册地址、办公地址、公司住所、
//              企业住所…) are never masked: those addresses are public registration data.
//   姓名       every occurrence of a name in `naturalPersons`, and names (2–3 Han chars, 4 with a
//              compound surname, starting with a common surname) right after 被询问人：、当事人：、
//              姓名：、联系人：、证人：、见证人：、经营者：、委托代理人：、举报人：、投诉人： … →
//              surname + 某 (方宇 → 方某, 欧阳晓东 → 欧阳某); names learned from a label are
//              also masked everywhere else in the text. Kept: names of legal persons (a run ending
//              in 有限公司/公司/店/厂/合作社/中心/超市 …, or listed in `legalPersons`), including a
//              natural person's name inside a shop name (方宇便利店), and the name after
//              法定代表人 (public in the business registration; masked too with maskLegalRepresentatives).
//              Names in role contexts without such a label — 兹委托刘婉清代表…, 委托代理人刘俊向…,
//              提供人签名（盖章）：刘俊, 经办人 王芳 — are found by person-names.ts and masked everywhere too.
//
// Not masked (false positives avoided by shape and by the label just before the number):
// 执法证号, 统一社会信用代码, 案号/文号 (马市监处罚〔2026〕193号), dates (20261123), amounts
// (¥80,000.00), 批号/编号/条码/单号 and other numbers right after such a label.
//
// Addresses are recognised only after a label: a bare address (a table cell whose label is in
// another cell) is not — pass "住址：" + value if it is one. Values the case file itself records as a
// natural person's (`knownValues`: 住址, 身份证号, 电话) are masked wherever they occur, label or not.
//
// Full-width ASCII (１３８, －, （）, ：, ，) is read as its half-width form; offsets are those of
// the original text (normalisation is one UTF-16 unit for one). Idempotence is also guaranteed
// structurally: the masked text is masked again until nothing changes (see maskPersonalData).

import { HAN, isMaskedName, looksLikeName, roleNames, surnameOf } from './person-names';

export type MaskKind = 'id_card' | 'mobile' | 'landline' | 'address' | 'bank_card' | 'name' | 'marked';

export interface MaskSpan {
  /** Offsets in the ORIGINAL text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  kind: MaskKind;
  /** text.slice(start, end) of the original. */
  original: string;
  /** What the span became in the masked text. */
  replacement: string;
}

export interface MaskOptions {
  /** Full names known to be natural persons (the case's parties, witnesses …): masked everywhere. */
  naturalPersons?: readonly string[];
  /** Names of legal persons: never masked, and a 住所 right after one is a company's. */
  legalPersons?: readonly string[];
  /**
   * Values the case file records as a natural person's (住址, 身份证号, 电话): masked wherever they
   * occur, with or without a label — also where a label would keep them (an individual
   * business's 经营场所 that is the owner's recorded address). Whitespace and line breaks inside
   * an occurrence are tolerated (text extracted from a PDF wraps).
   */
  knownValues?: readonly KnownValue[];
  /**
   * Mask the name after 法定代表人 too. Off by default: a company's legal representative is public
   * registration data (公示). The shared screen of a meeting (集体讨论) turns it on.
   */
  maskLegalRepresentatives?: boolean;
  /**
   * Text the reviewer marked for redaction (遮盖标注: personal data the rules do not recognise, a
   * trade secret): masked wherever it occurs, case, width and whitespace ignored. Shorter than two
   * characters: ignored (it would garble every line).
   */
  markedTexts?: readonly string[];
}

export interface KnownValue {
  value: string;
  kind: 'id_card' | 'mobile' | 'landline' | 'address';
}

export interface MaskResult {
  text: string;
  spans: MaskSpan[];
}

// ---------------------------------------------------------------------------------------------
// Normalisation (1:1 in UTF-16 units, so offsets carry over)

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63]);
const SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2009, 0x202f]);

function normalise(s: string): string {
  const out: string[] = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out[i] = String.fromCharCode(c - 0xfee0);
    else if (SPACES.has(c)) out[i] = ' ';
    else if (DASHES.has(c)) out[i] = '-';
    else out[i] = s[i]!;
  }
  return out.join('');
}

/** Full-width digits → ASCII; everything else unchanged. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const onlyDigits = (s: string) => s.replace(/[^0-9Xx]/g, '').toUpperCase();

// ---------------------------------------------------------------------------------------------
// Check digits

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 (ISO 7064 MOD 11-2) check character of an 18-char 公民身份号码. */
export function isValidIdCardChecksum(id18: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id18)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id18.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id18[17];
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Luhn (ISO/IEC 7812) check of a card number. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let alt = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (alt) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    alt = !alt;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// The label right before a number decides doubtful cases.

type Ctx = 'id' | 'phone' | 'bank' | 'neg';

const CTX_WORDS: readonly (readonly [string, Ctx])[] = [
  ...['身份证', '身份证号', '身份证号码', '公民身份号码', '身份号码', '证件号', '证件号码', '居民身份证'].map((w) => [w, 'id'] as const),
  ...['电话', '手机', '手机号', '手机号码', '联系方式', '移动电话', '固定电话', '座机', '传真', 'tel', '电话号码', '联系电话'].map((w) => [w, 'phone'] as const),
  ...['银行卡', '银行卡号', '卡号', '账号', '帐号', '账户', '帐户', '银行账户', '开户账号', '收款账户'].map((w) => [w, 'bank'] as const),
  ...[
    '执法证', '执法证号', '执法证件号', '执法证件号码', '证号', '编号', '批号', '批次', '条码', '条形码', '代码', '信用代码', '货号', '单号', '注册号',
    '案号', '文号', '序列号', '型号', '合同号', '发票', '凭证号', '登记证', '许可证', '车牌', '车架号', '发动机号', '邮编', '邮政编码', '日期', '金额', '数量', '工号',
  ].map((w) => [w, 'neg'] as const),
];

/** The category of the nearest label before `start`, within the same clause and with no other number in between. */
function contextBefore(norm: string, start: number): Ctx | null {
  let win = norm.slice(Math.max(0, start - 24), start);
  const cut = Math.max(...[...',。;!?\n\r'].map((c) => win.lastIndexOf(c)), win.search(/[0-9*][^0-9*]*$/));
  if (cut >= 0) win = win.slice(cut + 1);
  win = win.toLowerCase();
  let best: Ctx | null = null;
  let bestEnd = -1;
  let bestLen = 0;
  for (const [w, ctx] of CTX_WORDS) {
    const i = win.lastIndexOf(w);
    if (i < 0) continue;
    const end = i + w.length;
    if (end > bestEnd || (end === bestEnd && w.length > bestLen)) [best, bestEnd, bestLen] = [ctx, end, w.length];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Candidates

interface Cand {
  start: number;
  end: number;
  kind: MaskKind;
  replacement: string;
}

const PRIORITY: Record<MaskKind, number> = { id_card: 0, bank_card: 1, mobile: 2, landline: 3, address: 4, name: 5, marked: 6 };

// A number starts where no letter/digit (or masked '*', or a decimal point) touches it.
const B = '(?<![0-9A-Za-z*]|[0-9]\\.)';
const E = '(?![0-9A-Za-z*]|\\.[0-9])';
/** Regex source: no digit, letter or '*' just before / after (the redaction leftover check finds numbers with it). */
export { B as NUMBER_BEFORE, E as NUMBER_AFTER };

const RE_ID18 = new RegExp(`${B}\\d{6}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{3}[\\dXx]${E}`, 'g');
/** Digits broken by one line break (a wrapped id or mobile number); the length decides. */
const RE_WRAPPED = new RegExp(`${B}\\d{1,17}[ \\t]*\\n[ \\t]*\\d{0,16}[\\dXx]${E}`, 'g');
const RE_ID15 = new RegExp(`${B}\\d{6}[ -]?\\d{6}[ -]?\\d{3}${E}`, 'g');
const RE_MOBILE = new RegExp(`${B}(?:(?:\\+|00)?86[ -]?|\\(\\+?86\\) ?)?(1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})${E}`, 'g');
const AREA = '0(?:10|2\\d|[3-9]\\d{2})';
const RE_LANDLINE = new RegExp(`${B}(\\(${AREA}\\)[ -]?|${AREA}[ -])([1-9]\\d{6,7})${E}`, 'g');
const RE_LANDLINE_BARE = new RegExp(`${B}(${AREA})?([1-9]\\d{6,7})${E}`, 'g');
const RE_CARD = new RegExp(`${B}(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?|\\d{6}[ -]\\d{10,13})${E}`, 'g');

function maskId(digits: string): string {
  return `${digits.slice(0, 4)}${'*'.repeat(10)}${digits.slice(-4)}`;
}

/** 11 mobile digits → 138****8000. */
function maskMobile(digits: string): string {
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

function idCandidates(norm: string, out: Cand[]): void {
  for (const m of norm.matchAll(RE_ID18)) {
    const d = onlyDigits(m[0]);
    const ctx = contextBefore(norm, m.index);
    if (ctx === 'bank') continue; // the card detector takes it
    const valid = isValidIdCardChecksum(d) && isValidDate(+d.slice(6, 10), +d.slice(10, 12), +d.slice(12, 14));
    if (ctx === 'id' || (valid && ctx !== 'neg')) out.push({ start: m.index, end: m.index + m[0].length, kind: 'id_card', replacement: maskId(d) });
  }
  for (const m of norm.matchAll(RE_ID15)) {
    const d = onlyDigits(m[0]);
    const ctx = contextBefore(norm, m.index);
    const plausible = /^[1-8]\d/.test(d) && isValidDate(1900 + +d.slice(6, 8), +d.slice(8, 10), +d.slice(10, 12));
    if (ctx === 'id' || (plausible && ctx === null)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'id_card', replacement: maskId(d) });
  }
  // Broken over two lines (text extracted from a PDF wraps at the margin): only a valid number.
  for (const m of norm.matchAll(RE_WRAPPED)) {
    const d = onlyDigits(m[0]);
    const ctx = contextBefore(norm, m.index);
    if (d.length === 18 && ctx !== 'neg' && ctx !== 'bank' && isValidIdCardChecksum(d) && isValidDate(+d.slice(6, 10), +d.slice(10, 12), +d.slice(12, 14)))
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'id_card', replacement: maskId(d) });
    else if (d.length === 11 && ctx === 'phone' && /^1[3-9]/.test(d)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'mobile', replacement: maskMobile(d) });
  }
}

function phoneCandidates(text: string, norm: string, out: Cand[]): void {
  for (const m of norm.matchAll(RE_MOBILE)) {
    const num = m[1]!;
    const start = m.index + m[0].length - num.length;
    if (contextBefore(norm, m.index) === 'neg') continue;
    const d = onlyDigits(num);
    out.push({ start, end: start + num.length, kind: 'mobile', replacement: maskMobile(d) });
  }
  const landline = (start: number, prefixLen: number, local: string, end: number) => {
    const prefix = asciiDigits(text.slice(start, start + prefixLen));
    out.push({ start, end, kind: 'landline', replacement: `${prefix}${'*'.repeat(local.length - 3)}${local.slice(-3)}` });
  };
  for (const m of norm.matchAll(RE_LANDLINE)) {
    if (contextBefore(norm, m.index) === 'neg') continue;
    landline(m.index, m[1]!.length, m[2]!, m.index + m[0].length);
  }
  // Unseparated (05552356315) or without an area code (2356315): only right after a phone label.
  for (const m of norm.matchAll(RE_LANDLINE_BARE)) {
    if (contextBefore(norm, m.index) !== 'phone') continue;
    landline(m.index, m[1]?.length ?? 0, m[2]!, m.index + m[0].length);
  }
}

function cardCandidates(norm: string, out: Cand[]): void {
  for (const m of norm.matchAll(RE_CARD)) {
    const d = onlyDigits(m[0]);
    if (d.length < 16 || d.length > 19) continue;
    const ctx = contextBefore(norm, m.index);
    if (ctx === 'bank' || (isLuhnValid(d) && ctx !== 'neg')) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'bank_card', replacement: `${d.slice(0, 4)} **** **** ${d.slice(-4)}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** A character of an administrative-area name (not the street level and below). */
const AREA_CH = `(?:(?![镇乡街路道村巷弄号楼室幢栋社组的场])[${HAN}])`;
const RE_REGION = new RegExp(
  `^(?:${AREA_CH}{2,8}?(?:省|自治区)|(?:北京|天津|上海|重庆)市)?` +
    `(?:${AREA_CH}{1,8}?(?:自治州|地区|市|盟)(?![场区民政委府局]))?` +
    `(?:${AREA_CH}{1,8}?(?:自治县|区|县|市|旗)(?![场民政委府局]))?`,
);
const RE_ADDR_LABEL = /(家庭住址|现住址|户籍地址|户籍所在地|现居住地|居住地址|居住地|家庭地址|暂住地址|暂住地|住址|住所地|住所|家住|现住|住在)[ \t]*(:|为|是|在)?[ \t]*/g;
/** "…，1976年9月出生，住安徽省…": a bare 住 after a clause break, taken only before a place name. */
const RE_BARE_ZHU = /(?<=^|[,;。、\s(])住(?=[\u3400-\u9fff])/g;
/** Labels whose value may be written without a colon (家住安徽省…). */
const FREE_LABELS = new Set(['家住', '现住', '住在']);
/** A label preceded by these names a business's or an office's place, not a home. */
const BUSINESS_BEFORE = /(公司|企业|单位|经营|注册|办公|营业|机构|门店|本局|机关|厂|店)$/;
/** An address value ends where another field's label begins (it never swallows a label). */
const ADDR_STOP_WORDS = [
  '联系电话', '电话', '手机', '身份证', '邮编', '邮政编码', '联系方式', '性别', '民族', '出生', '工作单位', '职业',
  '法定代表人', '当事人', '被询问人', '姓名', '联系人', '经营者', '代理人', '证人', '住址', '住所', '户籍', '统一社会信用代码',
];
const ADDR_STOP_CHARS = new Set([...',。;、\n\r\t :：|"“”']);
const LOOKS_LIKE_ADDRESS = /[省市区县镇乡村路街道巷弄号楼室幢栋组屯0-9]/;

const LEGAL_MARKERS = ['统一社会信用代码', '有限公司', '公司', '法定代表人', '合作社', '个体工商户', '营业执照', '注册号', '企业', '经营场所'];
const NATURAL_MARKERS = ['身份证', '公民身份', '身份号码', '性别', '出生', '民族', '岁', ',男', ',女', '姓名'];

function lastIndexOfAny(s: string, words: readonly string[]): number {
  let best = -1;
  for (const w of words) {
    const i = s.lastIndexOf(w);
    if (i >= 0) best = Math.max(best, i + w.length);
  }
  return best;
}

/** 住所 after a company's name or credit code is the company's registered domicile. */
function domicileIsCompany(norm: string, at: number, opts: Names): boolean {
  const before = norm.slice(Math.max(0, at - 150), at);
  const legal = lastIndexOfAny(before, [...LEGAL_MARKERS, ...opts.legal]);
  const natural = lastIndexOfAny(before, [...NATURAL_MARKERS, ...opts.natural]);
  return legal > natural;
}

/** End of an address value starting at `from`: up to a separator, a following label or 80 chars. */
function addressEnd(norm: string, from: number): number {
  let i = from;
  const open: number[] = [];
  const limit = Math.min(norm.length, from + 80);
  while (i < limit) {
    const c = norm[i]!;
    if (c === '(') open.push(i);
    else if (c === ')') {
      if (!open.length) break; // the parenthesis around the whole party line closes here
      open.pop();
    } else if (ADDR_STOP_CHARS.has(c) || ADDR_STOP_WORDS.some((w) => norm.startsWith(w, i))) break;
    i++;
  }
  // Never end inside an open parenthesis: "(XX小区" without its ")" ends before the "(".
  return open.length ? open[0]! : i;
}

/**
 * An address wrapped at the end of a line (PDF text: "花山区\n解放路23号") goes on when the next line
 * reads as its continuation: no field label (nothing with a colon) in its first characters.
 */
function continuedAddressEnd(norm: string, end: number): number {
  if (norm[end] !== '\n') return end;
  const next = norm.slice(end + 1, end + 13);
  if (!next || /[:：]/.test(next) || ADDR_STOP_WORDS.some((w) => next.startsWith(w)) || !LOOKS_LIKE_ADDRESS.test(asciiDigits(next.slice(0, 8)))) return end;
  return addressEnd(norm, end + 1);
}

function addressCandidates(text: string, norm: string, opts: Names, out: Cand[]): void {
  for (const m of norm.matchAll(RE_ADDR_LABEL)) {
    const label = m[1]!;
    const at = m.index;
    if (BUSINESS_BEFORE.test(norm.slice(Math.max(0, at - 4), at))) continue;
    if ((label === '住所' || label === '住所地') && domicileIsCompany(norm, at, opts)) continue;
    const from = at + m[0].length;
    const end = continuedAddressEnd(norm, addressEnd(norm, from));
    if (end <= from) continue;
    // (a value that starts on the next line: its region is read from there)
    const value = text.slice(from, end).replace(/^\s+/, '');
    if (!LOOKS_LIKE_ADDRESS.test(asciiDigits(value)) || /[*＊]/.test(value)) continue; // '*': masked already
    const region = RE_REGION.exec(value)?.[0] ?? '';
    if (!m[2] && !FREE_LABELS.has(label) && !region) continue; // "住所地的…" is prose, not a label
    if (region.length === value.length) continue; // nothing below county level
    out.push({ start: from, end, kind: 'address', replacement: `${region}****` });
  }
  for (const m of norm.matchAll(RE_BARE_ZHU)) {
    const from = m.index + 1;
    const end = continuedAddressEnd(norm, addressEnd(norm, from));
    const value = text.slice(from, end);
    const region = RE_REGION.exec(value)?.[0] ?? '';
    // Only a real place name (花山区…, 安徽省…), never 住宿/住院 prose.
    if (region.length < 3 || region.length === value.length || /[*＊]/.test(value) || !LOOKS_LIKE_ADDRESS.test(asciiDigits(value.slice(region.length)))) continue;
    out.push({ start: from, end, kind: 'address', replacement: `${region}****` });
  }
}

// ---------------------------------------------------------------------------------------------
// Names

const RE_NAME_LABEL = new RegExp(
  `(被询问人|被调查人|被检查人|当事人|姓名|联系人|见证人|证人|经营者|委托代理人|代理人|举报人|投诉人|受托人)[ \\t]*:[ \\t]*([${HAN}]+(?:、[${HAN}]+)*)(?![${HAN}])`,
  'g',
);
const RE_LEGAL_REP = new RegExp(`法定代表人[ \\t]*:?[ \\t]*([${HAN}]{2,4})`, 'g');
const ORG_SUFFIX = /(有限责任公司|股份有限公司|有限公司|分公司|公司|合作社|商行|经营部|门市部|超市|便利店|商店|药房|药店|饭店|酒店|餐馆|餐厅|工作室|中心|医院|诊所|(?:店|厂)(?![内里中铺面外门主员长家区房]))/g;
// Walking back from the suffix, an organisation name ends at a function word or a verb: in
// "经营者方宇称本店" only "本店" is a name, so 方宇 stays masked. Over-stopping only costs masking
// a person's name inside an odd company name; under-stopping would leak a name.
// "我公司" / "贵公司" name no company, and 代表/委托 end one: "兹委托刘婉清代表我公司" keeps no name.
const ORG_STOP_CHARS = new Set([...'的了在是为与和及向对从由被将把给到于即系至或并但等其该此称说讲问答知见去有无不也都又还就才均已曾要会能让叫请帮找送买卖进出入做用拿收付欠借租人者我贵受']);
const ORG_STOP_PAIRS = ['经营', '开办', '开设', '名下', '位于', '雇佣', '雇用', '负责', '承包', '管理', '代表', '委托', '授权'];

/** Ranges in which a person's name is part of a legal person's name or a public registration entry. */
function protectedRanges(norm: string, opts: Names): [number, number][] {
  const ranges: [number, number][] = [];
  const han = new RegExp(`[${HAN}]`);
  for (const m of norm.matchAll(ORG_SUFFIX)) {
    let s = m.index;
    const reach = m[0].length === 1 ? 6 : 14; // 方宇小吃店, 马鞍山恒润商贸有限公司
    while (s > 0 && m.index - s < reach) {
      const c = norm[s - 1]!;
      if (!han.test(c) || ORG_STOP_CHARS.has(c) || (s >= 2 && ORG_STOP_PAIRS.includes(norm.slice(s - 2, s)))) break;
      s--;
    }
    ranges.push([s, m.index + m[0].length]);
  }
  for (const name of opts.legal) for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + 1)) ranges.push([i, i + name.length]);
  for (const m of opts.legalReps ? [] : norm.matchAll(RE_LEGAL_REP)) {
    const s = m.index + m[0].length - m[1]!.length;
    ranges.push([s, s + m[1]!.length]);
  }
  return ranges;
}

/** A test whether [start, end) lies inside one of `ranges` (binary search over the running max end). */
function containment(ranges: [number, number][]): (start: number, end: number) => boolean {
  ranges.sort((a, b) => a[0] - b[0]);
  const starts = ranges.map((r) => r[0]);
  const maxEnd: number[] = [];
  for (const [, e] of ranges) maxEnd.push(Math.max(e, maxEnd[maxEnd.length - 1] ?? -1));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! >= end;
  };
}

function nameCandidates(norm: string, opts: Names, out: Cand[]): void {
  const names = new Set(opts.natural);
  for (const m of norm.matchAll(RE_NAME_LABEL)) {
    for (const part of m[2]!.split('、')) if (looksLikeName(part) && !isMaskedName(part)) names.add(part);
  }
  // 兹委托…、委托代理人…、提供人签名：… (person-names.ts); a name wrapped over a line break is masked where it stands.
  const wrapped: { start: number; end: number; name: string }[] = [];
  for (const r of roleNames(norm, opts.legalReps)) {
    names.add(r.name);
    if (r.end - r.start !== r.name.length) wrapped.push(r);
  }
  const guarded = containment(protectedRanges(norm, opts));
  for (const name of names) {
    if (isMaskedName(name)) continue;
    const replacement = `${surnameOf(name)}某`;
    for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (guarded(i, end)) continue;
      out.push({ start: i, end, kind: 'name', replacement });
    }
  }
  for (const r of wrapped) if (!guarded(r.start, r.end)) out.push({ start: r.start, end: r.end, kind: 'name', replacement: `${surnameOf(r.name)}某` });
}

// ---------------------------------------------------------------------------------------------

interface Names {
  natural: string[];
  legal: string[];
  known: { re: RegExp; kind: KnownValue['kind'] | 'marked'; replacement: string }[];
  legalReps: boolean;
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The reviewer's marked texts as whitespace-tolerant, case-insensitive patterns ('*' runs: masked already). */
function markedPatterns(list: readonly string[] | undefined): Names['known'] {
  if (!Array.isArray(list)) return [];
  const out: Names['known'] = [];
  for (const t of new Set(list.filter((x): x is string => typeof x === 'string').map((x) => normalise(x).replace(/\s+/g, '')))) {
    const chars = Array.from(t);
    if (chars.length < 2 || /^[*＊]+$/.test(t)) continue;
    const body = chars.map(escapeRe).join('\\s*');
    out.push({ re: new RegExp(body, 'gi'), kind: 'marked', replacement: '*'.repeat(Math.min(8, Math.max(3, chars.length))) });
  }
  return out;
}

/**
 * Where the reviewer's marked texts occur in `text`, matched as `markedTexts` is (case, width and
 * whitespace ignored; shorter than two characters: never), in order of their start.
 */
export function markedTextSpans(text: string, marked: readonly string[]): { start: number; end: number }[] {
  const norm = normalise(text);
  const out: { start: number; end: number }[] = [];
  for (const p of markedPatterns(marked)) for (const m of norm.matchAll(p.re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

/** Known values as whitespace-tolerant patterns with their fixed replacement (too short or unmaskable: dropped). */
function knownPatterns(list: readonly KnownValue[] | undefined): Names['known'] {
  if (!Array.isArray(list)) return [];
  const out: Names['known'] = [];
  for (const k of list) {
    if (typeof k?.value !== 'string') continue;
    const v = normalise(k.value).replace(/\s+/g, '');
    const all = onlyDigits(v);
    // A country prefix is not part of the number (+86 138…).
    const d = k.kind === 'mobile' && all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
    let replacement: string;
    if (k.kind === 'address') {
      const region = RE_REGION.exec(v)?.[0] ?? '';
      if (v.length < 6 || region.length === v.length) continue;
      replacement = `${region}****`;
    } else if (k.kind === 'id_card') {
      if (d.length < 15) continue;
      replacement = maskId(d);
    } else if (k.kind === 'mobile') {
      if (d.length !== 11) continue;
      replacement = maskMobile(d);
    } else {
      if (d.length < 7) continue;
      replacement = `${'*'.repeat(d.length - 3)}${d.slice(-3)}`;
    }
    const chars = Array.from(k.kind === 'address' ? v : d);
    const body = chars.map((c) => (/^[Xx]$/.test(c) ? '[Xx]' : escapeRe(c))).join(k.kind === 'address' ? '\\s*' : '[ \\t\\n()-]*');
    const edge = k.kind === 'address' ? ['', ''] : [B, E];
    out.push({ re: new RegExp(`${edge[0]}${body}${edge[1]}`, 'g'), kind: k.kind, replacement });
  }
  return out;
}

function knownCandidates(norm: string, names: Names, out: Cand[]): void {
  for (const k of names.known) for (const m of norm.matchAll(k.re)) out.push({ start: m.index, end: m.index + m[0].length, kind: k.kind, replacement: k.replacement });
}

function cleanNames(list: readonly string[] | undefined): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const n of list) {
    if (typeof n !== 'string') continue;
    const t = normalise(n.trim());
    if (t.length >= 2 && t.length <= 40) out.add(t);
  }
  return [...out];
}

/** Keeps the longest candidates (then the stronger kind, then the earlier) that do not overlap. */
function resolve(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  const taken: Cand[] = []; // kept ordered by start, never overlapping
  for (const c of sorted) {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = taken[lo - 1];
    const next = taken[lo];
    if ((prev && prev.end > c.start) || (next && next.start < c.end)) continue;
    taken.splice(lo, 0, c);
  }
  return taken;
}

function maskOnce(src: string, names: Names): MaskResult {
  const norm = normalise(src);
  const cands: Cand[] = [];
  idCandidates(norm, cands);
  phoneCandidates(src, norm, cands);
  cardCandidates(norm, cands);
  addressCandidates(src, norm, names, cands);
  nameCandidates(norm, names, cands);
  knownCandidates(norm, names, cands);
  const chosen = resolve(cands.filter((c) => c.replacement !== src.slice(c.start, c.end)));
  let out = '';
  let at = 0;
  const spans: MaskSpan[] = [];
  for (const c of chosen) {
    out += src.slice(at, c.start) + c.replacement;
    at = c.end;
    spans.push({ start: c.start, end: c.end, kind: c.kind, original: src.slice(c.start, c.end), replacement: c.replacement });
  }
  return { text: out + src.slice(at), spans };
}

/**
 * `second` masked `first.text` further (a pass can hide a label that protected something): one
 * result over `src`, overlapping spans merged, offsets still those of `src`.
 */
function compose(src: string, first: MaskResult, second: MaskResult): MaskResult {
  // First-pass spans in the coordinates of first.text.
  const items: { s: number; e: number; kind: MaskKind }[] = [];
  let shift = 0;
  const firstDeltas: [number, number][] = []; // [end in first.text, length change]
  for (const sp of first.spans) {
    const s = sp.start + shift;
    shift += sp.replacement.length - (sp.end - sp.start);
    items.push({ s, e: s + sp.replacement.length, kind: sp.kind });
    firstDeltas.push([s + sp.replacement.length, sp.replacement.length - (sp.end - sp.start)]);
  }
  const secondDeltas: [number, number][] = second.spans.map((sp) => [sp.end, sp.replacement.length - (sp.end - sp.start)]);
  for (const sp of second.spans) items.push({ s: sp.start, e: sp.end, kind: sp.kind });
  items.sort((a, b) => a.s - b.s || b.e - a.e);
  // A group boundary lies outside every span of a pass or on one's edge: shift by the spans ending before it.
  // Boundaries are asked for in increasing order, so each conversion walks its deltas once.
  const shifter = (deltas: [number, number][], sign: number) => {
    let k = 0;
    let sum = 0;
    return (p: number) => {
      while (k < deltas.length && deltas[k]![0] <= p) sum += deltas[k++]![1];
      return p + sign * sum;
    };
  };
  const toSrc = shifter(firstDeltas, -1);
  const toSecond = shifter(secondDeltas, 1);
  const spans: MaskSpan[] = [];
  for (let i = 0; i < items.length; ) {
    const { s, kind } = items[i]!;
    let e = items[i]!.e;
    let j = i + 1;
    while (j < items.length && items[j]!.s < e) e = Math.max(e, items[j++]!.e);
    const start = toSrc(s);
    const end = toSrc(e);
    spans.push({ start, end, kind, original: src.slice(start, end), replacement: second.text.slice(toSecond(s), toSecond(e)) });
    i = j;
  }
  return { text: second.text, spans };
}

/**
 * Masks personal identifiers in `text`. Never throws; masking masked text changes nothing.
 * `spans` (in order, not overlapping) give the original offsets, the original text and its
 * replacement.
 */
export function maskPersonalData(text: string, opts: MaskOptions = {}): MaskResult {
  const src = typeof text === 'string' ? text : text == null ? '' : String(text);
  if (!src) return { text: src, spans: [] };
  const names: Names = { natural: cleanNames(opts?.naturalPersons), legal: cleanNames(opts?.legalPersons), known: [...knownPatterns(opts?.knownValues), ...markedPatterns(opts?.markedTexts)], legalReps: opts?.maskLegalRepresentatives === true };
  let result = maskOnce(src, names);
  // Masking only removes information, so this settles at once in practice; the loop makes
  // idempotence a guarantee rather than a property of every heuristic above.
  for (let pass = 0; pass < 4 && result.spans.length; pass++) {
    const again = maskOnce(result.text, names);
    if (!again.spans.length) break;
    result = compose(src, result, again);
  }
  return result;
}

/** The masked string only. */
export function maskText(text: string, opts?: MaskOptions): string {
  return maskPersonalData(text, opts).text;
}

/** True when `text` still shows something `maskPersonalData` would mask. */
export function containsPersonalData(text: string, opts?: MaskOptions): boolean {
  return maskPersonalData(text, opts).spans.length > 0;
}
