// A realistic 法制审核意见书 content model: a food-safety case reviewed with problems found on
// three points, overruled automatic findings, quoted citations, and facts long enough that the
// opinion runs over several pages.
import { OPINION_SCHEMA, OpinionContent } from '../../src/shared/opinion/content';

type Point = OpinionContent['points'][number];

const ok = (id: Point['id'], title: string, note: string, extra: Partial<Point> = {}): Point => ({
  id,
  title,
  decision: 'ok',
  decisionText: '无问题',
  note,
  findings: [],
  citations: [],
  ...extra,
});

const FACTS = [
  '2026年8月14日，我局执法人员王立新（执法证号34050026001）、陈晓燕（执法证号34050026017）根据投诉举报线索，对当事人位于当涂县姑孰镇青山路118号的经营场所进行现场检查，发现其货架上陈列待售的“旺旺牌”雪饼（520克/袋）共计16袋，外包装标示生产日期为2025年11月3日、保质期9个月，已超过保质期；另有“光明牌”纯牛奶（250毫升/盒）12盒，标示生产日期为2026年7月20日、保质期21天，亦已超过保质期。执法人员当场制作了现场检查笔录，对上述商品拍照取证，并依法实施了扣押。',
  '经查，当事人自2026年7月1日起从马鞍山市雨山区某食品批发部购进上述食品，购进时未查验供货者的许可证和食品出厂检验合格证或者其他合格证明，未建立食品进货查验记录；上述过期雪饼的销售单价为每袋6.80元，过期纯牛奶的销售单价为每盒3.50元，检查前已售出雪饼1袋、纯牛奶1盒，违法所得共计10.30元，货值金额共计157.80元。当事人在询问笔录中对上述事实予以确认，并提交了进货单据复印件、营业执照复印件等材料。',
  '2026年9月2日，我局向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的事实、理由、依据及其享有的陈述、申辩和要求听证的权利。当事人在法定期限内提出陈述申辩，称其系初次违法、货值金额较小，且已主动下架全部过期食品并配合调查，请求从轻处罚。承办机构经复核认为当事人的陈述申辩部分成立，拟在法定幅度内从轻处罚。',
  '以上事实有现场检查笔录、询问笔录、现场照片、扣押决定书及扣押物品清单、进货单据、营业执照复印件、当事人身份证复印件、陈述申辩书等证据予以证实，证据之间能够相互印证，形成完整的证据链。',
].join('\n');

