// Price fraud by a fictitious "original price" (虚构原价): 价格法 Art. 14(4) / Art. 40 ¶1,
// 价格违法行为行政处罚规定 Art. 7, 明码标价和禁止价格欺诈规定 Art. 19(3).
import { addDays } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, paperDoc, witnessDoc } from '../evidence/papers';
import { cnDate, timeSpan, yuan } from '../text';
import { ev, fenFromYuan, law, pdf, plain } from './common';
import type { Scenario } from './types';

const PRICE = '中华人民共和国价格法';

const GOODS = [
  { name: '“美厨”牌智能电饭煲（4L）', short: '智能电饭煲', unit: '台', was: 299, now: 169, cost: 118, high: 189, color: '#d0d4d8' },
  { name: '“暖芯”牌蚕丝被（200×230cm）', short: '蚕丝被', unit: '条', was: 899, now: 459, cost: 320, high: 499, color: '#f0e6d2' },
  { name: '“净澈”牌空气炸锅（5L）', short: '空气炸锅', unit: '台', was: 399, now: 219, cost: 150, high: 239, color: '#3a3a3a' },
] as const;

export const priceFraud: Scenario = {
  key: 'price-fraud',
  title: '价格欺诈（虚构原价）',
  cause: '利用虚假的价格手段诱骗消费者进行交易',
  partyKind: 'legal',
  licensed: true,
  industry: '商业连锁',
  businessScope: '日用百货销售；家用电器销售；针纺织品销售；食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  leadKind: '投诉举报',
  agentPost: '门店店长',
  model: 'maxOnly',
  violated: [
    law(PRICE, '第十四条', '第（四）项', '经营者不得有下列不正当价格行为：……（四）利用虚假的或者使人误解的价格手段，诱骗消费者或者其他经营者与其进行交易；'),
    law('明码标价和禁止价格欺诈规定', '第十九条', '第（三）项', '经营者不得实施下列价格欺诈行为：……（三）通过虚假折价、减价或者价格比较等方式销售商品或者提供服务；'),
  ],
  basis: [
    law(PRICE, '第四十条', '第一款', '经营者有本法第十四条所列行为之一的，责令改正，没收违法所得，可以并处违法所得五倍以下的罚款；没有违法所得的，予以警告，可以并处罚款；情节严重的，责令停业整顿，或者由工商行政管理机关吊销营业执照。'),
    law('价格违法行为行政处罚规定', '第七条', undefined, '经营者违反价格法第十四条的规定，利用虚假的或者使人误解的价格手段，诱骗消费者或者其他经营者与其进行交易的，责令改正，没收违法所得，并处违法所得5倍以下的罚款；没有违法所得的，处5万元以上50万元以下的罚款；情节严重的，责令停业整顿，或者由工商行政管理机关吊销营业执照。'),
  ],
  draw(rng) {
    const g = rng.pick(GOODS);
    const sold = rng.int(20, 60);
    const revenue = sold * fenFromYuan(g.now);
    const cost = sold * fenFromYuan(g.cost);
    const gains = revenue - cost;
    return {
      amounts: { salesFen: revenue, illegalGainsFen: gains },
      range: { minFen: 0, maxFen: gains * 5, text: `违法所得五倍以下（违法所得${yuan(gains)}，即${yuan(gains * 5)}以下）` },
      details: ({ rng: r, party, dates, info, witness, officerLine, officerNames }) => {
        const promoStart = addDays(dates.lead, -r.int(10, 25));
        const before = addDays(promoStart, -7);
        return {
          goods: `标示“原价${g.was}元、促销价${g.now}元”的${g.name}`,
          leadText: `消费者${witness.name}投诉称，其在${party.display}购买${g.name}，价签标示“原价¥${g.was} 促销价¥${g.now}”，但此前从未见过以${g.was}元销售，怀疑虚构原价。`,
          reporter: witness.name,
          findings: [
            `当事人卖场二楼家电区促销堆头摆放${g.name}，价签标示“原价¥${g.was}.00  促销价¥${g.now}.00  限时直降${g.was - g.now}元”。`,
            `执法人员调取当事人收银系统，发现该商品在促销活动开始前七日（${cnDate(before)}至${cnDate(addDays(promoStart, -1))}）内的成交价格为${g.high}元至${g.now + 10}元，无一笔以${g.was}元成交。`,
            '执法人员对价签拍照取证，并打印了相关销售记录。',
          ],
          inquiry: [
            [`${g.short}价签上的“原价${g.was}元”是怎么确定的？`, `是总部采购给的建议零售价，我们门店从来没有按${g.was}元卖过。`],
            ['促销活动前七日内该商品的实际成交价格是多少？', `最高卖到${g.high}元，一般是${g.high - 10}元左右。`],
            ['促销活动从什么时候开始？卖出多少？', `${cnDate(promoStart)}开始，到你们检查时卖出${sold}${g.unit}，每${g.unit}${g.now}元，进价${g.cost}元。`],
            ['你公司是否知道明码标价和禁止价格欺诈的规定？', '知道一些，但没注意原价要按前七日最低成交价标。'],
          ],
          facts: `当事人${party.display}自${cnDate(promoStart)}起在其卖场开展促销活动，对${g.name}标示“原价¥${g.was}  促销价¥${g.now}”。经查，该商品在本次促销活动前七日内的最低成交价格为${g.high - 10}元、最高为${g.high}元，从未以${g.was}元成交，当事人标示的原价系虚构。促销期间当事人以${g.now}元的价格销售该商品${sold}${g.unit}，销售收入${yuan(revenue)}，扣除购进价款${yuan(cost)}后，违法所得为${yuan(gains)}。`,
          admission: `我公司自${cnDate(promoStart)}起对${g.name}开展促销，价签标示“原价${g.was}元”系采用供应商建议零售价，促销前七日内实际未以该价格销售。促销期间共销售${sold}${g.unit}。现已更换价签，并对购买该商品的消费者提供退差价服务。`,
          statement: `我公司对违法事实无异议。案发后已立即整改，更换全部价签，并主动向${r.int(5, 15)}名已购消费者退还差价，请求从轻处罚。`,
          hearingArgs: '我公司对违法事实没有异议，已经主动向消费者退还差价，请求从轻处罚。',
          factors: ['当事人主动向已购消费者退还差价'],
          extraPenalties: [{ type: 'confiscate_gains', amountFen: gains, description: `没收违法所得${yuan(gains)}` }],
          evidence: [
            ev({
              key: 'pos-7days',
              kind: '电子数据',
              title: '促销前七日及促销期间销售记录（打印件）',
              fileName: '销售记录',
              source: '执法人员从当事人收银系统提取',
              act: 'inspect',
              proves: '促销前七日内无以标示原价成交的记录，以及促销期间的销售数量和金额',
              file: pdf(() =>
                listingDoc({
                  title: `${g.short}销售记录`,
                  intro: `提取时间：${cnDate(dates.inspect)}；提取人：${officerNames('inspect')}；系统：门店收银管理系统（商品编码69${r.digits(11)}）。`,
                  head: ['日期', '成交笔数', '成交单价（元）', '成交金额（元）', '备注'],
                  widths: [2, 1.2, 1.6, 1.8, 2],
                  rows: [
                    ...Array.from({ length: 4 }, (_, i) => [addDays(before, i * 2), String(r.int(1, 3)), String(g.high - (i % 2) * 10), '', '促销前']),
                    ...Array.from({ length: 4 }, (_, i) => [addDays(promoStart, i * 3), String(Math.max(1, Math.floor(sold / 4))), String(g.now), '', '促销期间']),
                  ].map((row) => [row[0]!, row[1]!, row[2]!, plain(Number(row[1]) * fenFromYuan(Number(row[2]))), row[4]!]),
                  after: [`促销期间合计销售${sold}${g.unit}，销售金额${yuan(revenue)}。`],
                  provider: party.agent?.name ?? party.person.name,
                  date: dates.inspect,
                  author: party.display,
                }),
              ),
            }),
            ev({
              key: 'purchase-invoice',
              kind: '书证',
              title: '进货发票复印件',
              fileName: '进货发票',
              source: '当事人提供',
              act: 'inquiry1',
              proves: `涉案商品的进货单价${g.cost}元`,
              file: pdf(() =>
                invoiceDoc({
                  title: '增值税专用发票（电子）',
                  no: r.digits(20),
                  seller: `${info.cityShort}${r.pick(['华联', '汇通', '百源'])}电器有限公司`,
                  buyer: party.display,
                  date: addDays(promoStart, -20),
                  head: ['货物名称', '规格型号', '单位', '数量', '单价（元）', '金额（元）'],
                  rows: [[g.name, '—', g.unit, String(sold + 20), plain(fenFromYuan(g.cost)), plain(fenFromYuan(g.cost) * (sold + 20))]],
                  total: yuan(fenFromYuan(g.cost) * (sold + 20)),
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'promo-plan',
              kind: '书证',
              title: '促销活动方案复印件',
              fileName: '促销活动方案',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '促销活动的时间和价签标示方式系当事人确定',
              file: pdf(() =>
                paperDoc({
                  title: '家电专区促销活动方案',
                  paragraphs: [
                    `一、活动时间：${cnDate(promoStart)}起。`,
                    `二、活动商品：${g.name}等。`,
                    `三、价签标示：统一标示“原价（建议零售价）${g.was}元、促销价${g.now}元”。`,
                    '四、责任部门：门店营运部。',
                  ],
                  issuer: party.display,
                  issuedOn: addDays(promoStart, -3),
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'complainant',
              kind: '证人证言',
              title: `投诉人${witness.name}询问笔录`,
              fileName: '投诉人询问笔录',
              source: '执法人员询问制作',
              act: 'inspect',
              proves: '投诉人受原价标示吸引购买涉案商品的经过',
              file: pdf(() =>
                witnessDoc({
                  agency: info.agency.name,
                  place: `${info.agency.name}投诉接待室`,
                  time: timeSpan(dates.inspect, 15 * 60, 15 * 60 + 30),
                  officers: officerLine('inspect'),
                  witnessLines: [`被询问人：${witness.name}，身份证号：${witness.idNumber}，联系电话：${witness.phone}`],
                  qa: [
                    ['你为什么购买该商品？', `价签写着原价${g.was}元，现在只要${g.now}元，觉得便宜就买了。`],
                    ['你怎么发现原价有问题？', `我之前在这家店看过，一直是一百八九十元，从来没有${g.was}元。`],
                  ],
                  witness: witness.name,
                  officerNames: officerNames('inspect'),
                  date: dates.inspect,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.display.replace(/有限公司$/, ''),
            products: [{ label: g.short, sub: '促销', color: g.color }, { label: '电水壶', color: '#e8e8e8' }, { label: '微波炉', color: '#b0b0b0' }, { label: '榨汁机', color: '#e07050' }, { label: '电风扇', color: '#f4f4f4' }],
            highlight: { label: g.name, lines: [`原价¥${g.was}.00`, `促销价¥${g.now}.00`, `限时直降${g.was - g.now}元`] },
          },
          violationStart: promoStart,
          continuing: false,
        };
      },
    };
  },
};
