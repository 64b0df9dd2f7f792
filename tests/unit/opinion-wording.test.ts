// The signed opinion reads as a legal document: each point's finding in words fitting the point (not
// the panel's 无问题), the case file and the page footer in a reader's terms (no uuid, no raw digest),
// no 附件 block for documents that are not attached, no spaces around numbers in generated prose.
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/main/services/opinion/blocks';
import { opinionDocument } from '../../src/main/services/opinion/sections';
import { POINT_WORDING } from '../../src/shared/opinion/point-wording';
import { alreadySaid, documentText } from '../../src/shared/opinion/prose';
import { opinionFixture } from '../helpers/opinion-fixture';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const texts = (c = opinionFixture()) => opinionDocument(c, { contentHash: HASH }).blocks.map(blockText);

describe('审核认定 states the finding', () => {
  it('in words fitting each point, never the decision label', () => {
    const t = texts();
    expect(t).toContain('审核认定：未超越法定权限。拟作出的处罚种类均在本局法定职权范围内。');
    expect(t).toContain('审核认定：未超过追责时效。违法行为发生于2026年7月至8月，于2026年8月14日被发现，未超过两年的追责时效。');
    expect(t).toContain('审核认定：执法程序存在问题。' + opinionFixture().points[2]!.note + '。');
    expect(t.some((x) => x.startsWith('审核认定：本案不涉及涉嫌犯罪移送事项。'))).toBe(true);
    expect(t.join('\n')).not.toMatch(/审核认定：(无问题|存在问题|不适用)/);
  });

  it('P9 settled ok reads 未发现涉嫌犯罪，无需移送司法机关; a note already stating the finding is printed alone', () => {
    const c = opinionFixture();
    c.points[8] = { ...c.points[8]!, decision: 'ok', decisionText: '无问题', note: '' };
    const t = texts(c);
    expect(t).toContain('审核认定：未发现涉嫌犯罪，无需移送司法机关。');
    expect(t).toContain('审核认定：当事人经营场所位于本局管辖区域内，销售超过保质期的食品属于本局权责清单所列事项，执法主体合法。');
  });

  it('has a wording for every point and decision', () => {
    for (const [id, w] of Object.entries(POINT_WORDING)) {
      expect(w.topic, id).not.toMatch(/是否/);
      for (const f of Object.values(w.finding)) expect(f, id).not.toMatch(/^(无问题|存在问题|不适用)$|是否/);
    }
  });
});

describe('traceability in a reader’s terms', () => {
  it('names the case file by submission date, revision number and a short check code', () => {
    expect(texts()).toContain('审核所据案卷：2026年11月10日送审的案卷（修订号3，案卷校验码a3f1c2d4）');
  });

  it('footer: 文号 · 第N版 · the content’s check code as the app shows it, no uuid', () => {
    const c = opinionFixture();
    expect(opinionDocument(c, { contentHash: HASH }).footnote).toBe('马市监法审〔2026〕12号 · 第1版 · 校验码 e3b0 c442 98fc 1c14');
    expect(opinionDocument(c).footnote).toBe('马市监法审〔2026〕12号 · 第1版');
  });
});

describe('the document body', () => {
  it('prints no 附件 block: the cited documents are not attached', () => {
    const doc = opinionDocument(opinionFixture(), { contentHash: HASH });
    expect(doc.blocks.some((b) => b.kind === 'attachments')).toBe(false);
    expect(doc.blocks.map(blockText).join('')).not.toContain('附件');
  });

  it('penalties without spaces around the amounts', () => {
    expect(texts()).toContain('拟处罚内容：1.没收违法所得10.30元（人民币壹拾元叁角整）；2.没收超过保质期的雪饼16袋、纯牛奶12盒；3.罚款50,000元（人民币伍万元整）。');
  });
});

describe('prose helpers', () => {
  it('documentText drops spaces around dates and numbers in Chinese text, not inside codes', () => {
    expect(documentText('期限至 2026-11-04，超期 23 日')).toBe('期限至2026年11月4日，超期23日');
    expect(documentText('罚款 80,000元')).toBe('罚款80,000元');
    expect(documentText('P3 执法程序')).toBe('P3 执法程序');
    expect(documentText('SHA-256 摘要')).toBe('SHA-256 摘要');
  });

  it('alreadySaid: contained or nearly the same words, not words shared by a different claim', () => {
    expect(alreadySaid('案卷缺少行政处罚告知书，仅有送达回证。', '案卷缺少行政处罚告知书')).toBe(true);
    expect(alreadySaid('拟作出决定日期超过九十日办案期限，案卷未见延期审批材料', '拟作出决定日期超过办案期限（期限至2026年11月4日，超期23日）')).toBe(true);
    expect(alreadySaid('告知书送达日期有误', '告知书未送达')).toBe(false);
    expect(alreadySaid('告知与决定间隔不足', '未见听证告知')).toBe(false);
    expect(alreadySaid('', '未见听证告知')).toBe(false);
  });
});
