// Selling unsafe industrial products (产品质量法 Art. 13 ¶2 / Art. 49): building wire whose
// conductor resistance fails GB/T 5023.3; sample sent for testing (excluded period).
import { addDays } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, paperDoc, testReportDoc } from '../evidence/papers';
import { cnDate, yuan } from '../text';
import { ev, fenFromYuan, law, pdf, plain } from './common';
import type { Scenario } from './types';

const PQL = '中华人民共和国产品质量法';

const WIRES = [
  { size: '2.5', maxR: 7.41, thick: 0.8, price: 268, cost: 205 },
  { size: '4', maxR: 4.61, thick: 0.8, price: 398, cost: 310 },
  { size: '1.5', maxR: 12.1, thick: 0.7, price: 178, cost: 132 },
] as const;

export const substandard: Scenario = {
  key: 'substandard-product',
  title: '销售不合格产品',
  cause: '销售不符合保障人身、财产安全的国家标准的产品',
  partyKind: 'legal',
  licensed: true,
  industry: '建材',
  businessScope: '建筑材料销售；五金产品零售；电线、电缆经营；灯具销售（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
  leadKind: '投诉举报',
  testingDays: [8, 14],
  model: 'band',
  violated: [law(PQL, '第十三条', '第二款', '禁止生产、销售不符合保障人体健康和人身、财产安全的标准和要求的工业产品。具体管理办法由国务院规定。')],
  basis: [
    law(
      PQL,
      '第四十九条',
      undefined,
      '生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的，责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款；有违法所得的，并处没收违法所得；情节严重的，吊销营业执照；构成犯罪的，依法追究刑事责任。',
    ),
  ],
  draw(rng) {
    const w = rng.pick(WIRES);
    const bought = rng.int(80, 160);
    const sold = rng.int(30, bought - 20);
    const price = fenFromYuan(w.price);
    const value = bought * price;
    const gains = sold * fenFromYuan(w.price - w.cost);
    return {
      amounts: { goodsValueFen: value, salesFen: sold * price, illegalGainsFen: gains },
      range: { minFen: value, maxFen: value * 3, text: `货值金额等值以上三倍以下（货值金额${yuan(value)}，即${yuan(value)}至${yuan(value * 3)}）` },
      details: ({ rng: r, party, dates, info, witness }) => {
        const maker = `${r.pick(['浙江', '江苏', '河北'])}${r.pick(['金缆', '亿通', '宏远', '正泰兴'])}电线电缆有限公司`;
        const product = `“${maker.slice(2, 4)}”牌BV ${w.size}mm² 聚氯乙烯绝缘电线（450/750V，100m/卷）`;
        const measured = Math.round(w.maxR * (1.12 + r.next() * 0.18) * 100) / 100;
        const purchasedOn = addDays(dates.lead, -r.int(40, 120));
        const institute = `${info.cityShort}市产品质量监督检验研究院`;
        const left = bought - sold;
        return {
          goods: `${product}${left}卷`,
          leadText: `装修业主${witness.name}投诉称，其从${party.display}购买的${product}线径偏细、通电后发热，怀疑质量不合格。`,
          reporter: witness.name,
          findings: [
            `当事人仓库内存放有${product}${left}卷，产品合格证标注生产者为${maker}，执行标准GB/T 5023.3-2008。`,
            '当事人能够提供该批电线的进货发票及供货商信息。',
            '执法人员对上述电线拍照取证，责令当事人在检验结果出具前暂停销售该批电线，并告知将依法抽样送检。',
          ],
          inquiry: [
            ['涉案电线是从哪里进的货？', `是${cnDate(purchasedOn)}从${maker}的经销商处购进的，一共${bought}卷，进价${w.cost}元/卷，有发票。`],
            ['销售价格和数量？', `每卷卖${w.price}元，到检查时卖出去${sold}卷，还剩${left}卷。`],
            ['进货时是否查验了产品合格证明？', '看了合格证，没有看检验报告。'],
            ['你公司是否知道该电线存在质量问题？', '不知道，进货价格也不算低。'],
          ],
          inquiry2: [
            ['检验报告显示涉案电线导体电阻不合格，你公司是否有异议？', '没有异议，不申请复检。'],
            ['已售出的电线是否召回？', '已经联系了几位购买的客户，退换了一部分。'],
          ],
          testing: { institute, sample: `${product}样品2卷` },
          facts: `当事人${party.display}于${cnDate(purchasedOn)}从${maker}经销商处购进${product}${bought}卷，进价${w.cost}元/卷，以${w.price}元/卷的价格对外销售，至案发时已售出${sold}卷，库存${left}卷。经${institute}检验，该产品“导体电阻”项目实测值为${measured}Ω/km，不符合GB/T 5023.3-2008规定的不大于${w.maxR}Ω/km的要求，检验结论为不合格。该产品属于不符合保障人身、财产安全的国家标准的产品。当事人销售的涉案产品货值金额为${yuan(value)}（包括已售出和未售出的产品），销售金额为${yuan(sold * price)}，违法所得为${yuan(gains)}。当事人能如实说明进货来源，并提供了进货发票。`,
          admission: `我公司于${cnDate(purchasedOn)}购进${product}${bought}卷，已售出${sold}卷，售价${w.price}元/卷，库存${left}卷。对检验报告认定的导体电阻不合格结论无异议。我公司进货时仅查看了合格证，未索取检验报告，今后将严格进货把关。`,
          statement: '我公司对违法事实无异议。我公司不知道该产品不合格，能够如实说明进货来源，符合《中华人民共和国产品质量法》第五十五条规定的从轻情形，且已主动召回部分已售产品，请求从轻处罚。',
          hearingArgs: '我公司对检验结论没有异议，我公司能够如实说明进货来源，请求依照《中华人民共和国产品质量法》第五十五条从轻处罚。',
          factors: ['当事人能够如实说明进货来源，依照《中华人民共和国产品质量法》第五十五条可以从轻处罚', '当事人主动召回部分已售产品'],
          extraPenalties: [
            { type: 'confiscate_goods', description: `没收不合格的${product}${left}卷` },
            { type: 'confiscate_gains', amountFen: gains, description: `没收违法所得${yuan(gains)}` },
          ],
          evidence: [
            ev({
              key: 'test-report',
              kind: '鉴定意见',
              title: '检验报告',
              fileName: '检验报告',
              source: '检验机构出具',
              act: 'sampling',
              date: dates.testReport ?? dates.sampling ?? dates.inspect,
              proves: '涉案电线导体电阻项目不符合国家标准，检验结论为不合格',
              file: pdf(() =>
                testReportDoc({
                  institute,
                  reportNo: `WT${dates.inspect.slice(0, 4)}${r.digits(6)}`,
                  sample: `聚氯乙烯绝缘电线（BV ${w.size}mm²）`,
                  model: `227 IEC 01（BV）450/750V 1×${w.size}`,
                  maker,
                  client: info.agency.name,
                  sampledFrom: `${party.display}（${party.premises}）`,
                  sampledOn: dates.sampling ?? dates.inspect,
                  receivedOn: addDays(dates.sampling ?? dates.inspect, 1),
                  testedFrom: addDays(dates.sampling ?? dates.inspect, 2),
                  issuedOn: dates.testReport ?? dates.inspect,
                  basis: 'GB/T 5023.3-2008《额定电压450/750V及以下聚氯乙烯绝缘电缆 第3部分：固定布线用无护套电缆》',
                  items: [
                    { item: '导体电阻（20℃）', unit: 'Ω/km', requirement: `≤${w.maxR}`, result: String(measured), verdict: '不合格' },
                    { item: '绝缘平均厚度', unit: 'mm', requirement: `≥${w.thick}`, result: (w.thick + 0.02).toFixed(2), verdict: '合格' },
                    { item: '绝缘最薄处厚度', unit: 'mm', requirement: `≥${(w.thick * 0.9 - 0.1).toFixed(2)}`, result: (w.thick * 0.9 - 0.05).toFixed(2), verdict: '合格' },
                    { item: '成品电缆电压试验（2500V，5min）', unit: '—', requirement: '不击穿', result: '不击穿', verdict: '合格' },
                    { item: '标志耐擦性', unit: '—', requirement: '字迹清晰', result: '字迹清晰', verdict: '合格' },
                  ],
                  conclusion: `经检验，所检项目中“导体电阻”不符合GB/T 5023.3-2008标准要求，检验结论：不合格。`,
                }),
              ),
            }),
            ev({
              key: 'sampling-record',
              kind: '书证',
              title: '抽样记录单',
              fileName: '抽样记录单',
              source: '执法人员现场制作，当事人签字确认',
              act: 'sampling',
              proves: '涉案产品的抽样过程、样品数量及封样情况',
              file: pdf(() =>
                paperDoc({
                  title: '抽样记录单',
                  grid: [
                    ['被抽样单位', party.display],
                    ['样品名称', product],
                    ['抽样基数', `${left}卷`],
                    ['抽样数量', '2卷（检验样1卷、备用样1卷）'],
                    ['封样情况', '样品经双方签字确认后加贴封条'],
                    ['检验机构', institute],
                  ],
                  paragraphs: ['被抽样单位确认以上内容属实。'],
                  issuer: info.agency.name,
                  issuedOn: dates.sampling ?? dates.inspect,
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
              proves: '涉案电线的进货来源、数量和进价',
              file: pdf(() =>
                invoiceDoc({
                  title: '增值税专用发票（电子）',
                  no: r.digits(20),
                  seller: `${maker}（经销商开具）`,
                  buyer: party.display,
                  date: purchasedOn,
                  head: ['货物名称', '规格型号', '单位', '数量', '单价（元）', '金额（元）'],
                  rows: [[`聚氯乙烯绝缘电线`, `BV ${w.size}mm² 100m`, '卷', String(bought), plain(fenFromYuan(w.cost)), plain(fenFromYuan(w.cost) * bought)]],
                  total: yuan(fenFromYuan(w.cost) * bought),
                  provider: party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'sales-ledger',
              kind: '书证',
              title: '销售台账复印件',
              fileName: '销售台账',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '涉案电线的销售数量和销售金额',
              file: pdf(() =>
                listingDoc({
                  title: '电线销售台账（摘录）',
                  intro: `摘录范围：${cnDate(purchasedOn)}至${cnDate(dates.inspect)}，品名：BV ${w.size}mm²。`,
                  head: ['日期', '客户', '数量（卷）', '单价（元）', '金额（元）'],
                  widths: [1.8, 3, 1.2, 1.4, 1.6],
                  rows: [0.3, 0.25, 0.25, 0.2].map((f, i) => {
                    const q = i === 3 ? sold - Math.round(sold * 0.3) - Math.round(sold * 0.25) * 2 : Math.round(sold * f);
                    return [addDays(purchasedOn, 10 + i * 12), i === 1 ? witness.name : `散客${i + 1}`, String(q), String(w.price), plain(q * price)];
                  }),
                  after: [`合计销售${sold}卷，金额${yuan(sold * price)}。`],
                  provider: party.person.name,
                  date: dates.inquiry1,
                  author: party.display,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.display.replace(/有限公司$/, ''),
            products: [{ label: `BV${w.size}电线`, sub: '100m/卷', color: '#c23b22' }, { label: '开关插座', color: '#f2f2f2' }, { label: 'PVC线管', color: '#e8e8e8' }, { label: 'BV1.5电线', color: '#2b6cb0' }, { label: '灯具', color: '#f0d080' }],
            highlight: { label: `BV ${w.size}mm² 电线`, lines: [`生产者：${maker}`, `导体电阻≤${w.maxR}Ω/km（标准）`, `售价 ¥${w.price}/卷`] },
          },
          violationStart: addDays(purchasedOn, 3),
          continuing: false,
        };
      },
    };
  },
};
