// 类案同罚: other cached cases citing the same penalty article, with their proposed fines.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CasePackage, ProposedDecision } from '../../../shared/casefile/schema';
import { caseArticleKey } from '../../../shared/rules/index';
import type { RuleSet } from '../../../shared/rules/rule-data';
import type { SimilarCase } from '../../../shared/rules/types';

interface Row {
  id: string;
  case_number: string;
  revision_hash: string;
  proposed_fine_fen: number;
  proposed_decision_json: string;
  violation_start: string;
  violation_end: string;
  continuing: number;
}

export class SimilarCases {
  /** revisionHash → article key; keys only change with the case or the rule data. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly sqlite: Database.Database) {}

  forCase(caseId: string, rules: RuleSet): SimilarCase[] {
    const rows = this.sqlite
      .prepare('select id, case_number, revision_hash, proposed_fine_fen, proposed_decision_json, violation_start, violation_end, continuing from case_file where id != ? and proposed_fine_fen is not null')
      .all(caseId) as Row[];
    return rows.map((r) => ({ caseId: r.id, caseNumber: r.case_number, articleKey: this.key(r, rules), fineFen: r.proposed_fine_fen }));
  }

  private key(r: Row, rules: RuleSet): string {
    const cached = this.keys.get(r.revision_hash);
    if (cached) return cached;
    // caseArticleKey reads only the decision and the violation period.
    const partial = {
      case: { proposedDecision: JSON.parse(r.proposed_decision_json) as ProposedDecision, violationPeriod: { start: r.violation_start, end: r.violation_end, continuing: r.continuing === 1 } },
    } as unknown as CasePackage;
    let key: string;
    try {
      key = caseArticleKey(partial, rules);
    } catch {
      key = '';
    }
    this.keys.set(r.revision_hash, key);
    return key;
  }
}
