// Cheap, realistic synthetic PDF page text for the search benchmark: runs of lines from the real
// demo documents (询问笔录, 现场笔录, 告知书, 决定书 …) with the names, companies, dates, amounts and
// identifiers varied per page, so every page is distinct and the trigram index sees the variety
// of a real case file.
import { makeCompanyName, makeMobile, makeName } from '../../src/main/demo/names';
import { Rng } from '../../src/main/demo/rng';

const CITIES = ['马鞍山', '芜湖', '合肥', '铜陵', '滁州', '宣城', '池州', '安庆', '蚌埠', '淮南', '六安', '黄山', '宿州', '阜阳', '亳州', '淮北'];
const INDUSTRIES = ['商贸', '食品', '大药房', '电子科技', '建材', '餐饮管理', '装饰工程', '医疗器械', '网络科技', '日用品', '农资', '汽车销售', '眼镜', '母婴用品', '酒业', '粮油'];
const NAME_AFTER = /(姓名|当事人|法定代表人|负责人|受托人|委托人|被询问人|询问人|记录人|执法人员|经营者|签名|送审人|见证人)([:：\s]*)([\u4e00-\u9fa5]{2,3})(?=[\s，,。、）)]|$)/gmu;
const COMPANY = /[\u4e00-\u9fa5]{2,12}(?:有限责任公司|有限公司|商行|超市|经营部|药房|门诊部|便利店)/gu;
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/gu;
const MONEY = /\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?=元)/gu;
const LONG_DIGITS = /\d{6,}/gu;
const MOBILE = /1[3-9]\d{9}/gu;
const FOOTER = /^第\s*\d+\s*页\s*共\s*\d+\s*页$/u;

export class PageTextGenerator {
  /** Lines of every corpus page, page footers removed. */
  private readonly pages: string[][];
  private readonly rng: Rng;

  constructor(corpus: readonly string[], seed = 'fashen-bench/page-text') {
    this.pages = corpus.map((p) => p.split('\n').map((l) => l.trim()).filter((l) => l && !FOOTER.test(l))).filter((ls) => ls.length >= 3);
    if (this.pages.length === 0) throw new Error('page-text corpus is empty');
    this.rng = new Rng(seed);
  }

  /** The text of `count` consecutive pages of one document. */
  document(count: number): string[] {
    const r = this.rng;
    // One cast per document: the same party and company through its pages, as in a real file.
    const cast = {
      person: makeName(r, r.chance(0.6)),
      officer: makeName(r, r.chance(0.7)),
      company: makeCompanyName(r, r.pick(CITIES), r.pick(INDUSTRIES)),
      year: r.chance(0.8) ? 2026 : 2025,
    };
    const out: string[] = [];
    for (let n = 1; n <= count; n++) {
      const target = r.int(300, 1000);
      const lines: string[] = [];
      let len = 0;
      while (len < target) {
        const src = r.pick(this.pages);
        const from = r.int(0, src.length - 1);
        const take = r.int(3, 12);
        for (const line of src.slice(from, from + take)) {
          const v = this.vary(line, cast);
          lines.push(v);
          len += v.length + 1;
        }
      }
      lines.push(`第 ${n} 页 共 ${count} 页`);
      out.push(`${lines.join('\n')}\n`);
    }
    return out;
  }

  private vary(line: string, cast: { person: string; officer: string; company: string; year: number }): string {
    const r = this.rng;
    return line
      .replace(NAME_AFTER, (_m, label: string, sep: string) => `${label}${sep}${r.chance(0.5) ? cast.person : r.chance(0.5) ? cast.officer : makeName(r, r.chance(0.5))}`)
      .replace(COMPANY, () => (r.chance(0.7) ? cast.company : makeCompanyName(r, r.pick(CITIES), r.pick(INDUSTRIES))))
      .replace(DATE, () => `${cast.year}年${r.int(1, 12)}月${r.int(1, 28)}日`)
      .replace(MOBILE, () => makeMobile(r))
      .replace(LONG_DIGITS, (d) => r.digits(d.length))
      .replace(MONEY, () => (r.chance(0.5) ? `${r.int(1, 999)}.${r.digits(2)}` : `${r.int(1, 50)},${r.digits(3)}.00`));
  }
}

/** Random 4-character runs of Han characters taken from pages (queries that hit). */
export function samplePhrases(rng: Rng, pages: readonly string[], count: number, length = 4): string[] {
  const han = /^\p{Script=Han}+$/u;
  const out = new Set<string>();
  for (let guard = 0; out.size < count && guard < count * 200; guard++) {
    const chars = [...rng.pick(pages)];
    if (chars.length < length) continue;
    const at = rng.int(0, chars.length - length);
    const q = chars.slice(at, at + length).join('');
    if (han.test(q)) out.add(q);
  }
  return [...out];
}
