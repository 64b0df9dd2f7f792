// Seeded Chinese people, shop names and companies. All fictitious; ID numbers and credit codes
// are well-formed (valid check characters) but generated.
import { addDays } from '../../shared/format/date';
import { makeIdCard, makeUscc } from './check-digits';
import type { Rng } from './rng';

export interface Person {
  name: string;
  male: boolean;
  birth: string;
  idNumber: string;
  phone: string;
  /** 户籍/居住地址 */
  address: string;
}

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7], ['李', 7], ['张', 7], ['刘', 5], ['陈', 5], ['杨', 3], ['黄', 2], ['赵', 2], ['吴', 2], ['周', 2],
  ['徐', 2], ['孙', 2], ['马', 1], ['朱', 2], ['胡', 1], ['郭', 1], ['何', 1], ['高', 1], ['林', 1], ['罗', 1],
  ['郑', 1], ['梁', 1], ['谢', 1], ['宋', 1], ['唐', 1], ['许', 1], ['韩', 1], ['冯', 1], ['邓', 1], ['曹', 1],
  ['彭', 1], ['曾', 1], ['汪', 2], ['程', 1], ['陶', 1], ['方', 1], ['葛', 1], ['鲍', 1], ['夏', 1], ['储', 1],
];
const GIVEN_M = '建国 志强 海涛 俊 伟 军 勇 磊 涛 斌 明 超 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 亮 东 文 杰 晓东 永 林 成 国庆 春生 德胜 玉林 家宝 子豪 一鸣 浩然 立新 振华'.split(' ');
const GIVEN_F = '秀英 桂英 秀兰 玉兰 丽 敏 静 艳 娟 霞 芳 燕 玲 婷 雪 慧 倩 颖 琳 晶 洁 梅 红 萍 丹 欣怡 雨涵 佳 月 秋菊 春梅 晓燕 小红 淑珍 丽华 美玲 婉清 思琪'.split(' ');

const MOBILE_PREFIX = ['133', '135', '136', '138', '139', '150', '151', '152', '153', '155', '156', '158', '166', '173', '177', '180', '181', '182', '186', '187', '188', '189', '191', '199'];

export function makeName(rng: Rng, male: boolean): string {
  return rng.weighted(SURNAMES) + rng.pick(male ? GIVEN_M : GIVEN_F);
}

export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIX) + rng.digits(8);
}

export interface PersonOptions {
  /** 6-digit region code used in the ID number. */
  region: string;
  address: string;
  /** Age range on `today`. */
  minAge: number;
  maxAge: number;
  today: string;
  male?: boolean;
}

export function makePerson(rng: Rng, o: PersonOptions): Person {
  const male = o.male ?? rng.chance(0.6);
  const ageDays = rng.int(o.minAge * 365 + 30, o.maxAge * 365 - 30);
  const birth = addDays(o.today, -ageDays);
  return { name: makeName(rng, male), male, birth, idNumber: makeIdCard(rng, o.region, birth, male), phone: makeMobile(rng), address: o.address };
}

/** Two-character trade names (字号). */
const TRADE_NAMES = '恒润 鑫源 华联 嘉禾 永盛 聚福 优品 金桥 宏达 顺达 德隆 汇通 瑞祥 天成 万家 康达 佳美 和润 新亚 长江 皖江 采石 雨山 江东 博源 众合 诚信 信达 泰和 福满 惠民 同兴 广源 利民 百汇 君安 锦华 晨光 星辰 青山'.split(' ');

export function makeTradeName(rng: Rng): string {
  return rng.pick(TRADE_NAMES);
}

/** e.g. 马鞍山恒润商贸有限公司 */
export function makeCompanyName(rng: Rng, cityShort: string, industry: string): string {
  return `${cityShort}${makeTradeName(rng)}${industry}有限公司`;
}

export function makeCompanyCode(rng: Rng, region: string): string {
  return makeUscc(rng, '91', region);
}

export function makeSoleTraderCode(rng: Rng, region: string): string {
  return makeUscc(rng, '92', region);
}

/** 注册资本, e.g. "200万元人民币". */
export function makeCapital(rng: Rng): string {
  return `${rng.pick([50, 100, 100, 200, 300, 500, 1000])}万元人民币`;
}

/** House numbers: 88号, 12号2幢103室 … */
export function makeHouseNo(rng: Rng): string {
  return rng.chance(0.6) ? `${rng.int(1, 399)}号` : `${rng.int(1, 60)}号${rng.int(1, 3)}幢${rng.int(1, 2)}0${rng.int(1, 8)}室`;
}
