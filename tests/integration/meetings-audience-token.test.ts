// The meeting's audience token (投屏授权) through the real headless host and a lockable session:
// with it the audience page reads its own meeting's screen and the pictures that screen showed —
// every other call is refused in zh-CN, other meetings' screens too; forged, malformed and ended
// tokens are refused; it hears only its meeting's changes and the lock; it ends when the meeting
// ends, and is paused while the workstation is locked (the same link works again after unlocking).
// The Electron audience window's IPC goes through the same gate.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { audienceGate } from '../../src/main/audience-gate';
import { dispatch } from '../../src/main/dispatch';
import { startHost, type RunningHost } from '../../src/main/host';
import { makeIpcHandler } from '../../src/main/ipc-handler';
import type { WorkstationSession } from '../../src/main/services/lock/session';
import { startShellSession } from '../../src/main/shell-session';
import { callNames } from '../../src/shared/api/index';
import type { Result } from '../../src/shared/api/result';
import type { AudienceGrant } from '../../src/shared/api/meetings';
import type { Meeting } from '../../src/shared/meeting/schema';
import type { AudienceView, EvidenceSlide } from '../../src/shared/meeting/slides';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { AGENCY, concludeReview, REVIEWER, setup, TODAY } from '../helpers/meeting-fixture';

const SCOPE = '投屏页只能读取本次会议的投屏内容，不能进行其他操作';
const INVALID = '投屏链接已失效（会议已结束，或工作台已重新启动）；会议仍在进行的，请在演示者屏幕上重新打开投屏页';
const LOCKED = { ok: false, error: { code: 'locked', message: '工作台已锁定，投屏暂停；解锁后自动恢复' } };
const ENDED = '会议已结束，投屏已关闭';

let session: WorkstationSession;
let host: RunningHost;
type Case = { id: string; pdf: { itemId: string; sha256: string } };

/** Reviewed cases of their own (a case is discussed in one running meeting at a time). */
async function reviewedCases(n: number): Promise<Case[]> {
  const ws = session.current()!;
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    concludeReview(ws, p.manifest.case.id);
    const doc = p.manifest.documents.find((d) => d.file.mime === 'application/pdf')!;
    out.push({ id: p.manifest.case.id, pdf: { itemId: doc.id, sha256: doc.file.sha256 } });
  }
  await ws.processor.processPending();
  return out;
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(session.handlers, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

interface Client {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  events: { event: string; payload: { meetingId?: string; locked?: boolean } }[];
  close(): void;
}

/** A WebSocket to the host with this query; the HTTP status when the upgrade is refused. */
function connect(query: string): Promise<Client | number> {
  return new Promise((resolve, reject) => {
    const sock = new WebSocket(`${host.origin.replace(/^http/, 'ws')}/api?${query}`);
    const pending = new Map<number, (r: Result<unknown>) => void>();
    const events: Client['events'] = [];
    let next = 1;
    sock.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    sock.on('error', (e) => reject(e));
    sock.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: { meetingId?: string; locked?: boolean } };
      if (typeof msg.id === 'number') pending.get(msg.id)?.(msg.result!);
      else if (msg.event) events.push({ event: msg.event, payload: msg.payload ?? {} });
    });
    sock.on('open', () =>
      resolve({
        events,
        close: () => sock.close(),
        call: (name, input) =>
          new Promise((done) => {
            const id = next++;
            pending.set(id, done);
            sock.send(JSON.stringify({ id, name, input }));
          }),
      }),
    );
  });
}

async function client(query: string): Promise<Client> {
  const c = await connect(query);
  if (typeof c === 'number') throw new Error(`refused: ${c}`);
  return c;
}

const refusedWith = (message: string) => ({ ok: false, error: { code: 'forbidden', message } });
const blobStatus = async (sha: string, query: string) => (await fetch(`${host.origin}/blobs/${sha}?${query}`)).status;

