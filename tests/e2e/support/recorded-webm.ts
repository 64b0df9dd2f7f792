// A WebM as a recorder writes it: Chromium's own MediaRecorder, which (like many body cameras and
// browser recorders) streams the file and never goes back to store its duration.
import type { Browser } from '@playwright/test';

/**
 * About `seconds` of VP8 video recorded from a canvas in a page of its own. Noise, so that the file is
 * half a megabyte or more: a small file is read whole at once and its length found without asking.
 */
export async function recordedWebm(browser: Browser, seconds = 3): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const bytes = await page.evaluate(async (ms) => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      document.body.append(canvas);
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 4_000_000 });
      const noise = g.createImageData(160, 120);
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      let frame = 0;
      const paint = setInterval(() => {
        const px = new Uint32Array(noise.data.buffer);
        for (let i = 0; i < px.length; i++) px[i] = ((Math.random() * 0xffffff) | 0) | 0xff000000;
        g.putImageData(noise, 0, 0);
        g.fillStyle = frame++ % 2 ? '#a61d24' : '#1d39c4';
        g.fillRect(0, 0, 40, 40);
      }, 100);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start(200);
      await new Promise((resolve) => setTimeout(resolve, ms));
      recorder.stop();
      clearInterval(paint);
      await stopped;
      return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
    }, seconds * 1000);
    return Buffer.from(bytes);
  } finally {
    await page.close();
  }
}
