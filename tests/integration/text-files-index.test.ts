// Text evidence and Word documents are searched like PDF pages: their text is indexed at import
// (UTF-8 or GB18030; a .docx's paragraphs read with mammoth), a hit has no page number, the pane
// gets a .docx's text from evidence.itemText, an unreadable .docx says so, and a store of a former
// version indexes the files it already holds once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { dispatch, type Handlers } from '../../src/main/dispatch';
import { Workstation } from '../../src/main/workstation';
import { DOCX_MIME } from '../../src/shared/text/decode';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { wordFile } from '../helpers/word-file';
import { addEvidence } from '../e2e/support/evidence-packages';

let ws: Workstation;
let handlers: Handlers;
let caseId: string;
const LINES = ['情况说明', '我店于2026年6月从合肥某批发市场购进涉案食品，未索取进货票据。', '以上情况属实。'];

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('text-index-'), today: () => '2026-11-23' });
  handlers = buildApi(ws, 'host');
  const pkg = await buildPackage(tempDir());
  caseId = pkg.manifest.case.id;
  const word = await wordFile(LINES);
  addEvidence(
    pkg,
    [
      ['e-chat', '微信聊天记录导出', 'evidence/chat.txt', Buffer.from('2026-06-05 10:15 李四：合肥的批发市场，没有票据。\n', 'utf8')],
      // “收银记录：售出涉案食品 12 件” in GB18030.
      ['e-pos', '收银系统导出记录', 'evidence/pos.txt', Buffer.from('cad5d2f8bcc7c2bca3bacadbb3f6c9e6b0b8cab3c6b720313220bcfe0a', 'hex')],
      // A till's own binary records labelled text (no format the type sniffer knows): not text whatever the label says.
      ['e-bin', '收银数据库备份', 'evidence/pos-db.txt', Buffer.concat([Buffer.from('POSDATA1'), Buffer.from([0, 0, 1, 7, 200, 3, 0, 9, 17, 0, 0, 2])])],
    ],
    { kind: '电子数据', proves: '进货来源', mime: 'text/plain' },
  );
  addEvidence(
    pkg,
    [
      ['e-word', '当事人提交的情况说明', 'evidence/statement.docx', word],
      // Cut short: the type is still Word's, but the file cannot be read.
      ['e-broken', '损坏的情况说明', 'evidence/broken.docx', word.subarray(0, Math.floor(word.length / 2))],
    ],
    { kind: '书证', proves: '当事人的说明', mime: DOCX_MIME },
  );
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
}, 60_000);
afterAll(() => ws.close());

const hitsOf = (q: string) => ws.search.query(q, { limit: 50 }).groups.flatMap((g) => g.hits).filter((h) => h.kind === 'page');

describe('text files and Word documents in the search index', () => {
  it('finds words of a UTF-8 and a GB18030 text file and of a .docx, with no page number', () => {
    expect(hitsOf('没有票据')).toMatchObject([{ itemId: 'e-chat', page: null }]);
    expect(hitsOf('售出涉案食品')).toMatchObject([{ itemId: 'e-pos', page: null }]);
    const word = hitsOf('未索取进货票据');
    expect(word).toMatchObject([{ itemId: 'e-word', page: null, snippet: { match: '未索取进货票据' } }]);
  });

  it('gives the pane a .docx’s paragraphs, one per line, and says when it has none', async () => {
    const r = await dispatch(handlers, 'evidence.itemText', { caseId, itemId: 'e-word' });
    expect(r).toMatchObject({ ok: true, value: { text: LINES.join('\n') } });
    expect(await dispatch(handlers, 'evidence.itemText', { caseId, itemId: 'e-broken' })).toMatchObject({ ok: true, value: { text: null } });
    expect(await dispatch(handlers, 'evidence.itemText', { caseId, itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('does not index bytes labelled text that are not text, and says so', () => {
    const bin = ws.views.get(caseId)!.evidence.find((e) => e.id === 'e-bin')!;
    expect(bin.file).toMatchObject({ textState: 'failed', problem: expect.stringContaining('内容不是文本') });
    expect(ws.search.query('POSDATA', { limit: 10 }).totalHits).toBe(0);
  });

  it('records an unreadable .docx as failed with a reason, leaving the rest indexed', () => {
    const view = ws.views.get(caseId)!;
    const broken = view.evidence.find((e) => e.id === 'e-broken')!;
    expect(broken.file.textState).toBe('failed');
    expect(broken.file.problem).toContain('无法读取 Word 文档的文字');
    expect(view.evidence.find((e) => e.id === 'e-word')!.file).toMatchObject({ textState: 'done', pageCount: null });
  });

  it('a store of a former version indexes the text files it holds, once', async () => {
    // As a former version left them: processed, without text.
    ws.store.sqlite.prepare("update blob set text_state = 'none' where coalesce(detected_mime, mime) in ('text/plain', ?)").run(DOCX_MIME);
    for (const sha of ws.store.sqlite.prepare("select sha256 from blob where text_state = 'none'").pluck().all() as string[]) ws.search.indexPages(sha, []);
    ws.store.sqlite.prepare("delete from setting where key = 'text_files_indexed'").run();
    expect(hitsOf('没有票据')).toEqual([]);

    expect(ws.processor.requeueTextFilesOnce('2026-11-23T00:00:00Z')).toBeGreaterThanOrEqual(3);
    await ws.processor.processPending();
    expect(hitsOf('没有票据')).toHaveLength(1);
    expect(hitsOf('未索取进货票据')).toHaveLength(1);
    expect(ws.processor.requeueTextFilesOnce('2026-11-23T00:00:00Z')).toBe(0);
  });
});
