// 生僻字 in the opinion: a party name with 𠮷 (U+20BB7, CJK Extension B, not in Noto Serif SC) is
// printed from the fallback face HanaMinB, on the grid, as searchable text, and set in its own
// HanaMinB run in the .docx; a character no bundled face has (an emoji) is refused with the field named.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocumentFaces, textWidth } from '../../src/main/services/opinion/faces';
import { BODY_SIZE_PT } from '../../src/main/services/opinion/layout';
import { renderOpinionDocx } from '../../src/main/services/opinion/render-docx';
import { renderOpinionPdfBytes } from '../../src/main/services/opinion/render-pdf';
import { ApiFailure } from '../../src/shared/api/result';
import { opinionFixture } from '../helpers/opinion-fixture';
import { docxParts } from '../helpers/docx-parts';

const RARE = '马鞍山𠮷汇通网络科技有限公司';
const dir = mkdtempSync(join(tmpdir(), 'fashen-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withParty(name: string) {
  const c = opinionFixture();
  c.parties[0]!.name = name;
  c.case.name = `${name}销售过期食品案`;
  return c;
}

function pdfTool(tool: 'pdftotext' | 'pdffonts', bytes: Uint8Array): string {
  const file = join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}

describe('rare characters (CJK Extension B) in the opinion', () => {
  it('prints 𠮷 in the PDF from the fallback face, as text pdftotext finds', async () => {
    const pdf = await renderOpinionPdfBytes(withParty(RARE));
    expect(pdftotextFlat(pdfTool('pdftotext', pdf))).toContain(`当事人：${RARE}`);
    const fonts = pdfTool('pdffonts', pdf);
    expect(fonts).toMatch(/\+HanaMinB\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('embeds no fallback face when every character is in Noto Serif SC', async () => {
    const fonts = pdfTool('pdffonts', await renderOpinionPdfBytes(opinionFixture()));
    expect(fonts).not.toContain('HanaMinB');
  });

  it('measures 𠮷 as one full character on the grid, like 吉', () => {
    const faces = loadDocumentFaces();
    expect(faces.regular.hasGlyph(0x20bb7)).toBe(false);
    expect(textWidth(faces, 'regular', '马鞍山𠮷汇通', BODY_SIZE_PT)).toBeCloseTo(textWidth(faces, 'regular', '马鞍山吉汇通', BODY_SIZE_PT), 1);
  });

  it('sets 𠮷 in the .docx in a run of its own naming HanaMinB (SimSun-ExtB as its alternative)', async () => {
    const files = await docxParts(await renderOpinionDocx(withParty(RARE)));
    const xml = files.get('word/document.xml')!;
    expect(xml).toMatch(/<w:r><w:rPr><w:rFonts w:ascii="HanaMinB" w:cs="HanaMinB" w:eastAsia="HanaMinB" w:hAnsi="HanaMinB" w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">𠮷<\/w:t><\/w:r>/);
    expect(xml).toContain('<w:t xml:space="preserve">当事人：马鞍山</w:t>');
    expect(files.get('word/fontTable.xml')).toContain('<w:font w:name="HanaMinB"><w:altName w:val="SimSun-ExtB"/>');
  });

  it('refuses a character no face has, naming the field, as an ApiFailure', async () => {
    const err = await renderOpinionPdfBytes(withParty('马鞍山😀汇通网络科技有限公司')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).error.message).toBe('当事人名称中有意见书字体无法排印的字符：😀，无法生成意见书；该内容来自案卷，请联系承办机构更正后重新送审');
    expect((err as ApiFailure).error.details).toContain('案件名称中有意见书字体无法排印的字符：😀，无法生成意见书；该内容来自案卷，请联系承办机构更正后重新送审');
  });
});

const pdftotextFlat = (s: string): string => s.replace(/\s+/g, '');
