// The filter row of 全部审计记录 — kind of entry, part of a 案号, a range of days (China time) — and
// the words saying what is shown. The 案号 applies when typing pauses, so each key is not a query.
import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Input, Segmented } from 'antd';
import dayjs from 'dayjs';
// The picker's weekday and month names follow dayjs's locale; antd's zh_CN names it but does not load it.
import 'dayjs/locale/zh-cn';
import { CASE_QUERY_MAX } from '../../../shared/api/audit';
import { AUDIT_GROUPS, type AuditGroup } from '../../../shared/audit/groups';
import type { AuditLogFilters } from './useAuditLog';

export const NO_FILTERS: AuditLogFilters = { group: null, caseNumber: '', from: '', to: '' };

const KINDS = [{ value: 'all', label: '全部' }, ...(Object.entries(AUDIT_GROUPS) as [AuditGroup, string][]).map(([value, label]) => ({ value, label }))];
const TYPING_PAUSE_MS = 350;

export function AuditFilterBar({ value, onChange }: { value: AuditLogFilters; onChange: (patch: Partial<AuditLogFilters>) => void }) {
  const [text, setText] = useState(value.caseNumber);
  const applied = value.caseNumber;
  useEffect(() => {
    const q = text.trim();
    if (q === applied) return;
    // Cleared: at once; typed: when the typing pauses.
    const timer = setTimeout(() => onChange({ caseNumber: q }), q ? TYPING_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [text, applied, onChange]);
  const range = useMemo(() => (value.from && value.to ? ([dayjs(value.from), dayjs(value.to)] as [dayjs.Dayjs, dayjs.Dayjs]) : null), [value.from, value.to]);
  return (
    <div className="audit-filters" data-testid="audit-filters">
      <Segmented size="small" options={KINDS} value={value.group ?? 'all'} onChange={(v) => onChange({ group: v === 'all' ? null : (v as AuditGroup) })} data-testid="audit-filter" />
      <Input
        size="small"
        allowClear
        className="audit-case-filter"
        placeholder="案号，如 153号"
        aria-label="按案号筛选"
        maxLength={CASE_QUERY_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onChange({ caseNumber: text.trim() })}
        data-testid="audit-case-filter"
      />
      <DatePicker.RangePicker
        size="small"
        className="audit-date-filter"
        value={range}
        // Cleared, the picker gives null for the strings, whatever its types say.
        onChange={(_, strings: [string, string] | null) => onChange({ from: strings?.[0] ?? '', to: strings?.[1] ?? '' })}
        // On both inputs (the picker passes data-* attributes down to them).
        data-testid="audit-date-filter"
      />
    </div>
  );
}

/** "审核办理，案号含“153号”的 2 件案件，2026-11-01 至 2026-11-23"; '' with no filter. */
export function describeFilters(f: AuditLogFilters, cases: number | null): string {
  const parts: string[] = [];
  if (f.group) parts.push(AUDIT_GROUPS[f.group]);
  if (f.caseNumber) parts.push(cases ? `案号含“${f.caseNumber}”的 ${cases} 件案件` : `案号含“${f.caseNumber}”`);
  if (f.from || f.to) parts.push(f.from === f.to ? f.from : `${f.from} 至 ${f.to}`);
  return parts.join('，');
}

/** What an empty list says: no case matches the 案号, or nothing matches the filters. */
export function emptyText(f: AuditLogFilters, cases: number | null): string {
  if (f.caseNumber && cases === 0) return `没有案号含“${f.caseNumber}”的案件。`;
  if (!f.caseNumber && !f.from && !f.to) return f.group ? `没有“${AUDIT_GROUPS[f.group]}”类的记录。` : '本机尚无审计记录。';
  return `没有符合条件的记录（${describeFilters(f, cases)}）。`;
}
