// pdf.js set-up for the renderer: the worker and the static assets (cmaps, standard fonts, wasm, icc)
// that the renderer build ships under pdfjs/ (see the renderer section of electron.vite.config.ts).
import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** CSS pixels per PDF point: "100%" shows the page at its printed size. */
export const PDF_TO_CSS = 96 / 72;

function assetUrl(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    iccUrl: assetUrl('iccs'),
    enableXfa: false,
    // Render on the main thread into our own canvases (pixels stay readable, no second worker).
    disableWorkerRendering: true,
  });
}

/** pdf.js errors → what the reviewer reads in the pane (never a stack trace). */
export function describePdfError(err: unknown): string {
  const name = err instanceof Error || (typeof err === 'object' && err !== null) ? String((err as { name?: unknown }).name ?? '') : '';
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  if (name === 'PasswordException') return '此 PDF 已加密，需要密码才能打开。工作台不保存文件密码，请向承办机构索取未加密的文件。';
  if (name === 'InvalidPDFException' || name === 'FormatError') return '文件已损坏或不是有效的 PDF，无法显示。请重新同步或导入该案卷包后再试。';
  if (name === 'ResponseException' || name === 'MissingPDFException') {
    if (status === 404) return '本机存储中找不到此文件。请重新同步或导入该案卷包。';
    if (status === 401 || status === 403) return '无权读取此文件（访问令牌已失效）。请刷新页面后重试。';
    return '读取文件失败，请确认工作台后端仍在运行后重试。';
  }
  if (name === 'AbortException') return '已取消加载。';
  return '无法显示此 PDF。请重新同步或导入该案卷包后再试。';
}
