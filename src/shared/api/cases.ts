// cases.* — the queue, the case file, import.
import { z } from 'zod';
import { call } from './define';
import type { CasePackage, EvidenceKind, FileRef, Party, Officer, ProposedDecision, Procedure, CaseRecord } from '../casefile/schema';

export type CaseStatus = 'pending' | 'in_review' | 'returned' | 'concluded';

/** One line of the 待审案件 queue. */
export interface CaseQueueRow {
  id: string;
  caseNumber: string;
  partyName: string;
  cause: string;
  handlingUnit: string;
  submittedOn: string;
  /** Last working day of the review period (10 working days from 送审). */
  reviewDueOn: string | null;
  /** Working days left including today; negative when overdue; null when the calendar can't tell. */
  remainingWorkingDays: number | null;
  /** Today is a working day and counted in remainingWorkingDays (shown as 含今日). */
  remainingIncludesToday?: boolean;
  /** zh-CN, set when the calendar does not cover the dates involved. */
  calendarWarning: string | null;
  round: number;
  status: CaseStatus;
  /** All files present and verified in the local store. */
  offline: boolean;
  proposedFineFen: number | null;
  /** The central system gave the case to another reviewer: kept here to read, no longer concluded or signed. */
  reassigned?: true;
}

export interface StoredFile extends FileRef {
  /** Present in the local blob store. */
  present: boolean;
  /** Last integrity result (re-hash): 完好 / 已篡改 / 缺失. */
  state: 'ok' | 'tampered' | 'missing';
  /** Type found from the file's bytes; differs from `mime` when the extension lies. */
  detectedMime: string | null;
  /** PDF pages, when the text was extracted. */
  pageCount: number | null;
  /** Text extraction: done, failed (corrupt), encrypted (password), none (not a PDF). */
  textState: 'pending' | 'done' | 'failed' | 'encrypted' | 'none';
  /** zh-CN problem with the file itself (corrupt PDF, password, wrong extension), if any. */
  problem: string | null;
}

export interface CaseDocumentView {
  id: string;
  kind: string;
  title: string;
  docNumber: string | null;
  date: string;
  file: StoredFile;
}

export interface CaseEvidenceView {
  id: string;
  kind: EvidenceKind;
  title: string;
  source: string;
  collectedBy: string[];
  collectedOn: string;
  proves: string;
  file: StoredFile;
}

export interface TimelineStep {
  key: 'lead' | 'filed' | 'concluded' | 'notice' | 'statement' | 'hearing' | 'submitted';
  label: string;
  date: string | null;
  /** e.g. "立案后第 34 日" — a short computed note. */
  note: string | null;
}

export interface CaseFileView {
  id: string;
  revision: number;
  revisionHash: string;
  caseNumber: string;
  cause: string;
  status: CaseStatus;
  round: number;
  agency: CaseRecord['agency'];
  handlingUnit: string;
  facts: string;
  violationPeriod: CaseRecord['violationPeriod'];
  procedure: Procedure;
  proposedDecision: ProposedDecision;
  parties: Party[];
  officers: (Officer & { isCaseOfficer: boolean })[];
  timeline: TimelineStep[];
  documents: CaseDocumentView[];
  evidence: CaseEvidenceView[];
  queue: CaseQueueRow;
  importedAt: string;
}

export interface ImportOutcome {
  source: string;
  ok: boolean;
  caseId?: string;
  caseNumber?: string;
  /** 'imported', 'unchanged' (same revision already present) or 'new_round' (resubmission). */
  action?: 'imported' | 'unchanged' | 'new_round';
  /** One zh-CN line on a case that came in or was left alone: a new round over unfinished work, an older revision than the one here. */
  note?: string;
  error?: string;
  details?: string[];
  /** The failure is the whole file's: a bundle refused before any of its packages was read. */
  whole?: boolean;
}

export const CaseListFilter = z
  .object({
    status: z.enum(['pending', 'in_review', 'returned', 'concluded']).optional(),
    text: z.string().max(100).optional(),
  })
  .strict();

export const casesApi = {
  'cases.list': call<CaseQueueRow[]>()(CaseListFilter),
  'cases.get': call<CaseFileView>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Import package folders or .zip files that exist on the workstation's disk. */
  'cases.import': call<ImportOutcome[]>()(z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500) }).strict()),
  /** Generate and import the demo case files (first-start offer). */
  'cases.loadDemo': call<ImportOutcome[]>()(z.object({}).strict()),
} as const;

export type { CasePackage };
