// Deliberately bad evidence files for the bad-input tests.
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';

/**
 * A PDF whose standard security handler needs a user password: its /Encrypt U value matches
 * no password, so any reader asks for one (pdf.js: PasswordException).
 */
export async function passwordProtectedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('secret', { x: 72, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  const ctx = doc.context;
  const hex32 = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = ctx.obj({ Filter: PDFName.of('Standard'), V: PDFNumber.of(1), R: PDFNumber.of(2), O: hex32(11), U: hex32(5), P: PDFNumber.of(-44) });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([hex32(1), hex32(1)]);
  return doc.save({ useObjectStreams: false });
}

export const corruptPdf = (): Uint8Array => new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf at all\n%%EOF\n');

/** A real PNG image (to be declared as JPEG: wrong extension). */
export async function pngImage(): Promise<Uint8Array> {
  const c = createCanvas(64, 48);
  const g = c.getContext('2d');
  g.fillStyle = '#c00';
  g.fillRect(0, 0, 64, 48);
  return new Uint8Array(await c.encode('png'));
}
