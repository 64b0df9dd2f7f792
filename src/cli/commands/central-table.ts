// Plain tables for the `fashen central` listings: columns padded by display width (a CJK character
// takes two columns in a terminal), the last column left as it is.
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  ')).join('\n') + '\n';
}

/** A person as the admin knows them: 王强（wangqiang）, or the account name alone when no 姓名 is set. */
export const person = (account: string, displayName: string | null | undefined): string => (displayName ? `${displayName}（${account}）` : account);
