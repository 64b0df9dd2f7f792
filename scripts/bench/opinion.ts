// The signed opinion: preview (content model, PDF + .docx rendered and stored) and sign (key
// unlocked, detached JCS signature, PDF rendered and PAdES-signed, .docx, blobs, DB rows) for one
// concluded review of a realistic demo case, repeated.
import { generateDemoPackages } from '../../src/main/demo/generate';
import { renderOpinionDocx } from '../../src/main/services/opinion/render-docx';
import { renderOpinionPdf, renderOpinionPdfBytes, signatureRect } from '../../src/main/services/opinion/render-pdf';
import { signDetached, signPdf } from '../../src/main/services/signing/index';
import { Workstation } from '../../src/main/workstation';
import { max, median, ms, p95, timed, TODAY, tmp, type Section } from './common';

const RUNS = 25;
const PASS = 'bench passphrase 法审';

async function concludedCase(): Promise<{ ws: Workstation; caseId: string }> {
  const [g] = await generateDemoPackages({ outDir: tmp('bench-opinion-pkg-'), today: TODAY, seed: 5, count: 1 });
  const ws = new Workstation({ dataDir: tmp('bench-opinion-'), today: () => TODAY });
  const r = await ws.importer.importOne(g!.dir);
  if (!r.ok) throw new Error(r.error);
  const caseId = g!.caseId;
  const cf = ws.views.get(caseId)!;
  ws.review.setReviewer({ name: '王审核', agency: cf.agency.name, legalQualification: true, firstTimeReviewer: false });
  await ws.opinions.keys.create({ name: '王审核', agency: cf.agency.name }, PASS);
  // Every point decided, failing automatic checks overridden with a reason, and each point citing
  // a document or evidence page — as a reviewer's finished review looks.
  const items = [...cf.documents.map((d) => ({ kind: 'document' as const, id: d.id })), ...cf.evidence.map((e) => ({ kind: 'evidence' as const, id: e.id }))];
  for (const [i, p] of ws.review.get(caseId).points.entries()) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) ws.review.override(caseId, f.id, '经核实，承办机构已补正，不影响认定');
    const cite = items[i % items.length]!;
    ws.review.setPoint(caseId, p.id, { decision: 'ok', note: `经审查${p.id}相关材料，未发现问题。`, citations: [{ ...cite, page: 1 }] });
  }
  ws.review.conclude(caseId, '同意', '经审核，本案事实清楚，证据确凿，程序合法，适用依据正确，裁量适当，同意承办机构的处理意见。');
  return { ws, caseId };
}

export async function benchOpinion(s: Section): Promise<void> {
  const { ws, caseId } = await concludedCase();
  try {
    const preview: number[] = [];
    const sign: number[] = [];
    const total: number[] = [];
    let first = 0;
    // Run 0 is the cold start (fonts parsed, modules loaded): reported, not in the medians.
    for (let run = 0; run <= RUNS; run++) {
      const t0 = performance.now();
      const p = await ws.opinions.preview(caseId);
      const t1 = performance.now();
      await ws.opinions.sign(caseId, p.contentHash, PASS);
      const t2 = performance.now();
      if (run === 0) {
        first = t2 - t0;
        continue;
      }
      preview.push(t1 - t0);
      sign.push(t2 - t1);
      total.push(t2 - t0);
    }
    const versions = ws.opinions.records(caseId).length;

    s.add({
      what: `意见书 preview + sign one opinion (docx + PDF + detached + PAdES) — median of ${RUNS}`,
      label: 'opinion: preview + sign (docx + PDF + signatures), median',
      target: '< 500 ms',
      measured: `${ms(median(total))} (p95 ${ms(p95(total))}, max ${ms(max(total))})`,
      ok: median(total) < 500,
    });
    s.add({ what: 'of which preview (content, PDF + .docx rendered, 2 blobs stored)', measured: `median ${ms(median(preview))}` });
    s.add({ what: 'of which sign (scrypt unlock, detached signature, PDF again + PAdES, .docx, 3 blobs, DB)', measured: `median ${ms(median(sign))}` });
    s.add({ what: `first opinion of the process (cold: fonts parsed, modules loaded); ${versions} signed versions in the end`, measured: ms(first) });

    // Where the time goes: the steps on their own, same content, 10 runs each.
    const p = await ws.opinions.preview(caseId);
    const step = async (fn: () => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < 10; i++) xs.push((await timed(fn))[1]);
      return median(xs);
    };
    const key = ws.opinions.keys.active();
    const unlocked = await ws.opinions.keys.unlock(key.keyId, PASS);
    if (unlocked.algorithm === 'sm2-sm3') throw new Error('PDF signing needs an ECDSA key');
    const parts = {
      pdf: await step(() => renderOpinionPdfBytes(p.content, { contentHash: p.contentHash })),
      docx: await step(() => renderOpinionDocx(p.content, { contentHash: p.contentHash })),
      unlock: await step(() => ws.opinions.keys.unlock(key.keyId, PASS)),
      detached: await step(() => signDetached(p.content, unlocked, { now: new Date() })),
      pades: await step(async () => {
        const doc = await renderOpinionPdf(p.content, { contentHash: p.contentHash });
        return signPdf(doc, { privateKey: unlocked.privateKey, chain: unlocked.chain }, { signingTime: new Date(), rect: signatureRect(doc), reason: 'bench', location: 'bench', name: 'bench' });
      }),
    };
    s.add({
      what: 'steps alone (median of 10): PDF render · .docx render · key unlock (scrypt N=2^15) · detached signature · PDF render + PAdES signature',
      measured: `${ms(parts.pdf)} · ${ms(parts.docx)} · ${ms(parts.unlock)} · ${ms(parts.detached)} · ${ms(parts.pades)}`,
    });
  } finally {
    ws.close();
  }
}
