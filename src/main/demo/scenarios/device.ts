// Selling class II medical devices without the 第二类医疗器械经营备案 (医疗器械监督管理条例
// 2021 Art. 41 ¶1 / Art. 84 (3)); fined after not correcting within the set period.
import { addDays } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, paperDoc } from '../evidence/papers';
import { cnDate, yuan } from '../text';
import { ev, fenFromYuan, law, pdf, plain } from './common';
import type { Scenario } from './types';

const MDR = '医疗器械监督管理条例';

const DEVICES = [
  { name: '医用分子筛制氧机', model: 'YU300', maker: '江苏某医疗器械有限公司', reg: '苏械注准2021208', price: 2380, cost: 1760, unit: '台' },
  { name: '医用压缩式雾化器', model: '403M', maker: '广东某医疗科技有限公司', reg: '粤械注准2020208', price: 198, cost: 120, unit: '台' },
  { name: '电子血糖仪（医院用）', model: 'GM550', maker: '浙江某生物技术有限公司', reg: '浙械注准2022240', price: 268, cost: 170, unit: '台' },
] as const;

export const unfiledDevice: Scenario = {
  key: 'medical-device',
  title: '经营未备案的第二类医疗器械',
  cause: '未经备案经营第二类医疗器械',
  partyKind: 'legal',
  licensed: true,
  industry: '健康科技',
  businessScope: '第一类医疗器械销售；保健用品（非食品）销售；日用百货销售；健康咨询服务（不含诊疗服务）',
  leadKind: '监督检查',
  agentPost: '门店负责人',
  correctionDays: 30,
  model: 'band',
  violated: [
    law(
      MDR,
      '第四十一条',
      '第一款',
      '从事第二类医疗器械经营的，由经营企业向所在地设区的市级人民政府负责药品监督管理的部门备案并提交符合本条例第四十条规定条件的有关资料。',
    ),
  ],
  basis: [
    law(
      MDR,
      '第八十四条',
      '第（三）项',
      '有下列情形之一的，由负责药品监督管理的部门向社会公告单位和产品名称，责令限期改正；逾期不改正的，没收违法所得、违法生产经营的医疗器械；违法生产经营的医疗器械货值金额不足1万元的，并处1万元以上5万元以下罚款；货值金额1万元以上的，并处货值金额5倍以上20倍以下罚款……（三）经营第二类医疗器械，应当备案但未备案；',
    ),
  ],
  draw(rng) {
    const picks = rng.sample(DEVICES, 2).map((d) => ({ ...d, regNo: `${d.reg}${rng.digits(4)}`, stock: rng.int(1, 3), sold: rng.int(1, 4) }));
    const value = picks.reduce((s, d) => s + (d.stock + d.sold) * fenFromYuan(d.price), 0);
    const gains = picks.reduce((s, d) => s + d.sold * fenFromYuan(d.price - d.cost), 0);
    const sales = picks.reduce((s, d) => s + d.sold * fenFromYuan(d.price), 0);
    const valueOk = value < 1_000_000;
    return {
      amounts: { goodsValueFen: value, salesFen: sales, illegalGainsFen: gains },
      range: valueOk
        ? { minFen: 1_000_000, maxFen: 5_000_000, text: '货值金额不足1万元的，并处1万元以上5万元以下罚款' }
        : { minFen: value * 5, maxFen: value * 20, text: `货值金额1万元以上的，并处货值金额5倍以上20倍以下罚款（${yuan(value * 5)}至${yuan(value * 20)}）` },
      details: ({ rng: r, party, dates, info }) => {
        const list = picks.map((d) => `${d.name}（${d.model}）${d.stock}${d.unit}`).join('、');
        const from = addDays(dates.lead, -r.int(30, 90));
        return {
          goods: `未备案经营的第二类医疗器械${list}`,
          leadText: `执法人员在医疗器械经营专项检查中发现，${party.display}门店内陈列销售第二类医疗器械，经查询未办理第二类医疗器械经营备案。`,
          findings: [
            `当事人门店内货架陈列有${list}，产品标签标注“医疗器械注册证编号：${picks.map((d) => d.regNo).join('、')}”，管理类别为第二类。`,
            '当事人现场无法出示第二类医疗器械经营备案凭证，经执法人员查询，当事人未办理第二类医疗器械经营备案。',
            '执法人员对上述产品拍照取证，并当场送达《责令改正通知书》。',
          ],
          correction: {
            conduct: `${party.display}未办理第二类医疗器械经营备案，在其门店内经营${picks.map((d) => d.name).join('、')}等第二类医疗器械`,
            demand: '停止经营第二类医疗器械，或者依法办理第二类医疗器械经营备案',
            recheck: [`当事人门店内仍在陈列销售${picks[0]!.name}，当事人仍未办理第二类医疗器械经营备案，亦不能提供已提交备案申请的材料。`],
          },
          inquiry: [
            ['你公司是否办理了第二类医疗器械经营备案？', '没有办理，营业执照上只有第一类医疗器械销售。'],
            ['店内的医疗器械是从哪里进的？', `从${info.cityShort}某医药公司进的，有随货同行单和发票。`],
            ['这些产品卖出去多少？', picks.map((d) => `${d.name}卖出${d.sold}${d.unit}，售价${d.price}元`).join('；') + '。'],
            ['责令改正后为什么没有按期改正？', '以为把产品收到仓库就行了，后来店员又拿出来卖了，备案材料也还没准备好。'],
          ],
          facts: `当事人${party.display}未办理第二类医疗器械经营备案，自${cnDate(from)}起在其门店内经营${picks.map((d) => d.name).join('、')}等第二类医疗器械。${cnDate(dates.inspect)}，本局责令当事人于${cnDate(dates.correctionDeadline ?? dates.inspect)}前改正。${cnDate(dates.recheck ?? dates.inspect)}复查时，当事人仍在经营上述医疗器械且未办理备案，属于逾期不改正。经核算，当事人经营的上述医疗器械货值金额为${yuan(value)}（含已售出部分），销售金额为${yuan(sales)}，违法所得为${yuan(gains)}。`,
          admission: `我公司营业执照经营范围仅包括第一类医疗器械销售，未办理第二类医疗器械经营备案，自${cnDate(from)}起在门店销售${picks.map((d) => d.name).join('、')}。市场监管部门责令改正后，我公司未在期限内改正。我公司承认上述事实，将立即停止经营并办理备案。`,
          statement: '我公司对违法事实无异议，目前已停止经营第二类医疗器械，并已提交备案材料，请求从轻处罚。',
          hearingArgs: '我公司对违法事实没有异议，已经停止经营并提交了备案材料，请求从轻处罚。',
          factors: ['当事人在立案后已停止经营第二类医疗器械并提交备案材料'],
          extraPenalties: [
            { type: 'confiscate_goods', description: `没收违法经营的医疗器械${list}` },
            { type: 'confiscate_gains', amountFen: gains, description: `没收违法所得${yuan(gains)}` },
          ],
          evidence: [
            ev({
              key: 'device-registration',
              kind: '书证',
              title: '医疗器械注册证复印件',
              fileName: '医疗器械注册证',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '涉案产品属于第二类医疗器械',
              file: pdf(() =>
                paperDoc({
                  title: '中华人民共和国医疗器械注册证',
                  subtitle: `注册证编号：${picks[0]!.regNo}`,
                  grid: [
                    ['注册人名称', picks[0]!.maker],
                    ['产品名称', picks[0]!.name],
                    ['型号、规格', picks[0]!.model],
                    ['管理类别', '第二类'],
                    ['有效期至', '2029年6月30日'],
                  ],
                  paragraphs: [],
                  issuer: '省药品监督管理局',
                  issuedOn: '2024-07-01',
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'purchase-slip',
              kind: '书证',
              title: '随货同行单复印件',
              fileName: '随货同行单',
              source: '当事人提供',
              act: 'inquiry1',
              proves: '涉案医疗器械的进货来源、数量和进价',
              file: pdf(() =>
                invoiceDoc({
                  title: '医疗器械随货同行单',
                  no: r.digits(10),
                  seller: `${info.cityShort}某医药有限公司`,
                  buyer: party.display,
                  date: addDays(from, -5),
                  rows: picks.map((d) => [d.name, d.model, d.unit, String(d.stock + d.sold), plain(fenFromYuan(d.cost)), plain(fenFromYuan(d.cost) * (d.stock + d.sold))]),
                  total: yuan(picks.reduce((s, d) => s + fenFromYuan(d.cost) * (d.stock + d.sold), 0)),
                  provider: party.agent?.name ?? party.person.name,
                  copiedOn: dates.inquiry1,
                }),
              ),
            }),
            ev({
              key: 'sales-records',
              kind: '电子数据',
              title: '收银系统销售记录（打印件）',
              fileName: '销售记录',
              source: '执法人员从当事人收银系统提取',
              act: 'inquiry1',
              proves: '涉案医疗器械的销售数量和金额',
              file: pdf(() =>
                listingDoc({
                  title: '医疗器械销售记录',
                  intro: `提取时间：${cnDate(dates.inquiry1)}；统计区间：${cnDate(from)}至${cnDate(dates.recheck ?? dates.inspect)}。`,
                  head: ['品名', '型号', '销售数量', '单价（元）', '金额（元）'],
                  widths: [3, 1.6, 1.2, 1.4, 1.6],
                  rows: picks.map((d) => [d.name, d.model, String(d.sold), String(d.price), plain(d.sold * fenFromYuan(d.price))]),
                  provider: party.agent?.name ?? party.person.name,
                  date: dates.inquiry1,
                  author: party.display,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.display.replace(/有限公司$/, ''),
            products: [{ label: picks[0]!.name, sub: '第二类', color: '#e9eef3' }, { label: '保健枕', color: '#b8d8c8' }, { label: '按摩器', color: '#d8c8b8' }, { label: '医用口罩', color: '#bcd4ec' }, { label: '体温计', color: '#f0f0f0' }],
            highlight: { label: picks[0]!.name, lines: ['管理类别：第二类', '当事人未办理经营备案', `售价 ¥${picks[0]!.price}`] },
          },
          violationStart: from,
          continuing: true,
        };
      },
    };
  },
};
