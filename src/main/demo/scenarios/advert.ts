// False advertising (广告法 Art. 4, 28 / Art. 55 ¶1): a decoration company advertising a fake
// award and inflated customer numbers on a billboard and its WeChat account.
import { addDays } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, paperDoc } from '../evidence/papers';
import { cnDate, yuan } from '../text';
import { ev, law, pdf, plain, png } from './common';
import type { Scenario } from './types';

const AD = '中华人民共和国广告法';

export const falseAdvert: Scenario = {
  key: 'false-advert',
  title: '发布虚假广告',
  cause: '发布虚假广告',
  partyKind: 'legal',
  licensed: true,
  industry: '装饰工程',
  businessScope: '住宅室内装饰装修；建筑装饰材料销售；家具销售；广告设计、代理（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
  leadKind: '网络监测',
  agentPost: '市场部经理',
  model: 'band',
  violated: [
    law(AD, '第四条', '第一款', '广告不得含有虚假或者引人误解的内容，不得欺骗、误导消费者。'),
    law(
      AD,
      '第二十八条',
      '第二款第（二）项',
      '广告以虚假或者引人误解的内容欺骗、误导消费者的，构成虚假广告。广告有下列情形之一的，为虚假广告：……（二）商品或者服务的性能、功能、产地、用途、质量、规格、成分、价格、生产者、有效期限、销售状况、曾获荣誉等信息，或者服务的内容、提供者、形式、质量、价格、销售状况、曾获荣誉等信息，以及与商品或者服务有关的允诺等信息与实际情况不符，对购买行为有实质性影响的；',
    ),
  ],
  basis: [
    law(
      AD,
      '第五十五条',
      '第一款',
      '违反本法规定，发布虚假广告的，由市场监督管理部门责令停止发布广告，责令广告主在相应范围内消除影响，处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款；两年内有三次以上违法行为或者有其他严重情节的，处广告费用五倍以上十倍以下的罚款，广告费用无法计算或者明显偏低的，处一百万元以上二百万元以下的罚款，可以吊销营业执照，并由广告审查机关撤销广告审查批准文件、一年内不受理其广告审查申请。',
    ),
  ],
  draw(rng) {
    const billboard = rng.pick([32_000, 36_000, 42_000, 48_000]) * 100;
    const design = rng.pick([1_500, 2_000, 2_800, 3_500]) * 100;
    const fee = billboard + design;
    const claimed = rng.pick([20_000, 30_000, 50_000]);
    const served = rng.int(1_400, 2_900);
    return {
      amounts: {},
      range: { minFen: fee * 3, maxFen: fee * 5, text: `广告费用三倍以上五倍以下（广告费用${yuan(fee)}，即${yuan(fee * 3)}至${yuan(fee * 5)}）` },
      details: ({ rng: r, party, dates, info }) => {
        const agency = `${info.cityShort}${r.pick(['宏图', '千禾', '天橙', '星火'])}广告传媒有限公司`;
        const account = `${party.display.replace(/有限公司$/, '')}`;
        const start = addDays(dates.lead, -r.int(40, 120));
        const award = `${Number(dates.lead.slice(0, 4)) - 1}年度中国家装十大品牌`;
        const claims = [`荣获‘${award}’`, `累计服务业主超过${claimed.toLocaleString('en-US')}户`, '全市装修口碑第一'];
        return {
          goods: `含有“${claims[0]}”“${claims[1]}”内容的户外广告及微信公众号广告`,
          leadText: `本局在广告监测中发现，${party.display}在其微信公众号“${account}”及户外广告牌上发布的广告含有“${claims[0]}”“${claims[1]}”等内容，涉嫌发布虚假广告。`,
          findings: [
            `当事人门店外墙户外广告牌（约6米×3米）载有“${claims.join('”“')}”等广告语；当事人门店内展板载有相同内容。`,
            `执法人员使用本局执法手机登录微信，查看当事人微信公众号“${account}”，该号于${cnDate(start)}发布的推文《装修选对人，省心又省钱》含有上述广告内容，执法人员对页面进行了截图取证。`,
            '当事人现场未能提供“十大品牌”荣誉证书及服务户数的证明材料。',
          ],
          inquiry: [
            ['你公司户外广告牌和公众号推文是谁设计发布的？', `户外广告牌是委托${agency}制作发布的，公众号推文是公司市场部自己写的，排版外包给了${agency}。`],
            [`广告中“${claims[0]}”的说法有什么依据？`, '是公司以前参加一个网上评选活动得的，没有正式证书，主办单位现在也联系不上了。'],
            [`“${claims[1]}”有什么依据？`, `这个是估算的，我们公司从成立到现在签约的装修合同实际是${served.toLocaleString('en-US')}户左右，有合同台账。`],
            ['上述广告的广告费用是多少？', `户外广告牌发布费${yuan(billboard)}，推文设计排版费${yuan(design)}，一共${yuan(fee)}，有合同和发票。`],
            ['广告发布了多长时间？', `户外广告牌从${cnDate(start)}开始发布，推文也是那时候发的，你们检查后我们已经全部撤下、删除了。`],
          ],
          facts: `当事人${party.display}为推销其装修服务，自${cnDate(start)}起委托${agency}在其门店外墙发布户外广告，并在其微信公众号“${account}”发布推文广告，广告中含有“${claims[0]}”“${claims[1]}”等内容。经查，当事人所称“${award}”无任何证明材料，当事人自成立以来实际签约装修业主约${served.toLocaleString('en-US')}户，与广告宣称的服务户数严重不符。上述内容与实际情况不符，对消费者选择装修服务有实质性影响，构成虚假广告。当事人发布上述广告的费用共计${yuan(fee)}，其中户外广告发布费${yuan(billboard)}、推文设计费${yuan(design)}。`,
          admission: `我公司于${cnDate(start)}起在门店外墙户外广告牌和公司微信公众号上发布了含有“${claims[0]}”“${claims[1]}”内容的广告。所称荣誉系参加网络评选所得，无正式证书；服务户数为估算，实际签约约${served.toLocaleString('en-US')}户。广告费用共计${yuan(fee)}。我公司认识到上述行为违法，已撤除户外广告、删除推文。`,
          statement: '我公司对违法事实无异议。案发后已立即撤除全部违法广告，并在公众号发布更正声明消除影响，属主动消除违法行为危害后果，请求从轻处罚。',
          hearingArgs: `我公司对违法事实没有异议，但广告费用只有${yuan(fee)}，违法行为持续时间不长，而且已经主动撤除广告、发布更正声明，拟罚款数额过高，请求按广告费用三倍的下限处罚。`,
          factors: ['当事人在案发后立即撤除户外广告、删除推文，并在公众号发布更正声明消除影响'],
          extraPenalties: [],
          evidence: [
            ev({
              key: 'wechat-screenshot',
              kind: '电子数据',
              title: '微信公众号推文页面截图',
              fileName: '公众号推文截图',
              source: '执法人员使用执法终端截取',
              act: 'inspect',
              proves: '当事人在公众号发布含有虚假内容的广告',
              file: png({
                type: 'screen',
                app: account,
                title: '装修选对人，省心又省钱！',
                banner: `${claims[0]}  ${claims[1]}`,
                items: [
                  { name: '全包套餐 88㎡', price: '¥69,800起', note: claims[2], highlight: true },
                  { name: '半包套餐', price: '¥398/㎡', note: '十年质保 环保材料' },
                  { name: '旧房翻新', price: '¥29,800起', note: `${claims[1]}，口碑见证`, highlight: true },
                  { name: '免费量房设计', note: `预约热线 ${party.party.phone ?? ''}` },
                ],
                footer: `发布于 ${start}  阅读 2.1万`,
                time: '10:18',
              }),
            }),
            ev({
              key: 'ad-contract',
              kind: '书证',
              title: '户外广告发布合同复印件',
              fileName: '广告发布合同',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '户外广告的发布时间、内容和广告费用',
              file: pdf(() =>
                paperDoc({
                  title: '户外广告发布合同',
                  grid: [
                    ['甲方（广告主）', party.display],
                    ['乙方（发布者）', agency],
                    ['发布位置', `${party.premises}门店外墙`],
                    ['发布期限', `${cnDate(start)}至${cnDate(addDays(start, 364))}`],
                    ['广告费用', `${yuan(billboard)}（含制作、安装）`],
                  ],
                  paragraphs: ['甲方对广告内容的真实性负责，应当向乙方提供广告内容的证明文件。乙方按甲方提供的设计稿制作、发布。', '本合同一式两份，双方各执一份。'],
                  issuer: `${party.display}（甲方）  ${agency}（乙方）`,
                  issuedOn: addDays(start, -7),
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'ad-invoice',
              kind: '书证',
              title: '广告费发票复印件',
              fileName: '广告费发票',
              source: '当事人提供',
              act: 'inquiry1',
              proves: `当事人支付的广告费用共计${yuan(fee)}`,
              file: pdf(() =>
                invoiceDoc({
                  title: '增值税普通发票（电子）',
                  no: r.digits(20),
                  seller: agency,
                  buyer: party.display,
                  date: addDays(start, -2),
                  head: ['项目名称', '规格型号', '单位', '数量', '单价（元）', '金额（元）'],
                  rows: [
                    ['*广告服务*户外广告发布', '6m×3m', '项', '1', plain(billboard), plain(billboard)],
                    ['*设计服务*推文设计排版', '—', '项', '1', plain(design), plain(design)],
                  ],
                  total: yuan(fee),
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'contract-ledger',
              kind: '书证',
              title: '装修合同签约台账（汇总）',
              fileName: '合同台账',
              source: '当事人提供',
              act: 'inquiry1',
              proves: `当事人实际签约装修业主约${served.toLocaleString('en-US')}户，与广告宣称不符`,
              file: pdf(() =>
                listingDoc({
                  title: '装修合同签约台账（按年度汇总）',
                  intro: `以下数据由当事人从其客户管理系统导出，截至${cnDate(dates.inquiry1)}。`,
                  head: ['年度', '签约户数', '合同金额（万元）', '备注'],
                  widths: [1.2, 1.4, 1.8, 3],
                  rows: [0.12, 0.21, 0.27, 0.4].map((f, i) => [
                    String(Number(dates.inquiry1.slice(0, 4)) - 3 + i),
                    String(Math.round(served * f)),
                    (Math.round(served * f) * 6.8).toFixed(1),
                    i === 3 ? '当年截至导出日' : '',
                  ]),
                  after: [`合计签约约${served.toLocaleString('en-US')}户。`],
                  provider: party.agent?.name ?? party.person.name,
                  date: dates.inquiry1,
                  author: party.display,
                }),
              ),
            }),
          ],
          scene: { type: 'storefront', sign: party.display.replace(/有限公司$/, ''), posters: claims, note: '当事人门店外墙户外广告内容（现场拍摄）' },
          violationStart: start,
          continuing: false,
        };
      },
    };
  },
};
