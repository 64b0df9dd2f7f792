// The internal case model the templates read: everything about one demo case before it is
// written out as case.json + files.
import type { LegalCitation, Officer, Party, PenaltyType } from '../../shared/casefile/schema';
import type { Person } from './names';
import type { AgencyInfo, District } from './places';
import type { Amounts, Scenario, ScenarioDetails } from './scenarios/types';

export const DEFECTS = ['missing_notice', 'expired_credential', 'fine_out_of_range', 'decision_after_90_days'] as const;
export type DefectId = (typeof DEFECTS)[number];

export const DEFECT_LABELS: Record<DefectId, string> = {
  missing_notice: '案卷缺少行政处罚告知书',
  expired_credential: '执法人员执法证在调查取证时已过期',
  fine_out_of_range: '拟罚款金额超出法定幅度',
  decision_after_90_days: '拟作出决定日期超过立案之日起九十日且无延期批准',
};

export interface PartyInfo {
  party: Party;
  /** How documents name the party: company name, 个体工商户字号, or a person's name. */
  display: string;
  /** 个体工商户字号 (e.g. 花山区建国副食店) */
  tradeName?: string;
  /** 个体工商户's own 统一社会信用代码 (the party record carries the operator's 身份证号). */
  licenceCode?: string;
  /** Operator (个体/自然人) or 法定代表人 (company). */
  person: Person;
  /** Employee questioned on behalf of a company (委托代理人), if any. */
  agent?: Person & { post: string };
  premises: string;
  district: District;
  registeredOn?: string;
  capital?: string;
  licensed: boolean;
}

/** Dates of the procedure chain (ISO). Optional ones exist only for some cases. */
export interface CaseDates {
  lead: string;
  inspect: string;
  /** 责令改正: order served on `inspect`, deadline, and the re-inspection. */
  correctionDeadline?: string;
  recheck?: string;
  filed: string;
  inquiry1: string;
  sampling?: string;
  testReport?: string;
  inquiry2?: string;
  concluded: string;
  notice: string;
  statement?: string;
  hearingRequested?: string;
  hearingNotice?: string;
  hearingHeld?: string;
  submitted: string;
  proposed: string;
}

export interface Act {
  /** What was done, e.g. 现场检查 */
  name: string;
  date: string;
  /** The two (or three) officers who did it. */
  officers: Officer[];
}

export interface Penalty {
  type: PenaltyType;
  amountFen?: number;
  description: string;
}

export interface FineDecision {
  level: '从轻' | '一般' | '从重';
  amountFen: number;
  minFen: number;
  maxFen: number;
  /** How the range and amount were reached, for the 调查终结报告. */
  factors: string[];
  reason: string;
}

export type HearingState = 'none' | 'waived' | 'held';

export interface CaseCtx {
  index: number;
  seed: string;
  today: string;
  caseId: string;
  caseNumber: string;
  year: number;
  seq: number;
  scenario: Scenario;
  details: ScenarioDetails;
  info: AgencyInfo;
  unit: string;
  officers: Officer[];
  /** Officer pair for each investigative act (first = 主办, second = 协办/记录). */
  acts: Record<'inspect' | 'recheck' | 'inquiry1' | 'sampling' | 'inquiry2' | 'notice' | 'statement' | 'hearing', Act | undefined>;
  party: PartyInfo;
  witness?: Person;
  dates: CaseDates;
  excluded: { start: string; end: string; reason: string }[];
  amounts: Amounts;
  fine: FineDecision;
  penalties: Penalty[];
  violated: LegalCitation[];
  basis: LegalCitation[];
  hearing: HearingState;
  statementMade: boolean;
  defects: DefectId[];
  /** Document numbers (文号). */
  docNo: { notice: string; hearingNotice?: string; correction?: string };
  /** 承办机构负责人, 分管局领导, 法制机构负责人; hearing panel (主持人 is not an investigator). */
  approvers: { unitHead: string; leader: string; legalHead: string; hearingMember: string; clerk: string };
}
