// Operating without a business licence (无照经营): 市场主体登记管理条例 Art. 3 ¶1 / Art. 43,
// 无证无照经营查处办法 Art. 2 / Art. 13. Fine only after refusing to correct.
import { addDays } from '../../../shared/format/date';
import { paperDoc, witnessDoc } from '../evidence/papers';
import { cnDate, timeSpan, yuan } from '../text';
import { ev, law, pdf, png } from './common';
import type { Scenario } from './types';

const REG = '中华人民共和国市场主体登记管理条例';
const UNL = '无证无照经营查处办法';

const TRADES = [
  { kind: '美甲美睫服务', shop: '美甲工作室', items: ['美甲（纯色）', '美睫（单根嫁接）', '手部护理'], prices: [68, 128, 58], material: 0.2 },
  { kind: '手机维修及配件销售', shop: '手机维修', items: ['更换屏幕', '更换电池', '手机贴膜'], prices: [260, 120, 30], material: 0.45 },
  { kind: '服装零售', shop: '服饰', items: ['女士连衣裙', '针织开衫', '休闲裤'], prices: [129, 99, 89], material: 0.55 },
] as const;

export const unlicensed: Scenario = {
  key: 'unlicensed',
  title: '无照经营',
  cause: '未经设立登记从事经营活动',
  partyKind: 'natural',
  licensed: false,
  industry: '',
  businessScope: '',
  leadKind: '投诉举报',
  correctionDays: 15,
  model: 'band',
  violated: [
    law(REG, '第三条', '第一款', '市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。法律、行政法规规定无需办理登记的除外。'),
    law(UNL, '第二条', undefined, '任何单位或者个人不得违反法律、法规、国务院决定的规定，从事无证无照经营。'),
  ],
  basis: [
    law(REG, '第四十三条', undefined, '未经设立登记从事经营活动的，由登记机关责令改正，没收违法所得；拒不改正的，处1万元以上10万元以下的罚款；情节严重的，依法责令关闭停业，并处10万元以上50万元以下的罚款。'),
    law(UNL, '第十三条', undefined, '从事无照经营的，由工商行政管理部门依照相关法律、行政法规的规定予以处罚。'),
  ],
  draw(rng) {
    const t = rng.pick(TRADES);
    const revenue = rng.int(60, 180) * 10_000 + rng.int(0, 99) * 100; // 6,000–18,000 yuan
    const materials = Math.round((revenue * t.material) / 100) * 100;
    const gains = revenue - materials;
    return {
      amounts: { salesFen: revenue, illegalGainsFen: gains },
      range: { minFen: 1_000_000, maxFen: 10_000_000, text: '拒不改正的，处1万元以上10万元以下的罚款' },
      details: ({ rng: r, party, dates, witness, info, officerLine, officerNames }) => {
        const p = party.person;
        const shopName = `${p.name.slice(0, 1)}${p.male ? '哥' : '姐'}${t.shop}`;
        const opened = addDays(dates.lead, -r.int(60, 150));
        return {
          goods: `未经登记从事${t.kind}的经营活动`,
          leadText: `群众通过12345热线反映（举报人要求保密），${party.premises}有一家“${shopName}”未办理营业执照从事${t.kind}，要求查处。`,
          findings: [
            `该场所门头悬挂“${shopName}”招牌，店内摆放有经营用的工作台、货架及价目表，${p.name}正在接待顾客。`,
            `${p.name}现场无法出示营业执照，经执法人员通过国家企业信用信息公示系统查询，该经营场所无任何市场主体登记信息。`,
            `店内价目表标示：${t.items.map((x, i) => `${x}${t.prices[i]}元`).join('，')}。`,
          ],
          correction: {
            conduct: `${p.name}自${cnDate(opened)}起在${party.premises}以“${shopName}”名义从事${t.kind}经营活动，未依法办理市场主体登记`,
            demand: '立即停止无照经营活动，或者依法向登记机关申请办理营业执照',
            recheck: [`“${shopName}”仍在营业，店内有顾客正在接受服务，${p.name}仍未办理营业执照，亦未向登记机关提出登记申请。`, `${p.name}称“生意刚起步，办执照麻烦，想先做着看看”。`],
          },
          inquiry: [
            [`“${shopName}”是谁开的？从什么时候开始营业？`, `是我开的，从${cnDate(opened)}开始营业，店面是租的，月租金2,600元。`],
            ['你是否办理了营业执照？', '没有办。'],
            ['执法人员责令你限期改正，你为什么没有改正？', '我觉得店小，办执照麻烦，想先做一段时间再说。'],
            ['开业以来营业收入是多少？', `都是微信、支付宝收款，加起来大概${yuan(revenue)}，买材料花了${yuan(materials)}左右。`],
            ['你是否知道从事经营活动需要依法登记？', '现在知道了。'],
          ],
          facts: `当事人${p.name}自${cnDate(opened)}起，在${party.premises}以“${shopName}”名义从事${t.kind}经营活动，未依法办理市场主体登记。${cnDate(dates.inspect)}，本局责令当事人于${cnDate(dates.correctionDeadline ?? dates.inspect)}前改正。${cnDate(dates.recheck ?? dates.inspect)}，执法人员复查发现当事人仍在继续经营且未申请登记，属于拒不改正。经核查，当事人无照经营期间营业收入${yuan(revenue)}，扣除所使用材料的购进价款${yuan(materials)}，违法所得为${yuan(gains)}。`,
          admission: `本人${p.name}，自${cnDate(opened)}起在${party.premises}开了一家“${shopName}”，从事${t.kind}，一直没有办理营业执照。市场监管局责令我限期改正后，我没有及时去办理，仍在继续营业。开业以来营业收入约${yuan(revenue)}，材料成本约${yuan(materials)}。我认识到错误，会尽快办理营业执照。`,
          statement: '对违法事实无异议。本人已于近日向登记机关提交了个体工商户登记申请，系初次违法，经营规模小，请求从轻处罚。',
          hearingArgs: '我对违法事实没有异议，已经申请办理营业执照，请求从轻处罚。',
          factors: ['当事人在立案调查后已向登记机关申请办理个体工商户登记'],
          extraPenalties: [{ type: 'confiscate_gains', amountFen: gains, description: `没收违法所得${yuan(gains)}` }],
          evidence: [
            ev({
              key: 'payment-records',
              kind: '电子数据',
              title: '收款记录截图',
              fileName: '收款记录截图',
              source: '执法人员从当事人手机截取',
              act: 'inquiry1',
              proves: '当事人无照经营期间的营业收入',
              file: png({
                type: 'screen',
                app: '商家收款助手',
                title: `${shopName} 收款汇总`,
                banner: `累计收款 ¥${(revenue / 100).toFixed(2)}`,
                items: t.items.map((x, i) => ({ name: x, price: `¥${t.prices[i]}`, note: `${r.int(20, 60)}笔` })),
                footer: `统计区间 ${opened} 至 ${dates.inquiry1}`,
                time: '11:02',
              }),
            }),
            ev({
              key: 'lease',
              kind: '书证',
              title: '房屋租赁合同复印件',
              fileName: '房屋租赁合同',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '当事人承租经营场所的时间及用途',
              file: pdf(() =>
                paperDoc({
                  title: '房屋租赁合同',
                  grid: [
                    ['出租方', `${witness.name.slice(0, 1)}某某`],
                    ['承租方', `${p.name}（身份证号${p.idNumber}）`],
                    ['房屋坐落', party.premises],
                    ['租赁用途', '商业经营'],
                    ['租赁期限', `${cnDate(addDays(opened, -10))}至${cnDate(addDays(opened, 355))}`],
                    ['租金', '每月2,600元，按季度支付'],
                  ],
                  paragraphs: ['承租方应依法办理经营所需的各项证照，合法经营。'],
                  issuer: '出租方、承租方（签字）',
                  issuedOn: addDays(opened, -12),
                  provider: p.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'customer-statement',
              kind: '证人证言',
              title: `顾客${witness.name}询问笔录`,
              fileName: '顾客询问笔录',
              source: '执法人员询问制作',
              act: 'recheck',
              proves: '当事人在复查时仍在对外提供服务并收取费用',
              file: pdf(() =>
                witnessDoc({
                  agency: info.agency.name,
                  place: party.premises,
                  time: timeSpan(dates.recheck ?? dates.inspect, 15 * 60 + 30, 15 * 60 + 55),
                  officers: officerLine('recheck'),
                  witnessLines: [`被询问人：${witness.name}，身份证号：${witness.idNumber}，联系电话：${witness.phone}`],
                  qa: [
                    ['你今天来这家店做什么？', `来做${t.items[0]}，价格是${t.prices[0]}元。`],
                    ['你以前在这里消费过吗？', '来过两三次，都是微信付款。'],
                  ],
                  witness: witness.name,
                  officerNames: officerNames('recheck'),
                  date: dates.recheck ?? dates.inspect,
                }),
              ),
            }),
          ],
          scene: { type: 'storefront', sign: shopName, posters: t.items.map((x, i) => `${x}  ${t.prices[i]}元`), note: '经营场所门头及价目表，现场未悬挂营业执照' },
          violationStart: opened,
          continuing: true,
        };
      },
    };
  },
};