async function runningMeeting(title: string, n = 1): Promise<{ meeting: Meeting; token: string; cases: Case[] }> {
  const cases = await reviewedCases(n);
  const meeting = await call<Meeting>('meetings.create', setup(cases.map((c) => c.id), { title }));
  await call('meetings.start', { id: meeting.id });
  const grant = await call<AudienceGrant>('meetings.audienceToken', { id: meeting.id });
  expect(grant.meetingId).toBe(meeting.id);
  expect(grant.token).toMatch(/^aud_[A-Za-z0-9_-]{43}$/);
  // Who put the meeting on a shared screen is in the audit chain (the token itself is not).
  const opened = session.current()!.audit.log.list().findLast((e) => e.action === 'meeting.screen' && e.detail.meetingId === meeting.id);
  expect(opened?.detail).toMatchObject({ meetingId: meeting.id, screen: 'browser' });
  expect(JSON.stringify(opened)).not.toContain(grant.token);
  return { meeting, token: grant.token, cases };
}

beforeAll(async () => {
  session = await startShellSession({ shell: 'host', workstation: { dataDir: tempDir('audience-token-'), today: () => TODAY }, keys: { allowDevKey: true } });
  session.current()!.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  host = await startHost({ workstation: session, handlers: session.handlers, rendererDir: tempDir('renderer-') });
}, 120_000);
afterAll(async () => {
  await host.close();
  await session.close();
});

