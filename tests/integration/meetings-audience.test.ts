// The audience (shared screen) view on realistic demo cases: every topic, and every PDF page and
// picture the presenter can open as 关键证据, never carries a natural person's id number, phone,
// street address or name; pictures of pages are rendered with the personal data blacked out and
// photos/scans are not shown at all. The discretion screen reuses the P6 range and bands.
// Across all ten demo cases, every topic and every PDF page: no natural person's name — the party,
// a company's legal representative, the agent after 兹委托 / 受托人 / 委托代理人, the complainant
// who signs a 商标注册证 copy as 提供人 — reaches the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeedKey, generateDemoPackages, type GeneratedCase } from '../../src/main/demo/generate';
import { assignCaseNumbers, buildCase } from '../../src/main/demo/case-builder';
import { demoCalendar } from '../../src/main/demo/calendar';
import { maskedPageImage } from '../../src/main/services/meetings/masked-page';
import type { Workstation } from '../../src/main/workstation';
import { CasePackage } from '../../src/shared/casefile/schema';
import { TOPICS, type Meeting } from '../../src/shared/meeting/schema';
import type { AudienceView, DiscretionSlide, EvidenceSlide, SummarySlide } from '../../src/shared/meeting/slides';
import { tempDir } from '../helpers/package-builder';
import { caller, concludeReview, ok, openWorkstation, REVIEWER, AGENCY, setup, type Call } from '../helpers/meeting-fixture';

let ws: Workstation;
let call: Call;
let meeting: Meeting;
let natural: CasePackage;
let legal: CasePackage;
let demoDir: string;
let demo: GeneratedCase[];
const DEMO_SEED = 7;
/** Strings that must never reach the shared screen. */
let secrets: string[] = [];

const ID_RE = /(?<![0-9A-Za-z*])\d{6}[ -]?\d{4}[ -]?\d{4}[ -]?\d{3}[\dXx](?![0-9A-Za-z*])/;
const MOBILE_RE = /(?<![0-9*])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9*])/;

function pkg(c: GeneratedCase): CasePackage {
  return CasePackage.parse(JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')));
}

function assertClean(view: AudienceView, where: string): void {
  const json = JSON.stringify(view);
  for (const s of secrets) expect(json.includes(s), `${where}: shows “${s}”`).toBe(false);
  expect(json.match(ID_RE)?.[0] ?? null, `${where}: an id number`).toBeNull();
  expect(json.match(MOBILE_RE)?.[0] ?? null, `${where}: a mobile number`).toBeNull();
}

beforeAll(async () => {
  demoDir = tempDir('meeting-demo-');
  demo = await generateDemoPackages({ outDir: demoDir, today: '2026-11-23', seed: DEMO_SEED });
  const n = demo.find((d) => pkg(d).parties[0]!.kind === 'natural' && d.defects.length === 0)!;
  const l = demo.find((d) => pkg(d).parties[0]!.kind === 'legal' && d.defects.length === 0)!;
  natural = pkg(n);
  legal = pkg(l);
  ws = openWorkstation(tempDir('meeting-audience-'));
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  for (const c of [n, l]) {
    await ws.importer.importOne(c.dir);
    concludeReview(ws, c.caseId, '同意', '经审核，同意承办机构的处理意见。当事人夏波（身份证号340503197609119551）对事实无异议。');
  }
  await ws.processor.processPending();
  call = caller(ws);
  meeting = await ok(call, 'meetings.create', setup([natural.case.id, legal.case.id]));
  await ok(call, 'meetings.start', { id: meeting.id });
  const p = natural.parties[0]!;
  const street = p.address.replace(/^.*?(区|县)/, '');
  secrets = [p.name, p.idNumber, p.phone!, street, p.idNumber.slice(6, 14)];
  // Natural persons named in the case's own papers (witnesses, complainants) are masked too.
  const texts = ws.meetings.repo.pageTexts(natural.case.id).join('\n');
  for (const m of texts.matchAll(/(?:被询问人|投诉人|证人)[：:]\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])/g)) if (m[1] !== p.name) secrets.push(m[1]!);
}, 240_000);
afterAll(() => ws.close());

