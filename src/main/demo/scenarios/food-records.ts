// Food safety: buying food without checking the supplier's licence and certificates and without
// purchase records (食品安全法 Art. 53 ¶1 / Art. 126 ¶1 (3)); fined after refusing to correct.
import { addDays } from '../../../shared/format/date';
import { invoiceDoc, listingDoc, witnessDoc } from '../evidence/papers';
import { cnDate, timeSpan, yuan } from '../text';
import { ev, fenFromYuan, law, openedFor, pdf, plain } from './common';
import type { Scenario } from './types';

const FSL = '中华人民共和国食品安全法';

const FROZEN = [
  { name: '冷冻鸡翅中（散装）', unit: '公斤', price: 32, cost: 24 },
  { name: '速冻猪肉白菜水饺（1kg/袋）', unit: '袋', price: 18.8, cost: 13 },
  { name: '冷冻猪肉丸（500g/袋）', unit: '袋', price: 16.5, cost: 11 },
  { name: '冷冻鸭胗（散装）', unit: '公斤', price: 28, cost: 20 },
  { name: '冷冻虾仁（250g/袋）', unit: '袋', price: 29.9, cost: 21 },
] as const;

export const purchaseCheck: Scenario = {
  key: 'purchase-check',
  title: '食品进货未按规定查验',
  cause: '食品经营者进货时未查验许可证和相关证明文件',
  partyKind: 'natural',
  licensed: true,
  industry: '生鲜店',
  businessScope: '食品销售（含冷藏冷冻食品、散装食品销售）；农副产品销售；日用百货销售',
  leadKind: '监督检查',
  correctionDays: 7,
  model: 'band',
  violated: [law(FSL, '第五十三条', '第一款', '食品经营者采购食品，应当查验供货者的许可证和食品出厂检验合格证或者其他合格证明（以下称合格证明文件）。')],
  basis: [
    law(
      FSL,
      '第一百二十六条',
      '第一款第（三）项',
      '违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证：……（三）食品、食品添加剂生产经营者进货时未查验许可证和相关证明文件，或者未按规定建立并遵守进货查验记录、出厂检验记录和销售记录制度；',
    ),
  ],
  draw(rng) {
    const items = rng.sample(FROZEN, 3).map((f) => ({ ...f, qty: f.unit === '公斤' ? rng.int(15, 45) : rng.int(12, 40) }));
    const value = items.reduce((s, f) => s + f.qty * fenFromYuan(f.price), 0);
    return {
      amounts: { goodsValueFen: value },
      range: { minFen: 500_000, maxFen: 5_000_000, text: '拒不改正的，处五千元以上五万元以下罚款' },
      details: ({ rng: r, party, dates, info, witness, officerLine, officerNames }) => {
        const supplier = `${witness.name}（流动供货商，无固定经营场所）`;
        const bought = addDays(dates.inspect, -r.int(3, 12));
        const list = items.map((f) => `${f.name}${f.qty}${f.unit}`).join('、');
        const recheckFound = items[0]!;
        return {
          goods: `未查验供货者许可证和合格证明文件购进的${list}`,
          leadText: `执法人员在冷链食品专项检查中发现，${party.display}冷冻柜内销售的冷冻食品来源不明，涉嫌进货时未查验供货者许可证和合格证明文件。`,
          findings: [
            `当事人持有营业执照和食品经营许可证，经营者${party.person.name}在场。`,
            `执法人员在当事人经营场所内的两台冷冻柜中发现待售的${list}，外包装或散装标签无生产者名称、生产日期等信息。经询问，上述食品系从${supplier}处购进，当事人现场无法提供供货者的营业执照、食品经营许可证及上述食品的检验合格证明，亦未建立进货查验记录。`,
            '执法人员现场清点了上述食品并拍照取证，当场送达《责令改正通知书》。',
          ],
          correction: {
            conduct: `${party.display}购进${list}时，未查验供货者的许可证和食品合格证明文件，未建立进货查验记录`,
            demand: '立即停止销售来源不明的食品，查验供货者的许可证和食品合格证明文件，建立并如实填写进货查验记录',
            recheck: [
              `当事人冷冻柜内仍在销售从同一供货商处新购进的${recheckFound.name}，当事人仍不能提供供货者的许可证和合格证明文件，进货查验记录本为空白。`,
              '当事人称“忙不过来，还没来得及弄”。执法人员告知其已构成拒不改正。',
            ],
          },
          inquiry: [
            ['你店内销售的冷冻食品是从哪里进的货？', `都是从一个叫${witness.name}的人那里进的，他开车送货上门，${cnDate(bought)}送过一次货，平时打电话订货。`],
            ['你进货时是否查验了供货者的营业执照、食品经营许可证和食品的检验合格证明？', '没有要，他说都是正规厂家的货，我就没要。'],
            ['你店内是否建立了进货查验记录？', '没有建立，进货就是看一下数量，送货单也没保存全。'],
            ['执法人员责令你限期改正，你是否改正了？', '还没改，这几天店里忙，没顾上。'],
            ['你店内经营多长时间了？', `${openedFor(party.registeredOn, dates.inquiry1)}。`],
            ['你是否因同类问题被处罚过？', '没有。'],
          ],
          facts: `当事人${party.display}（经营者${party.person.name}）在经营过程中，从${supplier}处购进${list}等冷冻食品，进货时未查验供货者的许可证和食品合格证明文件，未建立进货查验记录。${cnDate(dates.inspect)}，本局责令其于${cnDate(dates.correctionDeadline ?? dates.inspect)}前改正。${cnDate(dates.recheck ?? dates.inspect)}，执法人员复查时发现，当事人仍从该供货商处购进${recheckFound.name}，仍未查验供货者许可证和合格证明文件，未建立进货查验记录，属于拒不改正。涉案食品货值金额${yuan(value)}。`,
          admission: `本人${party.person.name}，是${party.display}的经营者。店里卖的冷冻食品都是从${witness.name}那里进的，我没有向他要营业执照、许可证和检验合格证明，也没有做进货记录。市场监管局让我限期改正，我因为店里忙没有按时整改，复查时仍然没有做到。我知道错了，今后一定按规定查验并做好记录。`,
          statement: `对违法事实无异议。本人文化程度不高，不清楚进货查验的具体要求，现已找到正规供货商并建立了进货查验记录，请求从轻处罚。`,
          hearingArgs: '我对违法事实没有异议，现在已经整改完毕，换了有证照的供货商，请求从轻处罚。',
          factors: ['当事人在立案调查后已建立进货查验记录，更换了有资质的供货商'],
          extraPenalties: [{ type: 'warning', description: '警告' }],
          evidence: [
            ev({
              key: 'delivery-slip',
              kind: '书证',
              title: '手写送货单复印件',
              fileName: '送货单',
              source: '当事人提供',
              act: 'inspect',
              proves: '涉案食品的进货来源，送货单未载明供货者名称、许可证号等信息',
              file: pdf(() =>
                invoiceDoc({
                  title: '送货单',
                  no: r.digits(6),
                  seller: `${witness.name}（手写，无单位名称、无许可证号）`,
                  buyer: party.display,
                  date: bought,
                  rows: items.map((f) => [f.name, '—', f.unit, String(f.qty), f.cost.toFixed(2), plain(fenFromYuan(f.cost) * f.qty)]),
                  total: yuan(items.reduce((s, f) => s + fenFromYuan(f.cost) * f.qty, 0)),
                  note: '现金结算',
                  provider: party.person.name,
                  copiedOn: dates.inspect,
                }),
              ),
            }),
            ev({
              key: 'stock-count',
              kind: '书证',
              title: '涉案食品现场清点表',
              fileName: '现场清点表',
              source: '执法人员现场清点，当事人签字确认',
              act: 'inspect',
              proves: '涉案食品的品名、数量及标签情况',
              file: pdf(() =>
                listingDoc({
                  title: '涉案食品现场清点表',
                  intro: `清点时间：${cnDate(dates.inspect)}；清点地点：${party.premises}；清点人：${officerNames('inspect')}。`,
                  head: ['序号', '品名', '数量', '单位', '标签情况', '能否提供合格证明'],
                  widths: [0.8, 3.4, 1, 1, 2.4, 1.8],
                  rows: items.map((f, i) => [String(i + 1), f.name, String(f.qty), f.unit, '无生产者名称、无生产日期', '不能']),
                  provider: party.person.name,
                  date: dates.inspect,
                  author: info.agency.name,
                }),
              ),
            }),
            ev({
              key: 'supplier-statement',
              kind: '证人证言',
              title: `供货人${witness.name}询问笔录`,
              fileName: '供货人询问笔录',
              source: '执法人员询问制作',
              act: 'inquiry1',
              proves: '涉案食品的供货情况及供货时未提供许可证和合格证明文件',
              file: pdf(() =>
                witnessDoc({
                  agency: info.agency.name,
                  place: `${info.agency.name}询问室`,
                  time: timeSpan(dates.inquiry1, 15 * 60, 15 * 60 + 40),
                  officers: officerLine('inquiry1'),
                  witnessLines: [`被询问人：${witness.name}，性别${witness.male ? '男' : '女'}，身份证号：${witness.idNumber}，住址：${witness.address}，联系电话：${witness.phone}`],
                  qa: [
                    [`你是否向${party.display}供应过冷冻食品？`, `供应过，${cnDate(bought)}送过${list}。`],
                    ['你送货时是否向对方提供了营业执照、许可证和检验合格证明？', '没有提供，对方也没有要。'],
                    ['你是否办理了营业执照和食品经营许可证？', '没有办，我是从批发市场拿货再送给小店的。'],
                  ],
                  witness: witness.name,
                  officerNames: officerNames('inquiry1'),
                  date: dates.inquiry1,
                }),
              ),
            }),
          ],
          scene: {
            type: 'shelf',
            sign: party.tradeName ?? party.display,
            products: [
              { label: items[0]!.name.replace(/（.*）/, ''), sub: '无标签', color: '#9ec7e0' },
              { label: '冷冻饺子', color: '#e0e8f0' },
              { label: '冻品', color: '#b8d4e8' },
              { label: '汤圆', color: '#f0e0e8' },
              { label: '鸡翅', color: '#e8c8a8' },
            ],
            highlight: { label: items[0]!.name, lines: ['无生产者名称、无生产日期', '供货者：来源不明', `售价 ¥${items[0]!.price.toFixed(2)}/${items[0]!.unit}`] },
          },
          violationStart: bought,
          continuing: true,
        };
      },
    };
  },
};
