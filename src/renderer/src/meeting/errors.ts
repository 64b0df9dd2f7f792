// Api failures of the meeting calls as text plus, for rejected input, one line per field: zod's
// details come as "quorum.minMembers：最少出席人数（9）不能多于负责人人数（5）".
import { ApiFailure } from '../../../shared/api/result';

export interface FieldProblem {
  /** e.g. ['attendees', 5, 'name'] */
  path: (string | number)[];
  message: string;
}

export interface MeetingProblem {
  text: string;
  /** Lines that name no field, or the conflict's own details (e.g. each refused agenda case). */
  lines: string[];
  fields: FieldProblem[];
}

/** The banner over a form whose fields carry their problems (red errors, or the orange note on a repeated name). */
export const FIX_MARKED_FIELDS = '请按提示改正标出的内容';

export function meetingProblem(err: unknown, fallback = '操作未完成，请稍后重试'): MeetingProblem {
  if (!(err instanceof ApiFailure)) return { text: fallback, lines: [], fields: [] };
  const lines: string[] = [];
  const fields: FieldProblem[] = [];
  for (const d of err.error.details ?? []) {
    const m = /^([A-Za-z0-9_.]+)：(.+)$/s.exec(d);
    if (m) fields.push({ path: m[1]!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: m[2]! });
    else lines.push(d);
  }
  const text = err.error.code === 'invalid_input' && fields.length ? FIX_MARKED_FIELDS : err.error.message || fallback;
  // A single detail that repeats the message adds nothing.
  return { text, lines: lines.filter((l) => l !== text), fields };
}

/**
 * One line for a toast or an inline note: the message and the first field problem — unless the
 * message already says it (e.g. "尚有 1 个案件未形成结论性意见：<案号>" with the case number as detail).
 */
export function problemLine(err: unknown, fallback?: string): string {
  const p = meetingProblem(err, fallback);
  const first = p.fields[0]?.message ?? p.lines[0];
  return first && !p.text.includes(first) ? `${p.text}：${first}` : p.text;
}
