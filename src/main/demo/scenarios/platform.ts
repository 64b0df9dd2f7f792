// An online trading platform not verifying and registering its merchants (电子商务法 Art. 27 ¶1 /
// Art. 80 ¶1 (1); 网络交易监督管理办法 Art. 24 ¶1); fined after not correcting in time.
import { addDays } from '../../../shared/format/date';
import { listingDoc, paperDoc } from '../evidence/papers';
import { makeName } from '../names';
import { cnDate } from '../text';
import { ev, law, pdf, png } from './common';
import type { Scenario } from './types';

const ECL = '中华人民共和国电子商务法';

export const platformDuty: Scenario = {
  key: 'platform-duty',
  title: '网络交易平台未履行核验登记义务',
  cause: '电子商务平台经营者不履行核验、登记义务',
  partyKind: 'legal',
  licensed: true,
  industry: '网络科技',
  businessScope: '互联网信息服务；网络技术服务；食用农产品零售；社区团购平台运营（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  leadKind: '网络监测',
  agentPost: '运营总监',
  correctionDays: 10,
  model: 'band',
  violated: [
    law(ECL, '第二十七条', '第一款', '电子商务平台经营者应当要求申请进入平台销售商品或者提供服务的经营者提交其身份、地址、联系方式、行政许可等真实信息，进行核验、登记，建立登记档案，并定期核验更新。'),
    law('网络交易监督管理办法', '第二十四条', '第一款', '网络交易平台经营者应当要求申请进入平台销售商品或者提供服务的经营者提交其身份、地址、联系方式、行政许可等真实信息，进行核验、登记，建立登记档案，并至少每六个月核验更新一次。'),
  ],
  basis: [
    law(
      ECL,
      '第八十条',
      '第一款第（一）项',
      '电子商务平台经营者有下列行为之一的，由有关主管部门责令限期改正；逾期不改正的，处二万元以上十万元以下的罚款；情节严重的，责令停业整顿，并处十万元以上五十万元以下的罚款：（一）不履行本法第二十七条规定的核验、登记义务的；',
    ),
  ],
  draw(rng) {
    const total = rng.int(40, 90);
    const missing = rng.int(6, 14);
    const stillMissing = rng.int(3, missing - 1);
    return {
      amounts: {},
      range: { minFen: 2_000_000, maxFen: 10_000_000, text: '逾期不改正的，处二万元以上十万元以下的罚款' },
      details: ({ rng: r, party, dates, info }) => {
        const app = `${party.display.slice(info.cityShort.length, info.cityShort.length + 2)}优选`;
        const online = addDays(dates.lead, -r.int(200, 500));
        const merchants = Array.from({ length: missing }, (_, i) => ({
          name: `${makeName(r, r.chance(0.5))}${r.pick(['生鲜', '果蔬', '卤味', '烘焙', '水产', '熟食'])}${i % 3 === 0 ? '（个人）' : '店'}`,
          lacks: r.pick(['未提交营业执照', '未提交食品经营许可证', '身份信息未核验', '经营地址未核验']),
        }));
        return {
          goods: `“${app}”平台${missing}家平台内经营者未经核验登记`,
          leadText: `本局网络交易监测发现，${party.display}运营的社区团购小程序“${app}”上有多家平台内经营者未公示营业执照和食品经营许可信息，涉嫌平台未履行核验、登记义务。`,
          findings: [
            `当事人运营微信小程序“${app}”，自${cnDate(online)}上线，现有平台内经营者${total}家，主要销售生鲜、熟食、烘焙等食品。`,
            `执法人员在当事人在场的情况下登录平台管理后台，导出平台内经营者登记档案，发现其中${missing}家经营者未提交营业执照或者食品经营许可证等信息，当事人未进行核验、登记，亦未建立登记档案。`,
            '执法人员对后台页面进行了截图，并当场送达《责令改正通知书》。',
          ],
          correction: {
            conduct: `${party.display}运营的“${app}”平台对${missing}家平台内经营者未要求其提交身份、地址、行政许可等真实信息并进行核验、登记`,
            demand: '对全部平台内经营者的身份、地址、联系方式、行政许可等信息进行核验、登记，建立登记档案；对无法提供相应许可的经营者停止提供平台服务',
            recheck: [`执法人员再次登录“${app}”平台管理后台，发现仍有${stillMissing}家平台内经营者未提交营业执照或者食品经营许可证，仍在平台上正常销售，当事人未完成核验、登记。`],
          },
          inquiry: [
            ['你公司平台上的商户入驻是如何审核的？', '商户在小程序上填写店铺名称和手机号就能开店，营业执照和许可证是选填的，我们没有逐一核验。'],
            ['平台目前有多少家商户？有多少家没有核验登记？', `一共${total}家，检查时有${missing}家没有执照或许可证信息。`],
            ['责令改正后为什么在期限内没有完成整改？', `我们通知了商户补交材料，有的商户一直没交，又怕下架影响平台销量，所以还有${stillMissing}家没处理。`],
            ['平台是否定期核验更新商户信息？', '没有建立定期核验的制度。'],
          ],
          facts: `当事人${party.display}自${cnDate(online)}起运营社区团购小程序“${app}”，为平台内经营者提供网络经营场所和交易撮合服务，属于电子商务平台经营者。当事人对申请进入平台的经营者未要求其提交身份、地址、联系方式、行政许可等真实信息并进行核验、登记。至${cnDate(dates.inspect)}，平台内${total}家经营者中有${missing}家未经核验、登记。本局于当日责令当事人于${cnDate(dates.correctionDeadline ?? dates.inspect)}前改正。${cnDate(dates.recheck ?? dates.inspect)}复查时，仍有${stillMissing}家平台内经营者未经核验、登记，当事人逾期未改正。`,
          admission: `我公司运营“${app}”小程序平台，平台内经营者入驻时营业执照、许可证为选填项，我公司未逐一核验、登记。经市场监管部门责令改正后，我公司在期限内未完成全部整改，截至复查时仍有${stillMissing}家未完成核验。我公司认识到未履行平台核验登记义务的违法性，将立即整改。`,
          statement: '我公司对违法事实无异议。目前已下架全部未核验的商户，修改了入驻流程，将营业执照和许可证设为必填并人工审核，请求从轻处罚。',
          hearingArgs: '我公司对违法事实没有异议，已经全部整改，请求从轻处罚。',
          factors: ['当事人在立案后已完成全部平台内经营者的核验登记并修改了入驻审核流程'],
          extraPenalties: [],
          evidence: [
            ev({
              key: 'backend-screenshot',
              kind: '电子数据',
              title: '平台管理后台商户列表截图',
              fileName: '平台后台截图',
              source: '执法人员在当事人在场时截取',
              act: 'inspect',
              proves: '平台内经营者未提交营业执照、许可证等信息',
              file: png({
                type: 'screen',
                app: `${app} · 商户管理后台`,
                title: `商户列表（共${total}家）`,
                banner: `待核验 ${missing} 家`,
                items: merchants.slice(0, 6).map((m) => ({ name: m.name, note: `资质状态：${m.lacks}`, highlight: true })),
                footer: `截图时间 ${dates.inspect}`,
                time: '09:55',
              }),
            }),
            ev({
              key: 'merchant-ledger',
              kind: '电子数据',
              title: '平台内经营者登记档案导出表',
              fileName: '商户登记档案导出表',
              source: '执法人员从平台后台导出',
              act: 'inspect',
              proves: `${missing}家平台内经营者未经核验、登记`,
              file: pdf(() =>
                listingDoc({
                  title: '平台内经营者登记档案（未核验部分）',
                  intro: `导出时间：${cnDate(dates.inspect)}；导出方式：执法人员在当事人在场时从“${app}”管理后台导出。`,
                  head: ['序号', '店铺名称', '入驻时间', '营业执照', '食品经营许可', '核验状态'],
                  widths: [0.8, 3, 1.8, 1.4, 1.6, 1.4],
                  rows: merchants.map((m, i) => [String(i + 1), m.name, addDays(online, 20 + i * 17), m.lacks.includes('营业执照') ? '未提交' : '已提交', m.lacks.includes('许可') ? '未提交' : '—', '未核验']),
                  provider: party.agent?.name ?? party.person.name,
                  date: dates.inspect,
                  author: party.display,
                }),
              ),
            }),
            ev({
              key: 'service-agreement',
              kind: '书证',
              title: '平台商户入驻服务协议复印件',
              fileName: '商户入驻协议',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '当事人系电子商务平台经营者，入驻规则中资质材料为选填',
              file: pdf(() =>
                paperDoc({
                  title: `“${app}”商户入驻服务协议`,
                  paragraphs: [
                    `第一条 本协议由${party.display}（以下简称“平台”）与申请入驻的商户订立。`,
                    '第三条 商户入驻时应填写店铺名称、联系人及联系电话；营业执照、食品经营许可证等资质文件可在入驻后补充上传。',
                    '第七条 平台按订单成交额的5%收取技术服务费。',
                  ],
                  issuer: party.display,
                  issuedOn: online,
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
          ],
          scene: { type: 'storefront', sign: party.display.replace(/有限公司$/, ''), posters: [`${app} 社区团购`, '商户入驻 0门槛 当天开店', '生鲜 熟食 烘焙 次日达'], note: '当事人办公场所及平台宣传海报（现场拍摄）' },
          violationStart: online,
          continuing: true,
        };
      },
    };
  },
};
