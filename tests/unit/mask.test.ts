// Masking of personal data (src/shared/privacy/mask.ts): every format in common spellings, the
// false positives that must stay, names and addresses, idempotence, span offsets, and a fuzz.
import { describe, expect, it } from 'vitest';
import { containsPersonalData, isLuhnValid, isValidIdCardChecksum, maskPersonalData, maskText, type MaskKind, type MaskOptions } from '../../src/shared/privacy/mask';

// Valid numbers (check digits computed independently of the code under test).
const ID = '340521199009012031'; // GB 11643 check digit 1
const ID_X = '11010519491231002X';
const CARD16 = '6222021380013800'; // Luhn-valid
const CARD19 = '6217001234567890122'; // Luhn-valid

type Row = [name: string, input: string, expected: string, kinds?: MaskKind[], opts?: MaskOptions];

/** Checks the output, the kinds of the spans, idempotence and that the spans describe the change. */
function check([, input, expected, kinds, opts]: Row) {
  const r = maskPersonalData(input, opts);
  expect(r.text).toBe(expected);
  if (kinds) expect(r.spans.map((s) => s.kind)).toEqual(kinds);
  // Spans refer to the original text and rebuild the output.
  let rebuilt = '';
  let at = 0;
  for (const s of r.spans) {
    expect(s.start).toBeGreaterThanOrEqual(at);
    expect(input.slice(s.start, s.end)).toBe(s.original);
    rebuilt += input.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  expect(rebuilt + input.slice(at)).toBe(r.text);
  // Idempotent, and the masked text no longer "contains personal data".
  const again = maskPersonalData(r.text, opts);
  expect(again.text).toBe(r.text);
  expect(again.spans).toEqual([]);
  expect(containsPersonalData(r.text, opts)).toBe(false);
}

describe('check digits', () => {
  it('GB 11643 and Luhn', () => {
    expect(isValidIdCardChecksum(ID)).toBe(true);
    expect(isValidIdCardChecksum(ID_X)).toBe(true);
    expect(isValidIdCardChecksum('340521199009012032')).toBe(false);
    expect(isLuhnValid(CARD16)).toBe(true);
    expect(isLuhnValid(CARD19)).toBe(true);
    expect(isLuhnValid('6222021380013801')).toBe(false);
  });
});

describe('身份证号', () => {
  const rows: Row[] = [
    ['after a label', `身份证号：${ID}`, '身份证号：3405**********2031', ['id_card']],
    ['in prose without a label (valid check digit)', `其号码为${ID}，已核对`, '其号码为3405**********2031，已核对', ['id_card']],
    ['X check digit', `公民身份号码${ID_X}。`, '公民身份号码1101**********002X。', ['id_card']],
    ['lower-case x is normalised', `身份证：${ID_X.toLowerCase()}`, '身份证：1101**********002X'],
    ['another X check digit, no label', '34052120000229123X', '3405**********123X'],
    ['spaces 6-8-4', '身份证号 340521 19900901 2031', '身份证号 3405**********2031', ['id_card']],
    ['spaces 6-4-4-4', '340521 1990 0901 2031', '3405**********2031'],
    ['dashes', '340521-19900901-2031', '3405**********2031'],
    ['wrapped over two lines (PDF text)', '身份证号：3405211990\n09012031，男', '身份证号：3405**********2031，男', ['id_card']],
    ['two numbers on two lines are not joined', '批号：20261123\n1234567890', '批号：20261123\n1234567890', []],
    ['full-width digits', '身份证号：３４０５２１１９９００９０１２０３１', '身份证号：3405**********2031'],
    ['15-digit legacy, no label', '老身份证340521900901203', '老身份证3405**********1203', ['id_card']],
    ['15-digit legacy after a label', '身份证号码：340521900901203', '身份证号码：3405**********1203'],
    ['wrong check digit but an ID label (typo still personal)', '身份证号：340521199009012032', '身份证号：3405**********2032'],
    ['wrong check digit and no ID label: not an ID', '编码340521199009012032', '编码340521199009012032', []],
    ['inside parentheses of a party line', `方宇（身份证号${ID}）`, '方宇（身份证号3405**********2031）'],
    ['two IDs in a row', `${ID}、${ID_X}`, '3405**********2031、1101**********002X'],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('手机号', () => {
  const rows: Row[] = [
    ['plain', '联系电话：13800138000', '联系电话：138****8000', ['mobile']],
    ['spaces', '138 0013 8000', '138****8000'],
    ['dashes', '138-0013-8000', '138****8000'],
    ['+86 and spaces (prefix kept)', '+86 138 0013 8000', '+86 138****8000'],
    ['+86-', '+86-13800138000', '+86-138****8000'],
    ['（+86）', '（+86）13800138000', '（+86）138****8000'],
    ['0086', '0086 13800138000', '0086 138****8000'],
    ['full-width digits', '手机１３８００１３８０００', '手机138****8000'],
    ['full-width dashes', '１３８－００１３－８０００', '138****8000'],
    ['wrapped after a label (PDF text)', '联系电话：1380013\n8000', '联系电话：138****8000', ['mobile']],
    ['a list', '手机：13800138000、13900139000 15012345678', '手机：138****8000、139****9000 150****5678', ['mobile', 'mobile', 'mobile']],
    ['next to Han text', '请拨打13800138000联系', '请拨打138****8000联系'],
    ['a batch number that looks like a mobile stays', '批号：13920260915', '批号：13920260915', []],
    ['12 digits is not a mobile', '13800138000１', '13800138000１', []],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('固定电话', () => {
  const rows: Row[] = [
    ['dash', '0555-1234567', '0555-****567', ['landline']],
    ['space', '0555 1234567', '0555 ****567'],
    ['parentheses', '(0555)1234567', '(0555)****567'],
    ['full-width parentheses, 8 digits', '（0555）12345678', '（0555）*****678'],
    ['Beijing 010', '010-12345678', '010-*****678'],
    ['extension left alone', '0555-1234567-801', '0555-****567-801'],
    ['extension 转', '0555-1234567转801', '0555-****567转801'],
    ['unseparated after a phone label', '电话：05552356315', '电话：0555****315'],
    ['local number after a phone label', '联系电话：2356315', '联系电话：****315'],
    ['unseparated without a label stays (could be anything)', '05552356315', '05552356315', []],
    ['a landline and a mobile', '电话：0555-2356315、13800138000', '电话：0555-****315、138****8000', ['landline', 'mobile']],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('银行卡号', () => {
  const rows: Row[] = [
    ['grouped by 4 with a label', '银行卡号：6222 0213 8001 3800', '银行卡号：6222 **** **** 3800', ['bank_card']],
    ['contiguous, Luhn-valid, no label', `转入${CARD19}`, '转入6217 **** **** 0122', ['bank_card']],
    ['dashes, 19 digits', '6228-4800-1234-5678-903', '6228 **** **** 8903'],
    ['Luhn fails but a card label', '卡号：6222021380013801', '卡号：6222 **** **** 3801'],
    ['账号 label', '开户账号 6222021380013801', '开户账号 6222 **** **** 3801'],
    ['Luhn fails, no label: stays', '6222021380013801', '6222021380013801', []],
    ['Luhn-valid but an order number', `订单号：${CARD19}`, `订单号：${CARD19}`, []],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('numbers that are not personal data stay', () => {
  const rows: Row[] = [
    ['执法证号', '方宇（执法证号：34050120190123）', '方宇（执法证号：34050120190123）'],
    ['执法证号 after an ID-like word', '执法证件号码：34050120190123', '执法证件号码：34050120190123'],
    ['统一社会信用代码', '统一社会信用代码：91340500MA2N0XFY18', '统一社会信用代码：91340500MA2N0XFY18'],
    ['统一社会信用代码 of a 个体工商户', '92340503MA8P5K2X0N', '92340503MA8P5K2X0N'],
    ['case number', '马市监处罚〔2026〕193号', '马市监处罚〔2026〕193号'],
    ['date', '于20261123检查，2026年11月23日 14:30', '于20261123检查，2026年11月23日 14:30'],
    ['money', '罚款¥80,000.00（人民币捌万元整），货值金额80000.00元', '罚款¥80,000.00（人民币捌万元整），货值金额80000.00元'],
    ['batch numbers', '批号：20260915A01，生产批号 2026091501，批次2026-0915-01', '批号：20260915A01，生产批号 2026091501，批次2026-0915-01'],
    ['barcode', '条码：6901234567892', '条码：6901234567892'],
    ['standards and laws', 'GB 2763-2021、GB/T 9704-2012、第六十四条', 'GB 2763-2021、GB/T 9704-2012、第六十四条'],
    ['registration number (15 digits)', '注册号：340500000012345', '注册号：340500000012345'],
    ['decimal numbers', '13800138000.50元', '13800138000.50元'],
    ['already masked', '3405**********2031 138****8000 0555-****567 6222 **** **** 1234', '3405**********2031 138****8000 0555-****567 6222 **** **** 1234'],
  ];
  it.each(rows)('%s', (_n, input, expected) => {
    expect(maskText(input)).toBe(expected);
    expect(containsPersonalData(input)).toBe(false);
  });
});

describe('姓名', () => {
  const compound = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离', '端木'];
  it.each(compound)('compound surname %s keeps both characters', (s) => {
    check(['', `证人${s}晓东到场，${s}晓东称`, `证人${s}某到场，${s}某称`, ['name', 'name'], { naturalPersons: [`${s}晓东`] }]);
  });

  const rows: Row[] = [
    ['a listed person everywhere', '方宇称，方宇于当日', '方某称，方某于当日', ['name', 'name'], { naturalPersons: ['方宇'] }],
    ['three-character name', '当事人方晓东', '当事人方某', ['name'], { naturalPersons: ['方晓东'] }],
    ['被询问人：', '被询问人：李月，女', '被询问人：李某，女', ['name']],
    ['当事人： a person', '当事人：方宇，男，36岁', '当事人：方某，男，36岁'],
    ['姓名： with a compound surname', '姓名：欧阳晓东 性别：男', '姓名：欧阳某 性别：男'],
    ['联系人： a list', '联系人：李明、王芳', '联系人：李某、王某', ['name', 'name']],
    ['证人： / 经营者：', '证人：张伟\n经营者：陈静', '证人：张某\n经营者：陈某'],
    ['a name from a label is masked elsewhere too', '被询问人：李月。\n问：李月，你是否……', '被询问人：李某。\n问：李某，你是否……', ['name', 'name']],
    ['当事人： a company stays', '当事人：马鞍山恒润商贸有限公司', '当事人：马鞍山恒润商贸有限公司', []],
    ['当事人： a shop stays', '当事人：方宇便利店（个体工商户）', '当事人：方宇便利店（个体工商户）', []],
    ['当事人：not a name', '当事人：未到场', '当事人：未到场', []],
    ['法定代表人 stays (public registration)', '法定代表人：方宇', '法定代表人：方宇', [], { naturalPersons: ['方宇'] }],
    ['a person inside a shop name stays, elsewhere masked', '方宇经营的方宇便利店', '方某经营的方宇便利店', ['name'], { naturalPersons: ['方宇'] }],
    ['a verb ends the shop name', '经营者方宇称本店', '经营者方某称本店', ['name'], { naturalPersons: ['方宇'] }],
    ['legalPersons are never masked', '方宇商贸、方宇', '方宇商贸、方某', ['name'], { naturalPersons: ['方宇'], legalPersons: ['方宇商贸'] }],
    ['officers are not masked unless listed', '执法人员：李明（执法证号：34050120190123）', '执法人员：李明（执法证号：34050120190123）', []],
    ['already masked names', '被询问人：李某', '被询问人：李某', []],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('姓名 in role contexts (兹委托, 委托代理人, 受托人, 签字, 经办人, 法定代表人)', () => {
  const LEGAL_REPS: MaskOptions = { maskLegalRepresentatives: true };
  const rows: Row[] = [
    ['兹委托 … 代表', '兹委托刘婉清代表我公司接受调查询问。', '兹委托刘某代表我公司接受调查询问。', ['name']],
    ['兹委托 a 2-character name … 为', '兹委托王芳为我公司代理人', '兹委托王某为我公司代理人', ['name']],
    ['兹委托 a 4-character name before punctuation', '兹委托王李思琪（身份证号见附件）办理', '兹委托王某（身份证号见附件）办理', ['name']],
    ['兹委托 a compound surname … 同志', '兹委托欧阳晓东同志前往办理', '兹委托欧阳某同志前往办理', ['name']],
    ['兹委托 our employee …', '兹委托我公司员工赵俊办理有关事宜', '兹委托我公司员工赵某办理有关事宜', ['name']],
    ['兹委托 a name wrapped over a line (PDF text)', '兹委托刘婉\n清代表我公司', '兹委托刘某代表我公司', ['name']],
    ['a name from 兹委托 is masked everywhere', '兹委托刘婉清代表我公司。\n受托人刘婉清在上述权限内', '兹委托刘某代表我公司。\n受托人刘某在上述权限内', ['name', 'name']],
    ['受托人 in a table row (spaces)', '受托人 刘婉清，身份证号340521199009012031，职务：市场部经理', '受托人 刘某，身份证号3405**********2031，职务：市场部经理', ['name', 'id_card']],
    ['受托人： a 4-character compound name … 先生', '受托人：司马相如先生', '受托人：司马某先生', ['name']],
    ['委托代理人 without a colon … 向', '晋江极风鞋服有限公司委托代理人刘俊向本局投诉', '晋江极风鞋服有限公司委托代理人刘某向本局投诉', ['name']],
    ['委托代理人 … 签收', '备注：由当事人委托代理人吴浩然签收。', '备注：由当事人委托代理人吴某签收。', ['name']],
    ['委托代理人： … 女士', '委托代理人：李秋菊女士', '委托代理人：李某女士', ['name']],
    ['经办人： before a full stop', '经办人：王芳。', '经办人：王某。', ['name']],
    ['签字人 before a comma', '签字人 张伟，日期2026年11月23日', '签字人 张某，日期2026年11月23日', ['name']],
    ['a signer printed under the label (商标注册证 copy)', '（此件为复印件，经核对与原件一致。）\n提供人签名（盖章）：\n刘俊 日期：\n2026年10月10日', '（此件为复印件，经核对与原件一致。）\n提供人签名（盖章）：\n刘某 日期：\n2026年10月10日', ['name']],
    ['the party signs, the officers are kept', '当事人（现场负责人）签名：\n张亮 执法人员签名：\n陈永、张俊', '当事人（现场负责人）签名：\n张某 执法人员签名：\n陈永、张俊', ['name']],
    ['投诉举报人 with a space', '投诉举报人 周红（联系方式已登记，依法予以保密）', '投诉举报人 周某（联系方式已登记，依法予以保密）', ['name']],
    ['an officer’s signature stays', '承办人意见\n建议立案调查。\n签名：\n陈永 2026年9月30日', '承办人意见\n建议立案调查。\n签名：\n陈永 2026年9月30日', []],
    ['a company after 兹委托 stays', '兹委托马鞍山恒润商贸有限公司为我公司代理人', '兹委托马鞍山恒润商贸有限公司为我公司代理人', []],
    ['a short company name after 兹委托 stays', '兹委托华为公司。兹委托王氏公司为代理人，兹委托张三店为代收点', '兹委托华为公司。兹委托王氏公司为代理人，兹委托张三店为代收点', []],
    ['a law firm after 兹委托 stays', '兹委托安徽方正律师事务所律师办理', '兹委托安徽方正律师事务所律师办理', []],
    ['a shop with a person’s name after 兹委托 stays', '兹委托方宇便利店为代收点', '兹委托方宇便利店为代收点', []],
    ['prose after the role words stays', '受托人在上述权限内所作的陈述，委托代理人于当日签收，经办人员已到场，受托人向本局提交', '受托人在上述权限内所作的陈述，委托代理人于当日签收，经办人员已到场，受托人向本局提交', []],
    ['法定代表人 is kept by default', '法定代表人方宇，注册资本300万元', '法定代表人方宇，注册资本300万元', []],
    ['法定代表人 masked when asked (the shared screen)', '法定代表人：方宇\n受公司法定代表人方宇委托，法定代表人 方宇 联系电话', '法定代表人：方某\n受公司法定代表人方某委托，法定代表人 方某 联系电话', ['name', 'name', 'name'], LEGAL_REPS],
    ['法定代表人 wrapped before 委托', '受公司法定代表人吴美玲委\n托，负责', '受公司法定代表人吴某委\n托，负责', ['name'], LEGAL_REPS],
    ['法定代表人 of a company: the company stays', '马鞍山恒润商贸有限公司（法定代表人：陶雪）', '马鞍山恒润商贸有限公司（法定代表人：陶某）', ['name'], LEGAL_REPS],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('住址', () => {
  const rows: Row[] = [
    ['住址 keeps province/city/district', '住址：安徽省马鞍山市花山区解放路88号', '住址：安徽省马鞍山市花山区****', ['address']],
    ['room-level address', '家庭住址：安徽省马鞍山市雨山区佳山路12号2幢103室，联系电话：13800138000', '家庭住址：安徽省马鞍山市雨山区****，联系电话：138****8000', ['address', 'mobile']],
    ['county and town', '户籍地址：安徽省马鞍山市当涂县姑孰镇护河东路128号', '户籍地址：安徽省马鞍山市当涂县****'],
    ['no county: the town is hidden', '家住马鞍山市博望镇新市街88号，', '家住马鞍山市****，'],
    ['municipality', '现住址：北京市朝阳区建国路88号', '现住址：北京市朝阳区****'],
    ['no region prefix', '住址：解放路88号', '住址：****'],
    ['housing estate in parentheses', '现住址：当涂县姑孰镇姑孰路5号（幸福小区）', '现住址：当涂县****'],
    ['the value ends at the closing parenthesis of the party line', '李月（女，住址：花山区解放路8号）', '李某（女，住址：花山区****）', undefined, { naturalPersons: ['李月'] }],
    ['stops before a following label', '住址：花山区解放路88号联系电话13800138000', '住址：花山区****联系电话138****8000'],
    ['full-width colon variants and 为', '其住址为安徽省马鞍山市花山区湖东路1号', '其住址为安徽省马鞍山市花山区****'],
    ['住所 of a natural person', '委托代理人：李月，女，身份证号：340521199009012031，住所：安徽省马鞍山市雨山区佳山路12号', '委托代理人：李某，女，身份证号：3405**********2031，住所：安徽省马鞍山市雨山区****'],
    ['住所 of a company stays', '当事人：马鞍山恒润商贸有限公司\n统一社会信用代码：91340500MA2N0XFY18\n住所：安徽省马鞍山市花山区湖东中路299号', '当事人：马鞍山恒润商贸有限公司\n统一社会信用代码：91340500MA2N0XFY18\n住所：安徽省马鞍山市花山区湖东中路299号', []],
    ['住所 after a listed legal person stays', '恒润商贸 住所：花山区湖东中路299号', '恒润商贸 住所：花山区湖东中路299号', [], { legalPersons: ['恒润商贸'] }],
    ['经营场所 stays', '经营场所：安徽省马鞍山市花山区金家庄农贸市场12号摊位', '经营场所：安徽省马鞍山市花山区金家庄农贸市场12号摊位', []],
    ['公司住所 stays', '公司住所：花山区湖东中路299号', '公司住所：花山区湖东中路299号', []],
    ['unknown address stays', '住址不详', '住址不详', []],
    ['prose, not a label', '移送当事人住所地的市场监督管理部门', '移送当事人住所地的市场监督管理部门', []],
    ['already masked', '住址：安徽省马鞍山市花山区****', '住址：安徽省马鞍山市花山区****', []],
    ['a bare 住 in a statement', '答：我叫李月，男，1976年9月出生，住安徽省马鞍山市花山区金山路47号，联系电话13800138000。', '答：我叫李某，男，1976年9月出生，住安徽省马鞍山市花山区****，联系电话138****8000。', ['name', 'address', 'mobile'], { naturalPersons: ['李月'] }],
    ['a bare 住 at a line start', '住花山区解放路8号', '住花山区****'],
    ['wrapped at the end of a line (PDF text)', '住址：安徽省马鞍山市花山区\n解放路23号2幢208室\n联系电话：13800138000', '住址：安徽省马鞍山市花山区****\n联系电话：138****8000', ['address', 'mobile']],
    ['the value on the next line', '住址：\n花山区解放路8号', '住址：花山区****'],
    ['the next line is another field', '住址：安徽省马鞍山市花山区\n性别：男', '住址：安徽省马鞍山市花山区\n性别：男', []],
    ['住宿 and 住院 are prose', '当事人住宿区域较大，曾住院治疗，住马鞍山', '当事人住宿区域较大，曾住院治疗，住马鞍山', []],
  ];
  it.each(rows)('%s', (...row) => check(row));
});

describe('a whole party block', () => {
  it('masks a natural-person party as the audience view shows it', () => {
    const input = [
      '当事人：方宇，男，36岁',
      `身份证号：${ID}`,
      '住址：安徽省马鞍山市花山区解放路88号',
      '联系电话：138 0013 8000',
      '银行卡号：6222 0213 8001 3800',
      '执法人员：李明（执法证号：34050120190123）、王芳（执法证号：34050120190124）',
      '案号：马市监处罚〔2026〕193号，罚款¥80,000.00。方宇于2026年11月23日签收。',
    ].join('\n');
    const expected = [
      '当事人：方某，男，36岁',
      '身份证号：3405**********2031',
      '住址：安徽省马鞍山市花山区****',
      '联系电话：138****8000',
      '银行卡号：6222 **** **** 3800',
      '执法人员：李明（执法证号：34050120190123）、王芳（执法证号：34050120190124）',
      '案号：马市监处罚〔2026〕193号，罚款¥80,000.00。方某于2026年11月23日签收。',
    ].join('\n');
    check(['', input, expected, ['name', 'id_card', 'address', 'mobile', 'bank_card', 'name']]);
  });

  it('keeps a company party and its legal representative, masks the person questioned', () => {
    const input = '当事人：马鞍山恒润商贸有限公司\n统一社会信用代码：91340500MA2N0XFY18\n住所：安徽省马鞍山市花山区湖东中路299号\n法定代表人：方宇\n联系电话：0555-2356315\n被询问人：李月，女，身份证号：34052120000229123X，住址：安徽省马鞍山市雨山区佳山路12号';
    const r = maskPersonalData(input);
    expect(r.text).toBe('当事人：马鞍山恒润商贸有限公司\n统一社会信用代码：91340500MA2N0XFY18\n住所：安徽省马鞍山市花山区湖东中路299号\n法定代表人：方宇\n联系电话：0555-****315\n被询问人：李某，女，身份证号：3405**********123X，住址：安徽省马鞍山市雨山区****');
  });
});

describe('spans', () => {
  it('give the original offsets, text and replacement', () => {
    const input = '方宇 13800138000 住址：花山区解放路8号';
    const { spans } = maskPersonalData(input, { naturalPersons: ['方宇'] });
    expect(spans).toEqual([
      { start: 0, end: 2, kind: 'name', original: '方宇', replacement: '方某' },
      { start: 3, end: 14, kind: 'mobile', original: '13800138000', replacement: '138****8000' },
      { start: 18, end: 26, kind: 'address', original: '花山区解放路8号', replacement: '花山区****' },
    ]);
  });

  it('count UTF-16 units (astral characters before a number)', () => {
    const input = '𠀀😀电话13800138000';
    const [s] = maskPersonalData(input).spans;
    expect(s).toMatchObject({ start: 6, end: 17, original: '13800138000' });
  });

  it('the +86 prefix is not part of the span; full-width originals are kept in `original`', () => {
    const { spans } = maskPersonalData('（+86）１３８００１３８０００');
    expect(spans).toEqual([{ start: 5, end: 16, kind: 'mobile', original: '１３８００１３８０００', replacement: '138****8000' }]);
  });
});

describe('values the case file records (knownValues)', () => {
  it('mask a recorded mobile number wherever it stands, in the one 138****8000 shape', () => {
    const known: MaskOptions = { knownValues: [{ value: '+86 138-0013-8000', kind: 'mobile' }] };
    // After 编号 a number is not taken for a mobile; the recorded one is masked all the same (also wrapped).
    expect(maskText('编号：13800138000')).toBe('编号：13800138000');
    check(['', '编号：13800138000', '编号：138****8000', ['mobile'], known]);
    check(['', '编号：1380013\n8000', '编号：138****8000', ['mobile'], known]);
    // A recorded value that is no mobile number (not 11 digits) masks nothing.
    expect(maskText('编号：13800138000', { knownValues: [{ value: '1380013800', kind: 'mobile' }] })).toBe('编号：13800138000');
  });
});

describe('text the reviewer marked for redaction (markedTexts)', () => {
  const marked: MaskOptions = { markedTexts: ['进货价 35元', 'ACME-Trade', '商', '***', '  '] };

  it('is masked wherever it occurs: whitespace (also a line break), case and width ignored', () => {
    const r = maskPersonalData('进货价 35 元，供货商 Acme-Trade 提供；另见进货价３５\n元。', marked);
    expect(r.text).toBe('******，供货商 ******** 提供；另见******。');
    expect(r.spans.map((x) => [x.kind, x.original])).toEqual([
      ['marked', '进货价 35 元'],
      ['marked', 'Acme-Trade'],
      ['marked', '进货价３５\n元'],
    ]);
  });

  it('ignores marks of one character and runs of stars, and masking again changes nothing', () => {
    expect(maskText('商品：商标', marked)).toBe('商品：商标');
    const once = maskText('进货价35元', marked);
    expect(once).toBe('******');
    expect(maskText(once, marked)).toBe(once);
  });

  it('masks together with the rules (the longer span wins, nothing overlaps)', () => {
    check(['', '联系人 张三 电话：13800138000，进货价 35元', '联系人 张三 电话：138****8000，******', ['mobile', 'marked'], marked]);
  });
});

describe('idempotence', () => {
  it('is guaranteed even when masking hides a marker a heuristic relied on', () => {
    // On a first reading 住所 follows "有限公司" (a company's domicile); once the personal address
    // holding that word is masked, it would read as a person's. The result is the settled one.
    const input = '住址：花山区恒润有限公司宿舍1号，13800138000\n住所：花山区解放路1号';
    check(['', input, '住址：花山区****，138****8000\n住所：花山区****', ['address', 'mobile', 'address']]);
  });
});

describe('robustness', () => {
  it('empty and non-string input', () => {
    expect(maskPersonalData('')).toEqual({ text: '', spans: [] });
    expect(maskPersonalData(undefined as unknown as string)).toEqual({ text: '', spans: [] });
    expect(maskText(null as unknown as string)).toBe('');
    expect(maskText('无个人信息。\n')).toBe('无个人信息。\n');
    expect(maskText('方宇', { naturalPersons: [undefined, 5, '', ' 方宇 '] as unknown as string[] })).toBe('方某');
  });

  it('preserves newlines and everything around the spans exactly', () => {
    const input = '\r\n  电话：13800138000\t\n\n';
    expect(maskText(input)).toBe('\r\n  电话：138****8000\t\n\n');
  });

  // A small seeded PRNG so a failure reproduces.
  function rng(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
  }
  const PIECES = [
    ...'0123456789０１２３４５６７８９', ' ', '-', '－', '（', '）', '(', ')', '+86', '*', 'X', 'x', '.', ',', '，', '：', ':', '、', '\n', '某',
    '身份证号：', '电话', '手机', '卡号', '批号', '住址：', '住所：', '家住', '有限公司', '店', '法定代表人：', '被询问人：', '当事人：', '联系人：',
    '安徽省', '马鞍山市', '花山区', '解放路', '88号', '方宇', '欧阳晓东', '李月', '王', '的', '称',
    ID, ID_X, CARD16, '13800138000', '0555-1234567', '340521900901203', '\ud800', '\udfff', '😀',
  ];

  it('fuzz: never throws, spans are consistent, masking is idempotent', () => {
    const rand = rng(20261123);
    for (let n = 0; n < 3000; n++) {
      const len = Math.floor(rand() * 40);
      let s = '';
      for (let i = 0; i < len; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
      const opts = rand() < 0.5 ? { naturalPersons: ['方宇', '欧阳晓东'] } : {};
      let r!: ReturnType<typeof maskPersonalData>;
      expect(() => (r = maskPersonalData(s, opts)), s).not.toThrow();
      let rebuilt = '';
      let at = 0;
      for (const sp of r.spans) {
        expect(sp.start, s).toBeGreaterThanOrEqual(at);
        expect(s.slice(sp.start, sp.end), s).toBe(sp.original);
        rebuilt += s.slice(at, sp.start) + sp.replacement;
        at = sp.end;
      }
      expect(rebuilt + s.slice(at), s).toBe(r.text);
      expect(maskText(r.text, opts), JSON.stringify(s)).toBe(r.text);
    }
  });

  it('fuzz: arbitrary UTF-16 code units', () => {
    const rand = rng(7);
    for (let n = 0; n < 500; n++) {
      const units = Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 0x10000));
      const s = String.fromCharCode(...units);
      expect(() => maskPersonalData(s, { naturalPersons: [s.slice(0, 3)], legalPersons: [s.slice(3, 9)] })).not.toThrow();
    }
  });

  it('is fast enough for a long document', () => {
    const line = `被询问人：李月，女，身份证号：${ID}，住址：安徽省马鞍山市花山区解放路88号，联系电话：13800138000。问：你店里的货从哪里进的？答：从马鞍山恒润商贸有限公司进的，批号20260915A01。\n`;
    const doc = line.repeat(2000); // ~200,000 characters
    const t0 = performance.now();
    const r = maskPersonalData(doc, { naturalPersons: ['方宇', '王芳'] });
    const ms = performance.now() - t0;
    expect(r.spans).toHaveLength(2000 * 4); // name, ID, address, mobile on each line
    expect(ms).toBeLessThan(3000);
  });
});