export function opinionFixture(): OpinionContent {
  const content: OpinionContent = {
    schema: OPINION_SCHEMA,
    opinionId: '6f1d2c4e-8a7b-4c3d-9e2f-1a2b3c4d5e6f',
    version: 1,
    agency: { code: '340500', name: '马鞍山市市场监督管理局' },
    documentNumber: '马市监法审〔2026〕12号',
    date: '2026-11-23',
    case: {
      id: 'case-2026-0088',
      caseNumber: '马市监处罚〔2026〕88号',
      revision: 3,
      revisionHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      name: '当涂县华联副食店（方宇）销售过期食品案',
      cause: '销售超过保质期的食品',
      handlingUnit: '马鞍山市市场监督管理局执法稽查支队',
      submittedOn: '2026-11-10',
    },
    round: 1,
    parties: [
      {
        kind: 'other',
        name: '当涂县华联副食店',
        idNumber: '92340521MA2T8K3X7Q',
        address: '安徽省马鞍山市当涂县姑孰镇青山路118号',
        legalRepresentative: '方宇',
      },
    ],
    proposedDecision: {
      penalties: ['没收违法所得 10.30元（人民币壹拾元叁角整）', '没收超过保质期的雪饼16袋、纯牛奶12盒', '罚款 50,000元（人民币伍万元整）'],
      violated: ['《食品安全法》第三十四条第（十）项', '《食品安全法》第五十三条第一款'],
      legalBasis: ['《食品安全法》第一百二十四条第一款第（五）项', '《行政处罚法》第三十二条第（一）项'],
      discretion: '从轻：初次违法，货值金额较小，主动下架并配合调查（裁量意见第十四条）',
    },
    facts: FACTS,
    points: [
      ok('P1', '执法主体是否合法', '当事人经营场所位于本局管辖区域内，销售超过保质期的食品属于本局权责清单所列事项，执法主体合法。'),
      ok('P2', '执法人员是否具备执法资格', '现场检查、询问均由两名执法人员进行，执法证件在检查之日均在有效期内。', {
        citations: [{ label: '现场检查笔录 第1页', page: 1, quote: '执法人员王立新（执法证号34050026001）、陈晓燕（执法证号34050026017）' }],
      }),
      {
        id: 'P3',
        title: '执法程序是否合法',
        decision: 'problem',
        decisionText: '存在问题',
        note: '立案审批表载明的立案日期为2026年9月10日，距发现案件线索之日（2026年8月14日）已超过十五个工作日，卷内未见延长立案期限的审批材料；请承办机构补充说明延期理由并附审批手续，或在处罚决定中予以说明',
        findings: [
          { check: 'P3.filing-deadline', severity: 'fail', message: '立案日期晚于发现线索之日起十五个工作日', overruled: null },
          { check: 'P3.notice-before-decision', severity: 'warn', message: '告知书送达回证的签收日期字迹不清', overruled: '经核对送达回证原件及当事人陈述申辩书落款日期，可确认签收日期为2026年9月2日' },
        ],
        citations: [
          { label: '立案审批表 第1页', page: 1, quote: '立案日期：2026年9月10日' },
          { label: '现场检查笔录', page: 1, quote: '检查时间：2026年8月14日9时30分至10时45分' },
        ],
      },
      {
        id: 'P4',
        title: '案件事实是否清楚，证据是否合法充分',
        decision: 'problem',
        decisionText: '存在问题',
        note: '违法所得的计算依据仅有当事人口述，未见销售记录或其他书证印证；扣押物品清单中纯牛奶数量记载为“12盒”，而现场照片显示为11盒，二者不一致，应予核实',
        findings: [{ check: 'P4.photo-count', severity: 'warn', message: '现场照片与扣押物品清单所载数量可能不一致', overruled: null }],
        citations: [
          { label: '扣押物品清单 第1页', page: 1, quote: '“光明牌”纯牛奶（250毫升/盒）12盒' },
          { label: '询问笔录 第3页', page: 3, quote: '问：过期的雪饼和牛奶卖出去多少？答：雪饼卖了1袋，牛奶卖了1盒，一共收了十块三毛钱。' },
        ],
      },
      ok('P5', '适用法律依据是否准确', '违反条款及处罚依据引用准确，相关条文在违法行为发生时有效。', {
        citations: [{ label: '行政处罚告知书 第1页', page: 1, quote: '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项之规定' }],
      }),
      {
        id: 'P6',
        title: '裁量基准运用是否适当',
        decision: 'problem',
        decisionText: '存在问题',
        note: '货值金额不足一万元，法定罚款幅度为五万元以上十万元以下；拟罚款五万元已是法定最低额，与“从轻”情节相符，但处罚决定书草稿中未写明适用从轻的具体理由，应予补充',
        findings: [{ check: 'P6.band', severity: 'warn', message: '拟罚款金额位于法定幅度的下限（从轻区间：50,000元至65,000元）', overruled: '从轻情节成立，金额适当，仅需补充说理' }],
        citations: [{ label: '陈述申辩书', page: 2, quote: '本人系初次经营食品，已将全部过期食品下架，恳请从轻处罚。' }],
      },
      ok('P7', '是否超越法定权限', '拟作出的处罚种类均在本局法定职权范围内。'),
      ok('P8', '执法文书是否规范、齐备', '一般程序所需文书齐备，编号连续，签名完整。'),
      ok('P9', '是否涉嫌犯罪、需移送司法机关', '货值金额157.80元，未达到生产、销售不符合安全标准的食品罪的立案追诉标准，且无证据表明足以造成严重食物中毒事故，无需移送。', {
        decision: 'na',
        decisionText: '不适用',
      }),
      ok('P10', '是否超过追责时效', '违法行为发生于2026年7月至8月，于2026年8月14日被发现，未超过两年的追责时效。'),
    ],
    conclusion: {
      type: '建议纠正',
      text: '一、请承办机构补充立案期限延长的审批材料或书面说明，并在处罚决定书中如实记载立案日期。\n二、请核实扣押纯牛奶的数量，补充销售记录或其他证据以印证违法所得的计算；如无法核实，违法所得应按能够查实的金额认定。\n三、请在处罚决定书中写明适用从轻处罚的具体情节和依据（《行政处罚法》第三十二条第（一）项、本局裁量基准相关条款）。\n以上问题纠正后，请重新提交法制审核。',
    },
    reviewer: { name: '李文静', keyId: 'k-2026-0007', certificateFingerprint: 'sha256:9c1e…' },
    signedAt: '2026-11-23T06:30:00.000Z',
    attachments: ['现场检查笔录', '询问笔录', '扣押物品清单', '立案审批表', '陈述申辩书'],
  };
  return OpinionContent.parse(content);
}
