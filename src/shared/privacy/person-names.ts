// What a Chinese personal name looks like, and where papers name a natural person by role without
// a "姓名："-style label (mask.ts masks what is found here). Pure: no Node, no DOM.
//
// Role contexts (the name follows the role, with or without a colon, on the same or the next line):
//   兹委托刘婉清代表我公司… · 兹委托我公司员工刘婉清… · 委托代理人刘俊向本局投诉 · 受托人  刘婉清，身份证号…
//   经办人：王芳 · 签字人 李明 · 提供人签名（盖章）：\n刘俊 · 当事人（现场负责人）签名：\n张亮 ·
//   投诉举报人 周红（联系方式已登记） · 法定代表人：方宇 (only when asked: a company's legal
//   representative is public registration data, but the shared screen masks it too).
// Where the name ends is decided by what follows it: a non-Han character, or a word that follows a
// name (代表、为、同志、先生、向、签收 …). Without such an end nothing is taken: a company after
// 兹委托 (兹委托马鞍山恒润商贸有限公司为…) never reads as a person. Officers' signatures
// (执法人员签名、询问人签名、承办人 …) are not role contexts: officials act in office.

export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const IS_HAN = new RegExp(`^[${HAN}]$`);

export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离', '端木', '万俟', '西门', '南宫', '申屠', '澹台', '濮阳', '太史', '闻人', '呼延', '赫连', '独孤', '百里'];
/** Common single-character surnames (words that are more often not a surname left out). */
export const SURNAMES = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉仝郜阚权帅屠朴练廉禹井祖漆巴丰卿狄宣晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓邰赫杭况宿鲜逯隆茹诸战慕危亢嵇湛宾戎勾茅尉冶斯束檀昝幸奉植衡尧',
  ],
);
/** Name candidates ending like these are businesses, not people. */
const BUSINESS_TAIL = /[店厂社行部场馆所院站司局室]$|中心$|超市$/;