describe('audience view', () => {
  it('shows a waiting banner and no case data before the start', async () => {
    const draft = await ok(call, 'meetings.create', setup([natural.case.id], { title: '筹备中的会议' }));
    const v = await ok(call, 'meetings.audience', { id: draft.id });
    expect(v).toMatchObject({ state: 'draft', banner: '会议尚未开始', current: null });
    assertClean(v, 'draft');
  });

  it('every topic of the natural person’s case is masked, with the agenda and progress', async () => {
    expect(secrets.length).toBeGreaterThan(5);
    for (const topic of TOPICS) {
      await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 0, topic });
      const v = await ok(call, 'meetings.audience', { id: meeting.id });
      expect(v.current).toMatchObject({ agendaIndex: 0, topic, topicNumber: TOPICS.indexOf(topic) + 1, topicCount: 7 });
      expect(v.agenda.map((a) => a.current)).toEqual([true, false]);
      assertClean(v, topic);
    }
    await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'summary' });
    const s = (await ok(call, 'meetings.audience', { id: meeting.id })).current!.slide as SummarySlide;
    const p = natural.parties[0]!;
    expect(s.fields.find((f) => f.label === '当事人')!.value).toBe(`${p.name.slice(0, 1)}某`);
    // The person's ID number and phone are not on the shared screen, not even masked; the address only to its district.
    expect(s.fields.map((f) => f.label)).toEqual(expect.not.arrayContaining(['身份证号', '联系电话']));
    expect(JSON.stringify(s)).not.toMatch(/\d{4}\*{10}\d{3}[\dX]|\d{3}\*{4}\d{4}/);
    expect(s.fields.find((f) => f.label === '住址')!.value).toMatch(/^安徽省马鞍山市\S+?(区|县)\*\*\*\*$/);
    expect(s.caseName).toContain(`${p.name.slice(0, 1)}某`);
  });

  it('a legal person’s public registration data is shown as registered', async () => {
    await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 1, topic: 'summary' });
    const s = (await ok(call, 'meetings.audience', { id: meeting.id })).current!.slide as SummarySlide;
    const p = legal.parties[0]!;
    expect(s.fields).toEqual(expect.arrayContaining([{ label: '当事人', value: p.name }, { label: '统一社会信用代码', value: p.idNumber }]));
  });

  it('never shows raw evidence: every PDF page opened is a masked picture, photos and scans are withheld', async () => {
    const cf = ws.views.get(natural.case.id)!;
    let pictures = 0;
    let withheld = 0;
    for (const item of [...cf.evidence, ...cf.documents]) {
      const pages = Math.min(item.file.pageCount ?? 1, 3);
      for (let page = 1; page <= pages; page++) {
        await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: item.id, page } });
        const v = await ok(call, 'meetings.audience', { id: meeting.id });
        assertClean(v, `${item.title} p.${page}`);
        const focus = (v.current!.slide as EvidenceSlide).focus!;
        expect(focus.itemId).toBe(item.id);
        if (focus.image) {
          pictures++;
          // The picture is a derived blob, never the original file.
          expect(focus.image.sha256).not.toBe(item.file.sha256);
          expect(ws.cases.blobKnown(focus.image.sha256)?.derivedFrom).toBe(item.file.sha256);
        } else {
          withheld++;
          expect(focus.imageNote).toMatch(/不在共享屏幕上显示/);
        }
      }
    }
    expect(pictures).toBeGreaterThan(10);
    expect(withheld).toBeGreaterThanOrEqual(cf.evidence.filter((e) => e.file.mime.startsWith('image/')).length);
  }, 300_000);

  it('blacks out the id number, phone and address on the picture of a page that shows them', async () => {
    const cf = ws.views.get(natural.case.id)!;
    const p = natural.parties[0]!;
    const texts = new Map<string, string>();
    for (const item of [...cf.documents, ...cf.evidence]) {
      if (item.file.mime !== 'application/pdf') continue;
      const r = await maskedPageImage(new Uint8Array(await ws.blobs.read(item.file.sha256)), 1, { mask: { naturalPersons: [p.name] }, redactions: [], zoomTo: [] });
      texts.set(item.title, r.text);
      if (!r.ok || !r.text.includes(p.idNumber)) continue;
      expect(r.masked).toBeGreaterThanOrEqual(2);
      const img = await loadImage(Buffer.from(r.png));
      const { createCanvas } = await import('@napi-rs/canvas');
      const c = createCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let black = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0) black++;
      // Solid boxes, not just glyph strokes: at least the area of an 18-character run at this resolution.
      expect(black).toBeGreaterThan(2000);
      return;
    }
    throw new Error(`no PDF page shows the party's id number; page texts: ${[...texts.keys()].join('、')}`);
  });

  it('the discretion screen reuses the statutory range and the 30% bands', async () => {
    await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'discretion' });
    const d = (await ok(call, 'meetings.audience', { id: meeting.id })).current!.slide as DiscretionSlide;
    const fine = natural.case.proposedDecision.penalties.find((x) => x.type === 'fine')?.amountFen ?? null;
    expect(d.caseFen).toBe(fine);
    if (!d.available) throw new Error(`discretion not available: ${d.note}`);
    expect(d.minFen! <= d.maxFen!).toBe(true);
    expect(d.bands.map((b) => b.level)).toEqual(['从轻', '一般', '从重']);
    expect(d.bands[0]!.loFen).toBe(d.minFen);
    expect(d.bands[2]!.hiFen).toBe(d.maxFen);
    expect(d.model).toMatch(/模式/);
  });
});

