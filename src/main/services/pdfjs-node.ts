// pdf.js in Node (legacy build) for the back end: text extraction, rendering for redaction.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Not named `require`: electron-vite's ESM shim declares its own top-level `require` in the
// bundle, and a second one is a SyntaxError that stops the desktop app from starting.
const cjsRequire = createRequire(import.meta.url);
const pdfjsDir = dirname(cjsRequire.resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

export function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/**
 * Options every back-end getDocument call uses: CMaps for Chinese, no font loading, quiet.
 * In Node pdf.js reads the asset folders with fs: plain paths with a trailing separator
 * (file:// URLs are silently not found, and non-embedded CJK fonts then extract as nothing).
 */
export function documentOptions(data: Uint8Array) {
  return {
    data,
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    wasmUrl: `${join(pdfjsDir, 'wasm')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  };
}

export type PdfProblem = 'encrypted' | 'failed';

/** Classify a getDocument failure: password-protected vs corrupt. */
export function classifyPdfError(err: unknown): { state: PdfProblem; message: string } {
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return { state: 'encrypted', message: 'PDF 已加密（需要密码），无法显示或检索其内容' };
  // The reviewer gets the zh-CN sentence; pdf.js's English detail is for logs only.
  return { state: 'failed', message: 'PDF 文件已损坏或格式无效，无法读取；请向承办机构索取完好的文件' };
}
