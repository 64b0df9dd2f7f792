// Agencies (执法主体), their handling units (承办机构) and the districts whose parties they serve.
import type { Agency } from '../../shared/casefile/schema';
import { makeUscc } from './check-digits';
import { makeHouseNo } from './names';
import { Rng } from './rng';

export interface District {
  name: string; // 花山区
  code: string; // 340503
  /** Prefix for full addresses, e.g. 安徽省马鞍山市花山区 */
  prefix: string;
  streets: readonly string[];
  /** Towns/markets for place names, e.g. 湖东路农贸市场 */
  markets: readonly string[];
}

export interface AgencyInfo {
  agency: Agency;
  /** 马鞍山 — used in company names. */
  cityShort: string;
  address: string;
  phone: string;
  units: readonly string[];
  districts: readonly District[];
  /** The agency's own region code for credential numbers (6 digits). */
  credentialRegion: string;
  /** Name written on the seal of documents issued to parties. */
  seal: string;
}

interface AgencySeed {
  name: string;
  shortName: string;
  region: string;
  regionName: string;
  level: Agency['level'];
  cityShort: string;
  address: string;
  phone: string;
  units: string[];
  districts: District[];
  weight: number;
}

const MAS = '安徽省马鞍山市';
const WH = '安徽省芜湖市';

const SEEDS: AgencySeed[] = [
  {
    name: '马鞍山市市场监督管理局',
    shortName: '马市监',
    region: '340500',
    regionName: '安徽省马鞍山市',
    level: 'city',
    cityShort: '马鞍山',
    address: '安徽省马鞍山市花山区湖东中路299号',
    phone: '0555-2356315',
    units: ['执法稽查支队', '花山分局', '雨山分局', '博望分局'],
    districts: [
      { name: '花山区', code: '340503', prefix: `${MAS}花山区`, streets: ['解放路', '湖北东路', '红旗中路', '九华西路', '湖东中路', '雨山东路', '印山东路', '金山路'], markets: ['金家庄农贸市场', '湖东路农贸市场', '花园农贸市场'] },
      { name: '雨山区', code: '340504', prefix: `${MAS}雨山区`, streets: ['佳山路', '湖南西路', '太白大道', '雨山西路', '天门大道', '采石路', '印山西路'], markets: ['雨山农贸市场', '采石农贸市场', '佳山农贸市场'] },
      { name: '博望区', code: '340506', prefix: `${MAS}博望区`, streets: ['博望镇博望大道', '丹阳镇丹阳路', '新市镇新市街'], markets: ['博望农贸市场', '丹阳农贸市场'] },
    ],
    weight: 55,
  },
  {
    name: '当涂县市场监督管理局',
    shortName: '当市监',
    region: '340521',
    regionName: '安徽省马鞍山市当涂县',
    level: 'county',
    cityShort: '当涂',
    address: '安徽省马鞍山市当涂县姑孰镇护河东路128号',
    phone: '0555-6712315',
    units: ['综合行政执法大队', '姑孰市场监督管理所', '黄池市场监督管理所'],
    districts: [{ name: '当涂县', code: '340521', prefix: `${MAS}当涂县`, streets: ['姑孰镇姑孰路', '姑孰镇太白路', '姑孰镇青山路', '黄池镇黄池街', '大陇镇大陇路'], markets: ['姑孰农贸市场', '黄池农贸市场'] }],
    weight: 15,
  },
  {
    name: '含山县市场监督管理局',
    shortName: '含市监',
    region: '340522',
    regionName: '安徽省马鞍山市含山县',
    level: 'county',
    cityShort: '含山',
    address: '安徽省马鞍山市含山县环峰镇褒禅大道66号',
    phone: '0555-4312315',
    units: ['综合行政执法大队', '环峰市场监督管理所', '林头市场监督管理所'],
    districts: [{ name: '含山县', code: '340522', prefix: `${MAS}含山县`, streets: ['环峰镇和州路', '环峰镇褒禅大道', '环峰镇建设路', '林头镇林头街', '运漕镇运漕路'], markets: ['环峰农贸市场', '运漕农贸市场'] }],
    weight: 15,
  },
  {
    name: '芜湖市市场监督管理局',
    shortName: '芜市监',
    region: '340200',
    regionName: '安徽省芜湖市',
    level: 'city',
    cityShort: '芜湖',
    address: '安徽省芜湖市鸠江区九华北路160号',
    phone: '0553-3832315',
    units: ['执法稽查支队', '镜湖分局', '鸠江分局'],
    districts: [
      { name: '镜湖区', code: '340202', prefix: `${WH}镜湖区`, streets: ['中山路', '北京东路', '赭山中路', '长江中路', '新芜路'], markets: ['吉和农贸市场', '赭山农贸市场'] },
      { name: '鸠江区', code: '340207', prefix: `${WH}鸠江区`, streets: ['九华北路', '赤铸山路', '万春东路', '官陡街道汀棠路'], markets: ['万春农贸市场', '官陡农贸市场'] },
    ],
    weight: 15,
  },
];

let agencies: AgencyInfo[] | undefined;

/** The fixed set of demo agencies (stable codes, independent of the seed). */
export function allAgencies(): AgencyInfo[] {
  if (agencies) return agencies;
  agencies = SEEDS.map((s) => {
    const rng = new Rng(`agency/${s.region}`);
    return {
      agency: { code: makeUscc(rng, '11', s.region), name: s.name, shortName: s.shortName, region: s.regionName, level: s.level },
      cityShort: s.cityShort,
      address: s.address,
      phone: s.phone,
      units: s.units,
      districts: s.districts,
      credentialRegion: s.region,
      seal: s.name,
    };
  });
  return agencies;
}

export function agencyWeights(): [AgencyInfo, number][] {
  const all = allAgencies();
  return SEEDS.map((s, i) => [all[i]!, s.weight]);
}

/** A street address inside a district. */
export function makeAddress(rng: Rng, d: District): string {
  return `${d.prefix}${rng.pick(d.streets)}${makeHouseNo(rng)}`;
}

/** Handling units with their district (a 分局/所 serves its own district). */
export function districtForUnit(info: AgencyInfo, unit: string, rng: Rng): District {
  const byName = info.districts.find((d) => unit.startsWith(d.name.slice(0, 2)));
  return byName ?? rng.pick(info.districts);
}
