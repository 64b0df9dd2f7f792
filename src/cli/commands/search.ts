import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { SearchQueryError } from '../../main/db/repos/search';
import { markSnippet } from '../../shared/text/term-marks';

export async function searchCommand(open: () => Workstation, query: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (!query.length) {
    io.err('用法：fashen search <检索词> [--json]\n');
    return 2;
  }
  const ws = open();
  try {
    const result = ws.search.query(query.join(' '), { limit: 100 });
    if (opts.json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (!result.groups.length) io.out(`未找到“${result.query}”\n`);
    for (const g of result.groups) {
      io.out(`${g.caseNumber}  ${g.partyName}  ${g.cause}（${g.totalHits} 处）\n`);
      for (const h of g.hits) {
        const where = h.kind === 'page' ? `${h.itemTitle}${h.page !== null ? ` 第${h.page}页` : ''}` : h.field;
        io.out(`  ${where}：${markSnippet(h.snippet, result.terms).map((p) => (p.mark ? `【${p.text}】` : p.text)).join('')}\n`);
      }
    }
    if (result.mode === 'like') io.out('（短词检索：逐条扫描，结果可能不完整）\n');
    return 0;
  } catch (err) {
    if (err instanceof SearchQueryError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    ws.close();
  }
}
