// Selling goods that infringe a registered trademark (商标法 Art. 57(3) / Art. 60 ¶2).
import { addDays } from '../../../shared/format/date';
import { listingDoc, paperDoc } from '../evidence/papers';
import { cnDate, yuan } from '../text';
import { ev, fenFromYuan, law, pdf, png } from './common';
import type { Scenario } from './types';

const TM = '中华人民共和国商标法';

/** Fictitious brands and owners. */
const BRANDS = [
  { mark: '踏云', latin: 'TAYUN', owner: '福建踏云体育用品有限公司', goods: '运动鞋', cls: '第25类', unit: '双', price: 89, genuine: 499, cost: 35, color: '#2b59a8' },
  { mark: '极风', latin: 'JIFENG', owner: '晋江极风鞋服有限公司', goods: '休闲运动鞋', cls: '第25类', unit: '双', price: 79, genuine: 429, cost: 30, color: '#c0392b' },
  { mark: '雪峰', latin: 'XUEFENG', owner: '雪峰服饰（江苏）有限公司', goods: '羽绒服', cls: '第25类', unit: '件', price: 159, genuine: 1299, cost: 70, color: '#1f6f5c' },
] as const;

export const trademark: Scenario = {
  key: 'trademark',
  title: '销售侵犯注册商标专用权的商品',
  cause: '销售侵犯注册商标专用权的商品',
  partyKind: 'natural',
  licensed: true,
  industry: '鞋服店',
  businessScope: '鞋帽零售；服装服饰零售；日用百货销售',
  leadKind: '投诉举报',
  model: 'maxOnly',
  violated: [law(TM, '第五十七条', '第（三）项', '有下列行为之一的，均属侵犯注册商标专用权：……（三）销售侵犯注册商标专用权的商品的；')],
  basis: [
    law(
      TM,
      '第六十条',
      '第二款',
      '工商行政管理部门处理时，认定侵权行为成立的，责令立即停止侵权行为，没收、销毁侵权商品和主要用于制造侵权商品、伪造注册商标标识的工具，违法经营额五万元以上的，可以处违法经营额五倍以下的罚款，没有违法经营额或者违法经营额不足五万元的，可以处二十五万元以下的罚款。对五年内实施两次以上商标侵权行为或者有其他严重情节的，应当从重处罚。销售不知道是侵犯注册商标专用权的商品，能证明该商品是自己合法取得并说明提供者的，由工商行政管理部门责令停止销售。',
    ),
  ],
  draw(rng) {
    const b = rng.pick(BRANDS);
    const stock = rng.int(18, 60);
    const sold = rng.int(10, 40);
    const price = fenFromYuan(b.price);
    // 违法经营额 (商标法实施条例 Art. 78): sold at the actual price + unsold at the marked price.
    // goodsValueFen is the case file's 货值金额 of all the goods, sold and unsold, as in every
    // scenario: P6 takes it as the 违法经营额 and P9 subtracts salesFen for the unsold part.
    const turnover = (stock + sold) * price;
    const regNo = `第${rng.int(10_000_000, 39_999_999)}号`;
    return {
      amounts: { goodsValueFen: turnover, salesFen: sold * price },
      range: { minFen: 0, maxFen: 25_000_000, text: '违法经营额不足五万元的，可以处二十五万元以下的罚款' },
      details: ({ rng: r, party, dates, info, witness }) => {
        const goodsName = `标有“${b.mark}”“${b.latin}”注册商标标识的${b.goods}`;
        const from = addDays(dates.lead, -r.int(30, 100));
        const bought = addDays(from, -r.int(1, 6));
        return {
          goods: `${goodsName}${stock}${b.unit}`,
          leadText: `${b.owner}委托代理人${witness.name}向本局投诉，称${party.display}销售假冒其“${b.mark}”注册商标的${b.goods}，并提交了商标注册证、委托书及购买凭证。`,
          reporter: `${witness.name}（${b.owner}委托代理人）`,
          findings: [
            `当事人店内货架及仓储区存放有${goodsName}共计${stock}${b.unit}，标价${b.price}元/${b.unit}，鞋盒（吊牌）标注“${b.owner}”，无合格证、无防伪标识。`,
            `当事人无法提供上述商品的进货票据及商标注册人的授权证明。`,
            '执法人员对上述商品进行了清点、拍照，并责令当事人立即停止销售。',
          ],
          inquiry: [
            [`店内的${b.mark}牌${b.goods}是从哪里进的？`, `是${cnDate(bought)}从一个上门推销的人那里买的，一共进了${stock + sold}${b.unit}，每${b.unit}${b.cost}元，没有开票，也不知道对方叫什么。`],
            ['你知道正品的价格吗？', `正品专卖店卖${b.genuine}元左右，我卖${b.price}元。`],
            ['你是否知道这些商品是假冒的？', '价格这么便宜，心里也有点怀疑，但是想着好卖就进了。'],
            ['你卖出去多少？', `卖出去${sold}${b.unit}，都是按${b.price}元卖的，有微信收款记录。`],
            [`你是否取得了${b.owner}的授权？`, '没有。'],
          ],
          facts: `当事人${party.display}（经营者${party.person.name}）于${cnDate(bought)}从身份不明的上门推销人员处以每${b.unit}${b.cost}元的价格购进${goodsName}${stock + sold}${b.unit}，未索取任何票据，自${cnDate(from)}起以每${b.unit}${b.price}元的价格对外销售，至案发时已售出${sold}${b.unit}，库存${stock}${b.unit}。经商标注册人${b.owner}鉴别，上述商品均非其生产或者授权生产，属于侵犯“${b.mark}”注册商标（注册号${regNo}，核定使用商品${b.cls}）专用权的商品。当事人不能证明该商品系自己合法取得并说明提供者。经核算，当事人违法经营额为${yuan(turnover)}，其中已售出${sold}${b.unit}，销售金额为${yuan(sold * price)}；库存${stock}${b.unit}，未销售货值按标价计算为${yuan(stock * price)}。`,
          admission: `本人${party.person.name}，是${party.display}的经营者。我于${cnDate(bought)}从一个上门推销的人那里以每${b.unit}${b.cost}元的价格进了${stock + sold}${b.unit}“${b.mark}”牌${b.goods}，没有要票据，也没有对方的联系方式。我按每${b.unit}${b.price}元卖出${sold}${b.unit}，剩下${stock}${b.unit}还在店里，已经停止销售。我没有取得商标权利人的授权。`,
          statement: `对违法事实无异议。涉案商品数量不多，违法经营额仅${yuan(turnover)}，本人系初次违法，已主动配合清点，请求从轻处罚。`,
          hearingArgs: `我对侵权事实没有异议，违法经营额只有${yuan(turnover)}，是第一次，请求从轻处罚。`,
          factors: [`违法经营额${yuan(turnover)}，数额较小`, '当事人主动配合调查，如实说明了进货和销售情况'],
          extraPenalties: [{ type: 'confiscate_goods', description: `没收侵犯“${b.mark}”注册商标专用权的${b.goods}${stock}${b.unit}` }],
          evidence: [
            ev({
              key: 'tm-certificate',
              kind: '书证',
              title: '商标注册证复印件',
              fileName: '商标注册证',
              source: '投诉人提供',
              act: 'inspect',
              proves: `“${b.mark}”商标的注册人、注册号、核定使用商品及有效期`,
              file: pdf(() =>
                paperDoc({
                  title: '商标注册证',
                  subtitle: regNo,
                  grid: [
                    ['商标', `${b.mark} ${b.latin}`],
                    ['注册人', b.owner],
                    ['核定使用商品', `${b.cls}：${b.goods}；鞋；服装；帽`],
                    ['注册有效期限', `2019年3月14日至2029年3月13日`],
                  ],
                  paragraphs: ['经审查，该商标已获准注册，专用权受法律保护。'],
                  issuer: '国家知识产权局',
                  issuedOn: '2019-03-14',
                  provider: witness.name,
                  copiedOn: dates.inspect,
                }),
              ),
            }),
            ev({
              key: 'tm-appraisal',
              kind: '鉴定意见',
              title: `${b.owner}出具的鉴别意见书`,
              fileName: '商标权利人鉴别意见书',
              source: '商标注册人出具',
              act: 'inquiry1',
              proves: '涉案商品并非商标注册人生产或者授权生产，系侵权商品',
              file: pdf(() =>
                paperDoc({
                  title: '鉴别意见书',
                  paragraphs: [
                    `${info.agency.name}：`,
                    `应贵局要求，我公司对贵局于${cnDate(dates.inspect)}在${party.display}查获的标有“${b.mark}”“${b.latin}”商标的${b.goods}样品进行了鉴别。`,
                    '鉴别依据：1. 涉案商品鞋盒及吊牌无我公司统一防伪标识；2. 鞋舌内侧商标印制工艺、字体间距与正品不符；3. 涉案商品货号与我公司产品编码规则不符。',
                    `鉴别结论：上述商品非我公司生产，亦非我公司授权生产，属于侵犯我公司“${b.mark}”注册商标专用权的商品。`,
                  ],
                  issuer: b.owner,
                  issuedOn: dates.inquiry1,
                  seal: b.owner,
                }),
              ),
            }),
            ev({
              key: 'wechat-receipts',
              kind: '电子数据',
              title: '微信收款记录截图',
              fileName: '微信收款记录',
              source: '执法人员从当事人手机截取',
              act: 'inquiry1',
              proves: `涉案商品的销售数量和销售价格`,
              file: png({
                type: 'screen',
                app: '微信支付 · 收款记录',
                title: `${party.tradeName ?? party.display} 收款明细`,
                banner: `本月收款 ${sold + 23} 笔`,
                items: Array.from({ length: Math.min(sold, 7) }, (_, i) => ({
                  name: `${addDays(from, 3 + i * 5).slice(5)} 收款`,
                  price: `+${b.price}.00`,
                  note: i % 3 === 0 ? `备注：${b.mark}${b.goods}` : '',
                  highlight: i % 3 === 0,
                })),
                footer: '以上记录由执法人员在当事人在场时截取',
                time: '14:26',
              }),
            }),
            ev({
              key: 'seized-list',
              kind: '书证',
              title: '涉案商品清点清单',
              fileName: '商品清点清单',
              source: '执法人员现场清点，当事人签字确认',
              act: 'inspect',
              proves: '涉案侵权商品的数量、标价',
              file: pdf(() =>
                listingDoc({
                  title: '涉案商品清点清单',
                  intro: `清点时间：${cnDate(dates.inspect)}；清点地点：${party.premises}。`,
                  head: ['序号', '品名', '商标标识', '尺码', '数量', '标价（元）'],
                  widths: [0.8, 2.4, 2, 1.6, 1, 1.4],
                  rows: [36, 38, 40, 42].map((size, i) => [String(i + 1), b.goods, `${b.mark} ${b.latin}`, b.unit === '双' ? `${size + 2}码` : ['M', 'L', 'XL', 'XXL'][i]!, String(Math.floor(stock / 4) + (i === 0 ? stock % 4 : 0)), String(b.price)]),
                  after: [`合计${stock}${b.unit}。`],
                  provider: party.person.name,
                  date: dates.inspect,
                  author: info.agency.name,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.tradeName ?? party.display,
            products: [
              { label: `${b.mark} ${b.latin}`, sub: b.goods, color: b.color },
              { label: '休闲鞋', color: '#7a7a7a' },
              { label: '帆布鞋', color: '#d8cfb8' },
              { label: '拖鞋', color: '#4a8a9a' },
              { label: '童鞋', color: '#e8a0a0' },
            ],
            highlight: { label: `“${b.mark}”${b.goods}`, lines: ['无合格证、无防伪标识', `正品价约¥${b.genuine}`, `标价 ¥${b.price}`] },
          },
          violationStart: from,
          continuing: false,
        };
      },
    };
  },
};
