// pdf.js set-up for the renderer: one shared worker and the static assets (cmaps, standard fonts,
// wasm, icc) that the renderer build ships under pdfjs/ (see the renderer section of electron.vite.config.ts).
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

let shared: PDFWorker | null = null;

/**
 * The pdf.js worker every document shares. Started when a case opens (startPdfWorker) so opening a
 * PDF does not wait for 1.3 MB of worker code to load; documents closing leave it running.
 */
function pdfWorker(): PDFWorker {
  if (!shared || shared.destroyed) {
    const worker = new PDFWorker();
    // A worker that failed to start is dropped: the next document tries a new one.
    worker.promise.catch(() => {
      if (shared === worker) shared = null;
      worker.destroy();
    });
    shared = worker;
  }
  return shared;
}

export function startPdfWorker(): void {
  pdfWorker();
}

/** CSS pixels per PDF point: "100%" shows the page at its printed size. */
export const PDF_TO_CSS = 96 / 72;

function assetUrl(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    worker: pdfWorker(),
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

/** Page size in PDF points used when page 1 cannot be read (A4). */
export const FALLBACK_PAGE = { w: 595.28, h: 841.89 };

/**
 * Size of page 1 (it stands in for every page until they are measured), and its content parsed in
 * the worker right away: loading its fonts is most of the time to the first paint, and it runs
 * while the viewer is being laid out instead of after.
 */
export async function firstPageSize(doc: PDFDocumentProxy): Promise<{ w: number; h: number }> {
  try {
    const page = await doc.getPage(1);
    page.getOperatorList().catch(() => undefined);
    const vp = page.getViewport({ scale: 1 });
    return { w: vp.width, h: vp.height };
  } catch {
    return FALLBACK_PAGE; // drawing page 1 shows the error
  }
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
