// A market stall using a rigged electronic scale (破坏计量器具准确度): 计量法 Art. 16 / Art. 26,
// 计量法实施细则 Art. 46 (2022 numbering). Law sets only a maximum (2,000 yuan).
import { addDays } from '../../../shared/format/date';
import { paperDoc, testReportDoc, witnessDoc } from '../evidence/papers';
import { cnDate, timeSpan, yuan } from '../text';
import { ev, law, pdf } from './common';
import type { Scenario } from './types';

const MET = '中华人民共和国计量法';

const STALLS = [
  { shop: '水产店', goods: ['鲈鱼', '鲫鱼', '基围虾', '花蛤'], item: '鲈鱼', unitPrice: 36 },
  { shop: '水产店', goods: ['黄鳝', '鳊鱼', '河虾', '螺蛳'], item: '河虾', unitPrice: 68 },
  { shop: '水产店', goods: ['草鱼', '鮰鱼', '小龙虾', '蛏子'], item: '小龙虾', unitPrice: 45 },
] as const;

export const scaleCheat: Scenario = {
  key: 'scale-cheat',
  title: '使用作弊电子计价秤',
  cause: '破坏计量器具准确度',
  partyKind: 'natural',
  licensed: true,
  industry: '水产店',
  businessScope: '水产品零售；食用农产品零售',
  leadKind: '投诉举报',
  testingDays: [2, 5],
  model: 'maxOnly',
  violated: [law(MET, '第十六条', undefined, '使用计量器具不得破坏其准确度，损害国家和消费者的利益。')],
  basis: [
    law(MET, '第二十六条', undefined, '使用不合格的计量器具或者破坏计量器具准确度，给国家和消费者造成损失的，责令赔偿损失，没收计量器具和违法所得，可以并处罚款。'),
    law('中华人民共和国计量法实施细则', '第四十六条', undefined, '使用不合格计量器具或者破坏计量器具准确度和伪造数据，给国家和消费者造成损失的，责令其赔偿损失，没收计量器具和全部违法所得，可并处2000元以下的罚款。'),
  ],
  draw(rng) {
    const s = rng.pick(STALLS);
    const overPct = rng.pick([8, 10, 12, 15]);
    const gains = rng.int(300, 2400) * 100;
    return {
      amounts: { illegalGainsFen: gains },
      range: { minFen: 0, maxFen: 200_000, text: '可并处2000元以下的罚款' },
      details: ({ rng: r, party, dates, info, witness, officerLine, officerNames }) => {
        const market = r.pick(party.district.markets);
        const stallNo = `${market}${r.int(1, 3)}区${r.int(1, 68)}号摊位`;
        const scaleNo = `${r.pick(['ACS-15', 'ACS-30', 'TCS-30'])} 出厂编号${r.digits(8)}`;
        const from = addDays(dates.lead, -r.int(20, 60));
        const bought = 1.5;
        const shown = Math.round(bought * (1 + overPct / 100) * 100) / 100;
        const institute = `${info.cityShort}市质量计量检测中心`;
        return {
          goods: `经改装、可切换“作弊档”的电子计价秤1台（${scaleNo}）`,
          leadText: `消费者${witness.name}投诉称，其在${market}${party.display}购买${s.item}，回家复称发现短秤约${overPct}%。`,
          reporter: witness.name,
          findings: [
            `当事人摊位（${stallNo}）使用电子计价秤1台（${scaleNo}），检定合格标志在有效期内。`,
            `执法人员使用标准砝码（5kg，M1等级）对该秤进行测试，正常状态下示值为5.000kg；当事人同时按下“M3”“累计”键后，示值变为${(5 * (1 + overPct / 100)).toFixed(3)}kg，超出最大允许误差。`,
            '执法人员对上述测试过程进行了录像、拍照，并将该秤先行登记保存，送计量检定机构检定。',
          ],
          inquiry: [
            ['这台电子秤是从哪里来的？', `是${cnDate(addDays(from, -15))}从一个上门推销的人那里买的，他帮我调了“档位”。`],
            ['你按“M3”和“累计”键是什么作用？', `按了以后称出来的重量会多${overPct}%左右。`],
            ['你从什么时候开始使用作弊档？', `大概从${cnDate(from)}开始，生意不好的时候用过。`],
            ['使用作弊档多收了多少钱？', `记不太清，按每天多收几十块算，总共${yuan(gains)}左右。`],
            ['投诉人的损失你是否已经赔偿？', '已经退给她了。'],
          ],
          inquiry2: [['检定机构出具的检定结果你是否有异议？', '没有异议。'], ['你是否还有其他作弊秤？', '没有了，就这一台。']],
          testing: { institute, sample: `电子计价秤1台（${scaleNo}）` },
          facts: `当事人${party.display}（经营者${party.person.name}）在${stallNo}经营${s.goods.join('、')}等商品。当事人自${cnDate(from)}起使用经改装的电子计价秤（${scaleNo}）进行贸易结算，该秤通过按键组合可切换至作弊状态，使称量示值比实际重量高约${overPct}%。经${institute}检定，该秤在作弊状态下示值误差超出最大允许误差，检定结论为不合格。当事人的行为破坏了计量器具准确度，给消费者造成损失，违法所得${yuan(gains)}。`,
          admission: `本人${party.person.name}，在${stallNo}卖${s.goods.slice(0, 2).join('、')}。我使用的电子秤是从上门推销的人那里买的，他帮我设置了作弊档，按下按键后称重会多出${overPct}%左右。我从${cnDate(from)}开始使用，多收的钱大约${yuan(gains)}。投诉人的损失我已经赔偿。`,
          statement: '对违法事实无异议，已赔偿投诉人损失，作弊秤已被执法机关保存，今后一定诚信经营，请求从轻处罚。',
          hearingArgs: '我对违法事实没有异议，投诉人的损失已经赔了，请求从轻处罚。',
          factors: ['当事人已主动赔偿投诉人损失'],
          extraPenalties: [
            { type: 'confiscate_goods', description: `没收作弊电子计价秤1台（${scaleNo}）` },
            { type: 'confiscate_gains', amountFen: gains, description: `没收违法所得${yuan(gains)}` },
          ],
          evidence: [
            ev({
              key: 'verification',
              kind: '鉴定意见',
              title: `${institute}检定结果通知书`,
              fileName: '检定结果通知书',
              source: '计量检定机构出具',
              act: 'sampling',
              date: dates.testReport ?? dates.sampling ?? dates.inspect,
              proves: '涉案电子计价秤在作弊状态下示值误差超出最大允许误差，检定不合格',
              file: pdf(() =>
                testReportDoc({
                  institute,
                  reportNo: `JD${dates.inspect.slice(0, 4)}-${r.digits(5)}`,
                  sample: '电子计价秤',
                  model: scaleNo,
                  maker: '标称：永康市某衡器有限公司',
                  client: info.agency.name,
                  sampledFrom: stallNo,
                  sampledOn: dates.sampling ?? dates.inspect,
                  receivedOn: dates.sampling ?? dates.inspect,
                  testedFrom: dates.sampling ?? dates.inspect,
                  issuedOn: dates.testReport ?? dates.inspect,
                  basis: 'JJG 539-2016《数字指示秤》',
                  items: [
                    { item: '外观检查', unit: '—', requirement: '无影响准确度的改装', result: '主板加装作弊程序', verdict: '不合格' },
                    { item: '称量测试（正常状态，5kg）', unit: 'g', requirement: '±5', result: '+1', verdict: '合格' },
                    { item: '称量测试（M3+累计，5kg）', unit: 'g', requirement: '±5', result: `+${5000 * overPct / 100}`, verdict: '不合格' },
                  ],
                  conclusion: '该电子计价秤存在作弊功能，作弊状态下示值误差超出最大允许误差，检定不合格。',
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
              proves: '投诉人购买商品时被短秤的事实',
              file: pdf(() =>
                witnessDoc({
                  agency: info.agency.name,
                  place: `${info.agency.name}投诉接待室`,
                  time: timeSpan(dates.inspect, 14 * 60, 14 * 60 + 25),
                  officers: officerLine('inspect'),
                  witnessLines: [`被询问人：${witness.name}，身份证号：${witness.idNumber}，联系电话：${witness.phone}`],
                  qa: [
                    ['请讲一下你购买商品的经过。', `我在${stallNo}买了${s.item}，秤上显示${shown}公斤，单价${s.unitPrice}元，回家用自家秤一称只有${bought}公斤。`],
                    ['你还保留有什么证据？', '有付款记录，还到市场的公平秤复称过，有复称单。'],
                  ],
                  witness: witness.name,
                  officerNames: officerNames('inspect'),
                  date: dates.inspect,
                }),
              ),
            }),
            ev({
              key: 'fair-scale',
              kind: '书证',
              title: '市场公平秤复称记录',
              fileName: '公平秤复称记录',
              source: '投诉人提供',
              act: 'inspect',
              proves: '投诉人所购商品短秤',
              file: pdf(() =>
                paperDoc({
                  title: '公平秤复称记录单',
                  grid: [
                    ['复称时间', cnDate(addDays(dates.lead, -1))],
                    ['商品名称', s.item],
                    ['商户标示重量', `${shown}kg`],
                    ['公平秤复称重量', `${bought}kg`],
                    ['短缺', `${(shown - bought).toFixed(2)}kg`],
                  ],
                  paragraphs: [],
                  issuer: `${market}管理办公室`,
                  issuedOn: addDays(dates.lead, -1),
                  seal: `${market}管理办公室`,
                  provider: witness.name,
                  copiedOn: dates.inspect,
                }),
              ),
            }),
          ],
          scene: {
            type: 'stall',
            sign: `${party.tradeName ?? party.display}  ${stallNo.replace(market, '')}`,
            goods: [...s.goods],
            display: { weight: (5 * (1 + overPct / 100)).toFixed(3), price: '0.00', total: '0.00' },
            note: `标准砝码5kg，按下“M3+累计”键后示值${(5 * (1 + overPct / 100)).toFixed(3)}kg`,
          },
          violationStart: from,
          continuing: false,
        };
      },
    };
  },
};