export function surnameOf(name: string): string {
  if (name.length >= 3 && COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return name.slice(0, 2);
  return name.slice(0, 1);
}

export function isMaskedName(name: string): boolean {
  return /[某*＊×Xx]/.test(name.slice(surnameOf(name).length)) || name.length < 2;
}

/** A string that reads like a person's full name after a personal label. */
export function looksLikeName(s: string): boolean {
  if (BUSINESS_TAIL.test(s)) return false;
  const compound = COMPOUND_SURNAMES.some((c) => s.startsWith(c));
  if (compound) return s.length >= 3 && s.length <= 4;
  return s.length >= 2 && s.length <= 3 && SURNAMES.has(s[0]!);
}

// ---------------------------------------------------------------------------------------------
// Role contexts

/** Roles a name may follow directly, without a colon (兹委托刘婉清…, 委托代理人刘俊向…). */
const DIRECT_ROLES = ['兹委托', '委托代理人', '受托人', '被委托人', '经办人', '签字人'];
/** Roles whose name follows a colon, a space or a line break (a signature block). */
const SEPARATED_ROLES = ['现场负责人', '提供人', '签收人', '当事人', '被询问人', '被检查人', '被调查人', '见证人', '证人', '投诉举报人', '举报人', '投诉人', '说明人', '陈述申辩人', '陈述人', '申辩人', '受送达人', '代收人', '代理人'];
const LEGAL_REP = '法定代表人';

const roleRe = (legalReps: boolean) =>
  new RegExp(
    `(${[...DIRECT_ROLES, ...SEPARATED_ROLES, ...(legalReps ? [LEGAL_REP] : [])].sort((a, b) => b.length - a.length).join('|')})` +
      // (现场负责人) · 签名/签字/签章/盖章 · 或者盖章 · (盖章)
      `(?:\\([^)\\n]{1,8}\\))?(签名|签字|签章|盖章|签收)?(?:或者?盖章)?(?:\\([^)\\n]{1,6}\\))?` +
      // the separator: a colon and/or spaces, possibly a line break (the name is printed under the label)
      `([ \\t]*:?[ \\t]*(?:\\n[ \\t]*)?)`,
    'g',
  );
const RE_ROLE = roleRe(false);
const RE_ROLE_LEGAL = roleRe(true);
/** "兹委托我公司员工刘婉清": who the agent is, before the name. */
const RE_AGENT_PREFIX = /^(?:[我本该](?:公司|单位|店|厂|司|行|中心))?(?:员工|职工|工作人员|同志)?/;

/** Words that follow a name (where it ends when no punctuation does). */
const FOLLOWERS = [
  '同志', '先生', '女士', '代表', '代为', '作为', '前往', '全权', '负责', '办理', '参加', '处理', '签收', '签字', '签名', '签章', '盖章', '表示', '陈述', '提供',
  '提交', '出具', '接受', '进行', '委托', '联系', '身份证', '职务', '性别', '电话', '手机', '日期', '为', '于', '在', '向', '对', '就', '从', '到', '来', '去',
  '系', '是', '称', '说', '持', '携', '及', '和', '与', '等', '的', '受', '已', '也', '均', '将', '并', '即', '经', '所', '现', '住', '男', '女',
];
const HONORIFICS = ['同志', '先生', '女士'];
/** Characters that end a sentence's word rather than a given name (向本局 is no 向某). */
const NOT_GIVEN = new Set([...'的了在是与和及向对从由被将把给到于即系至或并但等其该此称说讲问答也都又还就已曾要会能让叫请年月日时号元我你他她们这那个本所员人']);

/**
 * The personal name starting at `at` (2–3 characters, 3–4 with a compound surname, 4 with a
 * single one only before punctuation or 同志/先生/女士) and where it ends in `norm` (a name wrapped
 * over a line break, "刘婉\n清", included), or null when no end can be told.
 */
export function nameAt(norm: string, at: number): { name: string; end: number } | null {
  // The Han characters from `at`, going on over one line break (PDF text wraps at the margin).
  const pos: number[] = [];
  let i = at;
  let wrapped = false;
  while (pos.length < 8 && i < norm.length) {
    if (IS_HAN.test(norm[i]!)) pos.push(i++);
    else {
      const wrap = wrapped ? null : /^[ \t]*\n[ \t]*/.exec(norm.slice(i, i + 8));
      if (!wrap || !IS_HAN.test(norm[i + wrap[0].length] ?? '')) break;
      wrapped = true;
      i += wrap[0].length;
    }
  }
  const run = pos.map((p) => norm[p]).join('');
  const compound = COMPOUND_SURNAMES.some((c) => run.startsWith(c));
  if (!compound && !SURNAMES.has(run[0] ?? '')) return null;
  for (const k of compound ? [3, 4] : [2, 3, 4]) {
    if (k > run.length) break;
    const name = run.slice(0, k);
    const hard = k === run.length;
    const rest = run.slice(k, k + 3);
    if (!hard && !FOLLOWERS.some((w) => rest.startsWith(w))) continue;
    if (!compound && k === 4 && !hard && !HONORIFICS.some((h) => rest.startsWith(h))) continue;
    if (BUSINESS_TAIL.test(name) || [...name.slice(surnameOf(name).length)].some((c) => NOT_GIVEN.has(c))) return null;
    return { name, end: pos[k - 1]! + 1 };
  }
  return null;
}

export interface RoleName {
  /** Offsets in `norm`; the span may hold a line break when the name was wrapped. */
  start: number;
  end: number;
  name: string;
}

/** Names of natural persons in role contexts (see the header), in `norm` (normalised text). */
export function roleNames(norm: string, legalReps: boolean): RoleName[] {
  const out: RoleName[] = [];
  for (const m of norm.matchAll(legalReps ? RE_ROLE_LEGAL : RE_ROLE)) {
    const role = m[1]!;
    const separated = m[3]!.length > 0 || m[2] !== undefined;
    if (!separated && !DIRECT_ROLES.includes(role) && role !== LEGAL_REP) continue;
    let at = m.index + m[0].length;
    if (role === '兹委托') at += RE_AGENT_PREFIX.exec(norm.slice(at, at + 12))![0].length;
    const found = nameAt(norm, at);
    if (found && !isMaskedName(found.name)) out.push({ start: at, end: found.end, name: found.name });
  }
  return out;
}
