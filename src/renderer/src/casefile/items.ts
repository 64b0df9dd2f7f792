// The case file's openable items (文书 and 证据) in tree order, for the tree, J/K and the viewers.
import type { CaseFileView, StoredFile } from '../../../shared/api/cases';
import { EvidenceKind } from '../../../shared/casefile/schema';

export interface CaseItem {
  id: string;
  group: 'document' | 'evidence';
  /** 文书种类 or 证据种类 */
  kind: string;
  title: string;
  date: string;
  /** 文号 for documents, 来源 for evidence. */
  detail: string | null;
  file: StoredFile;
  /** A copy made by the workstation (公示版), not part of the case file: no annotations, no check. */
  derived?: { sourceId: string };
}

export interface ItemGroup {
  key: string;
  label: string;
  items: CaseItem[];
  children: ItemGroup[];
}

export function caseItemGroups(view: CaseFileView): ItemGroup[] {
  const documents: CaseItem[] = [...view.documents]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ id: d.id, group: 'document', kind: d.kind, title: d.title, date: d.date, detail: d.docNumber, file: d.file }));
  const evidence: ItemGroup[] = EvidenceKind.options
    .map((kind) => ({
      key: `evidence:${kind}`,
      label: kind,
      children: [],
      items: view.evidence
        .filter((e) => e.kind === kind)
        .sort((a, b) => a.collectedOn.localeCompare(b.collectedOn))
        .map((e): CaseItem => ({ id: e.id, group: 'evidence', kind: e.kind, title: e.title, date: e.collectedOn, detail: e.source, file: e.file })),
    }))
    .filter((g) => g.items.length > 0);
  return [
    { key: 'documents', label: '文书', items: documents, children: [] },
    { key: 'evidence', label: '证据', items: [], children: evidence },
  ];
}

/** Every item in the order the tree shows them (J/K walks this list). */
export function flattenGroups(groups: readonly ItemGroup[]): CaseItem[] {
  return groups.flatMap((g) => [...g.items, ...flattenGroups(g.children)]);
}

export function groupSize(g: ItemGroup): number {
  return g.items.length + g.children.reduce((n, c) => n + groupSize(c), 0);
}

/** By the type found in the bytes when known (a PNG named .pdf is shown as an image). */
export function fileKind(file: StoredFile): 'pdf' | 'image' | 'video' | 'audio' | 'other' {
  const mime = (file.detectedMime ?? file.mime).toLowerCase();
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'other';
}

export { formatBytes } from '../../../shared/format/bytes';
