// What a scenario (one kind of violation) provides to the generator.
import type { EvidenceKind, LegalCitation } from '../../../shared/casefile/schema';
import type { ImageSpec, SceneSpec } from '../image/spec';
import type { AgencyInfo } from '../places';
import type { CaseDates, PartyInfo, Penalty } from '../model';
import type { Person } from '../names';
import type { DocModel } from '../pdf/model';
import type { Rng } from '../rng';

/** Investigative acts evidence can be attached to (date and officers come from the act). */
export type ActKey = 'inspect' | 'recheck' | 'inquiry1' | 'sampling' | 'inquiry2';

export type FileSpec = { type: 'pdf'; build: () => DocModel } | { type: 'image'; format: 'jpeg' | 'png'; spec: ImageSpec };

export interface EvidenceSpec {
  /** Stable key for the file pool in bench mode, e.g. 'purchase-invoice'. */
  key: string;
  kind: EvidenceKind;
  title: string;
  source: string;
  act: ActKey;
  /** Date override (e.g. a test report's issue date); defaults to the act's date. */
  date?: string;
  proves: string;
  /** File name stem (without number and extension), e.g. 进货单据. */
  fileName: string;
  file: FileSpec;
}

/** The case file's amounts (ProposedDecision), as the P6/P9 checks read them. */
export interface Amounts {
  /** 货值金额: all the goods involved, sold and unsold (产品质量法 Art. 49); also the 违法经营额 base. P9 takes unsold = this − salesFen. */
  goodsValueFen?: number;
  /** 销售金额: the part already sold, at the price actually charged. */
  salesFen?: number;
  illegalGainsFen?: number;
}

export interface FineRange {
  minFen: number;
  maxFen: number;
  /** How the statute states it, e.g. 五万元以上十万元以下 / 货值金额一倍以上三倍以下（32,160元至96,480元） */
  text: string;
}

export interface DetailInput {
  rng: Rng;
  party: PartyInfo;
  dates: CaseDates;
  info: AgencyInfo;
  witness: Person;
  /** "李明（执法证号34050120190123）、王芳（执法证号…）" for an act. */
  officerLine(act: ActKey): string;
  /** "李明、王芳" for an act. */
  officerNames(act: ActKey): string;
}

export interface ScenarioDetails {
  /** The goods or conduct, short, e.g. 超过保质期的“旺旺”雪饼12袋 */
  goods: string;
  /** 案源简要情况 */
  leadText: string;
  /** Lead source person (complainant) if any, for the 案件来源登记表. */
  reporter?: string;
  /** 现场检查情况, paragraphs */
  findings: string[];
  /** Scenario part of the 询问笔录 (after identity questions). */
  inquiry: [string, string][];
  /** Second 询问 (补充调查), if the case has one. */
  inquiry2?: [string, string][];
  /** 经查明的事实 (one paragraph, no evidence list). */
  facts: string;
  /** The party's written admission (情况说明), first person. */
  admission: string;
  /** The party's statement/defence (陈述申辩) and, in the first person, its arguments at the hearing. */
  statement: string;
  hearingArgs: string;
  /** Scenario-specific 从轻/从重 factors. */
  factors: string[];
  /** Penalties besides the fine (confiscation, warning), in order. */
  extraPenalties: Penalty[];
  evidence: EvidenceSpec[];
  scene: SceneSpec;
  /** 责令改正: the conduct found, what must be done, and the re-inspection findings. */
  correction?: { conduct: string; demand: string; recheck: string[] };
  /** 检验 by an outside institution (sampling → report). */
  testing?: { institute: string; sample: string };
  /** 违法行为起止 */
  violationStart: string;
  continuing: boolean;
}

export interface Drawn {
  amounts: Amounts;
  range: FineRange;
  details(input: DetailInput): ScenarioDetails;
}

export interface Scenario {
  key: string;
  /** 销售过期食品 — for listings. */
  title: string;
  /** 案由 */
  cause: string;
  partyKind: 'natural' | 'legal';
  licensed: boolean;
  /** Company name industry word (商贸/食品/建材 …) or 个体 shop suffix (副食店 …). */
  industry: string;
  businessScope: string;
  leadKind: '投诉举报' | '监督检查' | '抽样检验' | '网络监测' | '上级交办' | '其他部门移送';
  /** 责令限期改正 first (fine only if not corrected), with the period in days. */
  correctionDays?: number;
  /** Sampling sent for testing/检定, taking this many working days (excluded from the 90 days). */
  testingDays?: [number, number];
  /** Questioned through an employee (委托代理人) rather than the legal representative. */
  agentPost?: string;
  model: 'band' | 'maxOnly';
  violated: LegalCitation[];
  basis: LegalCitation[];
  draw(rng: Rng): Drawn;
}
