// Food safety: selling food past its shelf life (食品安全法 Art. 34(10) / 124(5)) and not
// checking suppliers' licences and certificates when purchasing (Art. 53 / 126(3)).
import { addDays, daysBetween } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, paperDoc, witnessDoc } from '../evidence/papers';
import { addMonths, cnDate, dotDate, timeSpan, yuan } from '../text';
import { ev, fenFromYuan, law, openedFor, pdf, plain, supplierName } from './common';
import type { Scenario } from './types';

const FSL = '中华人民共和国食品安全法';

const FOODS = [
  { brand: '乐滋', name: '原味夹心饼干', spec: '400g/袋', unit: '袋', price: 12.8, cost: 9.6, months: 12, maker: '安徽乐滋食品有限公司', color: '#d9a441' },
  { brand: '禾丰', name: '纯牛奶', spec: '250mL×12盒/箱', unit: '箱', price: 45, cost: 36, months: 6, maker: '滁州禾丰乳业有限公司', color: '#3f7fc1' },
  { brand: '金谷', name: '红烧牛肉面', spec: '五连包（105g×5）', unit: '袋', price: 14.5, cost: 11.2, months: 6, maker: '河南金谷食品有限公司', color: '#c8322d' },
  { brand: '麦香村', name: '芝麻香油', spec: '400mL/瓶', unit: '瓶', price: 19.9, cost: 15, months: 18, maker: '合肥麦香村粮油有限公司', color: '#b8860b' },
  { brand: '双旺', name: '鸡肉火腿肠', spec: '240g/袋', unit: '袋', price: 9.9, cost: 7.2, months: 6, maker: '临沂双旺肉制品有限公司', color: '#d2553a' },
  { brand: '果园记', name: '黄桃罐头', spec: '425g/罐', unit: '罐', price: 8.5, cost: 6, months: 24, maker: '砀山果园记食品有限公司', color: '#e8a33d' },
] as const;

const FILLERS = [
  { label: '矿泉水', color: '#5aa0d8' },
  { label: '苏打饼干', color: '#e0c060' },
  { label: '薯片', color: '#e05a3a' },
  { label: '八宝粥', color: '#8a5a3a' },
  { label: '方便面', color: '#c83a3a' },
  { label: '酸奶', color: '#f0f0f0' },
  { label: '瓜子', color: '#6a8a3a' },
];