describe('audience token', () => {
  it('reads its meeting’s screen and nothing else: every other call is refused in zh-CN', async () => {
    const { meeting, token } = await runningMeeting('投屏授权范围');
    const other = await call<Meeting>('meetings.create', setup([(await reviewedCases(1))[0]!.id], { title: '另一个会议' }));
    const c = await client(`audience=${token}`);
    const view = (await c.call('meetings.audience', { id: meeting.id })) as Result<AudienceView>;
    expect(view.ok && view.value).toMatchObject({ meetingId: meeting.id, state: 'running' });
    for (const name of callNames.filter((n) => n !== 'meetings.audience')) expect(await c.call(name, { id: meeting.id }), name).toEqual(refusedWith(SCOPE));
    expect(await c.call('meetings.audience', { id: other.id })).toEqual(refusedWith(SCOPE));
    expect(await c.call('no.such.call', {})).toEqual(refusedWith(SCOPE));
    // Malformed input to the one allowed call: the contract's zod check answers.
    expect(await c.call('meetings.audience', { id: meeting.id, unmask: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The session token still does everything.
    const full = await client(`token=${host.token}`);
    expect((await full.call('cases.list', {})).ok).toBe(true);
    c.close();
    full.close();
  });

  it('a forged, malformed or session-shaped audience token is refused at the door', async () => {
    const [c] = await reviewedCases(1);
    for (const bad of [`aud_${randomBytes(32).toString('base64url')}`, 'aud_short', '', host.token, `aud_${'A'.repeat(42)}!`]) {
      expect(await connect(`audience=${encodeURIComponent(bad)}`), bad).toBe(403);
      expect(await blobStatus(c!.pdf.sha256, `audience=${encodeURIComponent(bad)}`), bad).toBe(401);
    }
  });

  it('hears only its own meeting’s changes', async () => {
    const { meeting, token } = await runningMeeting('投屏事件');
    const [d] = await reviewedCases(1);
    const draft = await call<Meeting>('meetings.create', setup([d!.id], { title: '草稿会议' }));
    const c = await client(`audience=${token}`);
    const full = await client(`token=${host.token}`);
    await call('meetings.update', { id: draft.id, setup: setup([d!.id], { title: '草稿会议（改）' }) });
    await call('meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'facts' });
    await expect.poll(() => c.events.length).toBeGreaterThan(0);
    await expect.poll(() => full.events.some((e) => e.payload.meetingId === draft.id)).toBe(true);
    expect(c.events.every((e) => e.event === 'meetings.changed' && e.payload.meetingId === meeting.id)).toBe(true);
    c.close();
    full.close();
  });

  it('reads only the pictures its screen showed, never an original file', async () => {
    const { meeting, token, cases } = await runningMeeting('投屏图片');
    const c = await client(`audience=${token}`);
    const { itemId, sha256: original } = cases[0]!.pdf;
    await call('meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId, page: 1 } });
    const before = await call<AudienceView>('meetings.audience', { id: meeting.id });
    const picture = (before.current!.slide as EvidenceSlide).focus!.image!.sha256;
    // Not shown to this token yet: refused, though the session's own preview rendered it.
    expect(await blobStatus(picture, `audience=${token}`)).toBe(401);
    const shown = (await c.call('meetings.audience', { id: meeting.id })) as Result<AudienceView>;
    expect(shown.ok && (shown.value.current!.slide as EvidenceSlide).focus!.image!.sha256).toBe(picture);
    expect(await blobStatus(picture, `audience=${token}`)).toBe(200);
    expect(await blobStatus(original, `audience=${token}`)).toBe(401);
    expect(await blobStatus(original, `token=${host.token}`)).toBe(200);
    c.close();
  });

  it('ends with the meeting', async () => {
    const { meeting, token, cases } = await runningMeeting('投屏随会议结束', 2);
    const c = await client(`audience=${token}`);
    expect((await c.call('meetings.audience', { id: meeting.id })).ok).toBe(true);
    for (const [i, caseId] of cases.map((x) => x.id).entries()) {
      await call('meetings.navigate', { id: meeting.id, agendaIndex: i, topic: 'decision' });
      const m = await call<Meeting>('meetings.get', { id: meeting.id });
      for (const a of m.attendees.filter((x) => x.role === 'member')) await call('meetings.recordOpinion', { id: meeting.id, caseId, attendeeId: a.id, opinion: { kind: '同意', text: '' } });
      await call('meetings.conclude', { id: meeting.id, caseId, conclusion: { text: '同意法制审核意见。', followsReview: true } });
    }
    await call('meetings.end', { id: meeting.id });
    expect(await c.call('meetings.audience', { id: meeting.id })).toEqual(refusedWith(ENDED));
    expect(await connect(`audience=${token}`)).toBe(403);
    expect(await dispatch(session.handlers, 'meetings.audienceToken', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: '会议已结束，不能再打开投屏页' } });
    c.close();
  });

  it('is paused while the workstation is locked, hears the lock at once, and the same link works again after unlocking', async () => {
    const { meeting, token, cases } = await runningMeeting('投屏随锁定暂停');
    const c = await client(`audience=${token}`);
    await call('meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: cases[0]!.pdf.itemId, page: 1 } });
    const shown = (await c.call('meetings.audience', { id: meeting.id })) as Result<AudienceView>;
    const picture = shown.ok ? (shown.value.current!.slide as EvidenceSlide).focus!.image!.sha256 : '';
    expect(await blobStatus(picture, `audience=${token}`)).toBe(200);
    await session.lock();
    // Pushed to the screen (it goes dark at once instead of on its next poll); the event carries no case data.
    await expect.poll(() => c.events.find((e) => e.event === 'app.lock')?.payload).toEqual({ locked: true });
    expect(await c.call('meetings.audience', { id: meeting.id })).toEqual(LOCKED);
    expect(await blobStatus(picture, `audience=${token}`)).toBe(401);
    expect(await connect(`audience=${token}`)).toBe(403);
    await session.unlock();
    await expect.poll(() => c.events.filter((e) => e.event === 'app.lock').map((e) => e.payload.locked)).toEqual([true, false]);
    expect((await c.call('meetings.audience', { id: meeting.id })).ok).toBe(true);
    const again = await client(`audience=${token}`);
    expect((await again.call('meetings.audience', { id: meeting.id })).ok).toBe(true);
    c.close();
    again.close();
  });

  it('the Electron audience window’s IPC goes through the same gate', async () => {
    const { meeting, token } = await runningMeeting('投屏窗口');
    const handle = makeIpcHandler(session.handlers, () => undefined, audienceGate(session, session.handlers));
    const frame = { senderFrame: { url: 'app://fashen/index.html' }, isTopFrame: true };
    expect((await handle({ ...frame, audienceToken: token }, 'meetings.audience', { id: meeting.id })).ok).toBe(true);
    expect(await handle({ ...frame, audienceToken: token }, 'cases.list', {})).toEqual(refusedWith(SCOPE));
    expect(await handle({ ...frame, audienceToken: token }, 'app.security', {})).toEqual(refusedWith(SCOPE));
    expect(await handle({ ...frame, audienceToken: `aud_${randomBytes(32).toString('base64url')}` }, 'meetings.audience', { id: meeting.id })).toEqual(refusedWith(INVALID));
    // The main window (no audience token) is unaffected.
    expect((await handle(frame, 'cases.list', {})).ok).toBe(true);
    // An audience window without the gate wired refuses rather than falling back to full access.
    expect(await makeIpcHandler(session.handlers, () => undefined)({ ...frame, audienceToken: token }, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