describe('names of natural persons in all demo cases', () => {
  let all: Workstation;
  let allCall: Call;
  let shared: Meeting;
  /** Per case: the natural persons its papers name (from the generator's own model, same seed and day). */
  const people = new Map<string, string[]>();

  beforeAll(async () => {
    all = openWorkstation(tempDir('meeting-names-'));
    all.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
    for (const d of demo) {
      await all.importer.importOne(d.dir);
      concludeReview(all, d.caseId);
    }
    await all.processor.processPending();
    const seed = demoSeedKey(DEMO_SEED, '2026-11-23');
    const cal = demoCalendar();
    const model = demo.map((_, index) => buildCase({ seed, index, today: '2026-11-23', cal }));
    assignCaseNumbers(seed, model);
    for (const c of model) people.set(c.caseId, [c.party.person.name, c.party.agent?.name, c.witness?.name].filter((n): n is string => !!n));
    allCall = caller(all);
    shared = await ok(allCall, 'meetings.create', setup(demo.map((d) => d.caseId), { title: '十案集体讨论' }));
    await ok(allCall, 'meetings.start', { id: shared.id });
  }, 240_000);
  afterAll(() => all.close());

  it('the papers do name them in the tricky roles (so the check below means something)', () => {
    const texts = demo.map((d) => all.meetings.repo.pageTexts(d.caseId).join('\n'));
    const agents = demo.flatMap((d, i) => people.get(d.caseId)!.filter((n) => texts[i]!.includes(`兹委托${n}`)));
    expect(agents.length).toBeGreaterThan(0);
    expect(texts.some((t) => /提供人签名（盖章）：\s*[\u4e00-\u9fff]{2,3}\s/.test(t))).toBe(true);
    expect(texts.some((t) => /法定代表人[：:]?\s*[\u4e00-\u9fff]{2,3}/.test(t))).toBe(true);
    expect(texts.some((t) => /委托代理人[\u4e00-\u9fff]{2,3}向本局投诉/.test(t))).toBe(true);
  });

  it('no topic and no PDF page shows any of them', async () => {
    const everyone = [...people.values()].flat();
    let pages = 0;
    const check = (v: AudienceView, caseId: string, where: string) => {
      const own = JSON.stringify(v.current);
      for (const n of people.get(caseId)!) expect(own.includes(n), `${where}: shows ${n}`).toBe(false);
      const agenda = JSON.stringify(v.agenda);
      for (const n of everyone) expect(agenda.includes(n), `agenda: shows ${n}`).toBe(false);
    };
    for (const [agendaIndex, d] of demo.entries()) {
      for (const topic of TOPICS.filter((t) => t !== 'evidence')) {
        await ok(allCall, 'meetings.navigate', { id: shared.id, agendaIndex, topic });
        check(await ok(allCall, 'meetings.audience', { id: shared.id }), d.caseId, `${d.caseNumber} ${topic}`);
      }
      const cf = all.views.get(d.caseId)!;
      for (const item of [...cf.evidence, ...cf.documents]) {
        if (item.file.mime !== 'application/pdf') continue;
        for (let page = 1; page <= (item.file.pageCount ?? 1); page++) {
          await ok(allCall, 'meetings.navigate', { id: shared.id, agendaIndex, topic: 'evidence', evidence: { itemId: item.id, page } });
          check(await ok(allCall, 'meetings.audience', { id: shared.id }), d.caseId, `${d.caseNumber} ${item.title} p.${page}`);
          pages++;
        }
      }
    }
    expect(pages).toBeGreaterThan(100);
  }, 900_000);
});