export const expiredFood: Scenario = {
  key: 'expired-food',
  title: '销售过期食品',
  cause: '经营超过保质期的食品',
  partyKind: 'natural',
  licensed: true,
  industry: '副食店',
  businessScope: '食品销售（仅销售预包装食品）；日用百货销售；烟草制品零售（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  leadKind: '投诉举报',
  model: 'band',
  violated: [law(FSL, '第三十四条', '第（十）项', '禁止生产经营下列食品、食品添加剂、食品相关产品：……（十）标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂；')],
  basis: [
    law(
      FSL,
      '第一百二十四条',
      '第一款第（五）项',
      '违反本法规定，有下列情形之一，尚不构成犯罪的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证：……（五）生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂；',
    ),
  ],
  draw(rng) {
    const food = rng.pick(FOODS);
    const onShelf = rng.int(4, 15);
    const sold = rng.int(2, 6);
    const price = fenFromYuan(food.price);
    const gain = fenFromYuan(food.price - food.cost);
    const goodsValue = (onShelf + sold) * price;
    return {
      amounts: { goodsValueFen: goodsValue, salesFen: sold * price, illegalGainsFen: sold * gain },
      range: { minFen: 5_000_000, maxFen: 10_000_000, text: '货值金额不足一万元的，并处五万元以上十万元以下罚款' },
      details: ({ rng: r, party, dates, info, witness, officerLine, officerNames }) => {
        const goodsName = `“${food.brand}”牌${food.name}（${food.spec}）`;
        const expiry = addDays(dates.inspect, -r.int(8, 70));
        const produced = addDays(addMonths(expiry, -food.months), 1);
        const bought = addDays(produced, r.int(12, 40));
        const purchased = onShelf + sold + r.int(4, 20);
        const complainedOn = addDays(dates.lead, -r.int(1, 3));
        const supplier = supplierName(r, info.cityShort, '商贸');
        const licenceNo = `JY1${party.district.code}${r.digits(7)}`;
        const label = `生产日期：${dotDate(produced)}  保质期：${food.months}个月`;
        return {
          goods: `超过保质期的${goodsName}${onShelf}${food.unit}`,
          leadText: `投诉人${witness.name}通过全国12315平台投诉，称其于${cnDate(complainedOn)}在${party.display}购买的${goodsName}已超过保质期，要求依法查处。`,
          reporter: witness.name,
          findings: [
            `当事人持有营业执照（统一社会信用代码：${party.licenceCode ?? ''}）及食品经营许可证（许可证编号：${licenceNo}），均在有效期内，经营者${party.person.name}在场。`,
            `执法人员在当事人经营场所内食品货架第二层发现摆放待售的${goodsName}${onShelf}${food.unit}，外包装标注生产日期为${cnDate(produced)}，保质期${food.months}个月，上述食品已于${cnDate(expiry)}超过保质期。货架上未设置“过期食品”标识，上述食品与其他正常食品混合摆放，标价${food.price.toFixed(2)}元/${food.unit}。`,
            '执法人员对上述食品及价签进行了拍照取证，现场责令当事人立即将超过保质期的食品下架并单独存放，当事人表示配合。',
          ],
          inquiry: [
            ['你店内经营哪些商品？', `主要卖预包装食品、饮料、烟酒和日用百货，${openedFor(party.registeredOn, dates.inquiry1)}。`],
            [`${cnDate(dates.inspect)}执法人员在你店内货架上发现的${goodsName}是从哪里进的货？`, `是从${supplier}进的，${cnDate(bought)}进了${purchased}${food.unit}，进价每${food.unit}${food.cost.toFixed(2)}元，有送货单。`],
            ['这批食品的保质期到什么时候？', `外包装上写着生产日期${cnDate(produced)}，保质期${food.months}个月，到${cnDate(expiry)}就过期了。`],
            ['你是否知道这批食品已经超过保质期？', '平时没注意检查，货架上东西多，没发现已经过期了。'],
            ['过期以后你一共卖出去多少？售价多少？', `过期以后卖出去${sold}${food.unit}，每${food.unit}卖${food.price.toFixed(2)}元，收银机里有记录，其中一${food.unit}是投诉的那位顾客买的。`],
            ['你店内是否建立了临近保质期食品的检查制度？', '有个本子记着，但是没有按时检查，记得也不全。'],
            ['你以前是否因为销售过期食品被处罚过？', '没有，这是第一次。'],
            ['投诉人的诉求你是如何处理的？', '已经按投诉人的要求退了货款，并赔礼道歉了。'],
          ],
          facts: `当事人${party.display}（经营者${party.person.name}）于${cnDate(bought)}从${supplier}购进${goodsName}${purchased}${food.unit}，进价${food.cost.toFixed(2)}元/${food.unit}。该批食品标注生产日期为${cnDate(produced)}，保质期${food.months}个月，于${cnDate(expiry)}超过保质期。超过保质期后，当事人未将其下架，继续以${food.price.toFixed(2)}元/${food.unit}的价格对外销售，至${cnDate(dates.inspect)}被执法人员查获时，已销售${sold}${food.unit}，货架上尚存${onShelf}${food.unit}。经核算，当事人经营超过保质期食品的货值金额为${yuan(goodsValue)}，销售金额为${yuan(sold * price)}，违法所得为${yuan(sold * gain)}。`,
          admission: `本人${party.person.name}是${party.display}的经营者。${cnDate(dates.inspect)}，市场监管部门执法人员在我店内检查时，发现货架上有${onShelf}${food.unit}${goodsName}已经超过保质期。这批货是${cnDate(bought)}从${supplier}进的，过期后我没有及时发现，又卖出去${sold}${food.unit}。我对以上事实没有异议，现已将过期食品全部下架，并向投诉人退款道歉。今后我一定加强对临近保质期食品的检查，请求从轻处理。`,
          statement: `对告知书认定的违法事实无异议。本人系初次违法，涉案食品货值金额仅${yuan(goodsValue)}，案发后已主动下架、退还消费者货款，未造成危害后果，且小店经营困难，请求从轻或者减轻处罚。`,
          hearingArgs: `我对违法事实没有异议，但涉案货值只有${yuan(goodsValue)}，是一时疏忽，而且已经主动退赔，拟罚款数额明显过重，请求依照《中华人民共和国行政处罚法》第三十二条减轻处罚。`,
          factors: [`涉案食品货值金额${yuan(goodsValue)}，未发现造成人身损害`, '当事人案发后主动下架涉案食品并退还投诉人货款'],
          extraPenalties: [
            { type: 'confiscate_goods', description: `没收超过保质期的${goodsName}${onShelf}${food.unit}` },
            { type: 'confiscate_gains', amountFen: sold * gain, description: `没收违法所得${yuan(sold * gain)}` },
          ],
          evidence: [
            ev({
              key: 'purchase-slip',
              kind: '书证',
              title: `${supplier}送货单复印件`,
              fileName: '进货送货单',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '涉案食品的进货来源、进货日期、数量和进价',
              file: pdf(() =>
                invoiceDoc({
                  title: '送货单',
                  no: `${r.digits(7)}`,
                  seller: supplier,
                  buyer: party.display,
                  date: bought,
                  rows: [
                    [`${food.brand}${food.name}`, food.spec, food.unit, String(purchased), food.cost.toFixed(2), plain(fenFromYuan(food.cost) * purchased)],
                    [FILLERS[0]!.label, '550mL×24瓶', '箱', '5', '24.00', '120.00'],
                  ],
                  total: yuan(fenFromYuan(food.cost) * purchased + 12000),
                  note: `生产日期：${dotDate(produced)}`,
                  provider: party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'pos-sales',
              kind: '电子数据',
              title: '收银系统销售记录（打印件）',
              fileName: '收银系统销售记录',
              source: '执法人员从当事人收银系统中提取并打印',
              act: 'inquiry1',
              proves: '涉案食品超过保质期后的销售数量和销售金额',
              file: pdf(() =>
                listingDoc({
                  title: '收银系统商品销售明细',
                  intro: `提取时间：${cnDate(dates.inquiry1)}；提取方式：执法人员在当事人在场的情况下，从其店内收银电脑“智慧门店收银系统”按商品条码查询${cnDate(addDays(expiry, 1))}至${cnDate(dates.inspect)}的销售记录并打印。`,
                  head: ['销售时间', '商品名称', '数量', '单价（元）', '金额（元）'],
                  widths: [2.6, 3.4, 1, 1.4, 1.4],
                  rows: Array.from({ length: sold }, (_, k) => [
                    `${addDays(expiry, 1 + Math.floor(((k + 1) * Math.max(1, daysBetween(expiry, dates.inspect) - 1)) / (sold + 1)))} ${String(9 + k * 2).padStart(2, '0')}:${String(11 + k * 7).padStart(2, '0')}`,
                    `${food.brand}${food.name}`,
                    '1',
                    food.price.toFixed(2),
                    food.price.toFixed(2),
                  ]),
                  after: [`合计：销售${sold}${food.unit}，金额${yuan(sold * price)}。`],
                  provider: party.person.name,
                  date: dates.inquiry1,
                  author: party.display,
                }),
              ),
            }),
            ev({
              key: 'complainant-statement',
              kind: '证人证言',
              title: `投诉人${witness.name}询问笔录`,
              fileName: '投诉人询问笔录',
              source: '执法人员询问制作',
              act: 'inspect',
              proves: '投诉人在当事人处购买到超过保质期食品的经过',
              file: pdf(() =>
                witnessDoc({
                  agency: info.agency.name,
                  place: `${info.agency.name}投诉接待室`,
                  time: timeSpan(dates.inspect, 14 * 60 + 30, 15 * 60 + 5),
                  officers: officerLine('inspect'),
                  witnessLines: [`被询问人：${witness.name}，性别${witness.male ? '男' : '女'}，身份证号：${witness.idNumber}，住址：${witness.address}，联系电话：${witness.phone}`],
                  qa: [
                    ['你为什么向市场监管部门投诉？', `我${cnDate(complainedOn)}在${party.display}买了一${food.unit}${goodsName}，回家后发现已经过期了。`],
                    ['你有什么证据？', '有购物的收款记录，还有拍的包装照片，东西我也保留着。'],
                    ['商家对你的投诉是什么态度？', '后来商家把钱退给我了，也道了歉。'],
                  ],
                  witness: witness.name,
                  officerNames: officerNames('inspect'),
                  date: dates.inspect,
                }),
              ),
            }),
            ev({
              key: 'food-licence',
              kind: '书证',
              title: '食品经营许可证复印件',
              fileName: '食品经营许可证',
              source: '当事人提供',
              act: 'inspect',
              proves: '当事人的食品经营主体资格及经营项目',
              file: pdf(() =>
                paperDoc({
                  title: '食品经营许可证',
                  subtitle: '（副本）',
                  grid: [
                    ['经营者名称', party.display],
                    ['统一社会信用代码', party.licenceCode ?? ''],
                    ['法定代表人（负责人）', party.person.name],
                    ['经营场所', party.premises],
                    ['主体业态', '食品销售经营者（便利店）'],
                    ['经营项目', '预包装食品（含冷藏冷冻食品）销售'],
                    ['许可证编号', licenceNo],
                    ['有效期至', cnDate(addDays(dates.inspect, 365 * 2 + 40))],
                  ],
                  paragraphs: [],
                  issuer: info.agency.name,
                  issuedOn: addDays(dates.inspect, -(365 * 3 - 40)),
                  seal: info.agency.name,
                  provider: party.person.name,
                  copiedOn: dates.inspect,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.tradeName ?? party.display,
            products: [{ label: food.brand + food.name, sub: food.spec, color: food.color }, ...r.sample(FILLERS, 5).map((f) => ({ label: f.label, color: f.color }))],
            highlight: { label: `${food.brand}${food.name}`, lines: [label, `保质期至${expiry}`, `售价 ¥${food.price.toFixed(2)}`] },
          },
          violationStart: addDays(expiry, 1),
          continuing: false,
        };
      },
    };
  },
};
