// The working-day calendar from the central system: an admin publishes a year's schedule
// (PUT /v1/admin/calendar, checked), every workstation takes it at its next sync (GET /v1/calendar
// with If-None-Match), keeps it in <data>/calendar.json and counts deadlines with it at once. Bad
// schedules are refused on both sides and change nothing.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { loadCalendar } from '../../../src/main/services/calendar';
import type { SyncTransport } from '../../../src/main/services/sync/transport';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { testCalendar } from '../../helpers/test-calendar';
import { httpTransport, newDataDir, packageWithFiles, publish, workstation } from './fixtures';

let central: CentralUnderTest;
let alice: Client;
let ws: Workstation;
let dataDir: string;
const calendarFile = () => join(dataDir, 'calendar.json');

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await publish(central.admin, await packageWithFiles(tempDir(), [1000]), 'alice');
  dataDir = newDataDir();
  ws = workstation(dataDir, () => httpTransport(central.url, alice.token!));
});

afterAll(async () => {
  ws?.close();
  await central?.close();
});

describe('working-day calendar from the central system', () => {
  it('a central system without a calendar: the sync says nothing of it and the library data stays', async () => {
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.summary.calendarUpdated).toBeUndefined();
    expect(r.notes ?? []).toEqual([]);
    expect(ws.calendar.covers(2099)).toBe(false);
  });

  it('an admin cannot publish a bad schedule: refused with the reasons, nothing handed out', async () => {
    const bad = { ...testCalendar(), workdays: { '2099-03-02': '春节' } };
    const r = await central.admin.request('PUT', '/v1/admin/calendar', { json: bad });
    expect(r.status).toBe(400);
    expect((r.json as { error: { details: string[] } }).error.details).toEqual([expect.stringContaining('调休上班日 2099-03-02 不是周末')]);
    expect((await central.anon.get('/v1/calendar')).status).toBe(404);
    // Only admins publish.
    expect((await alice.request('PUT', '/v1/admin/calendar', { json: testCalendar() })).status).toBe(403);
  });

  it('a published schedule reaches the workstation at its next sync and counts at once', async () => {
    const put = await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar() });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ years: [2099], source: testCalendar().source, published: [2099], differsFromBuiltIn: [] });

    const before = ws.calendar.addWorkingDays('2098-12-31', 1).value;
    expect(before).toBe('2099-01-01'); // counted by weekends only: New Year's Day not yet known
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.summary.calendarUpdated).toEqual([2099]);
    expect(r.notes).toEqual([expect.stringContaining('工作日历已更新：2099 年节假日安排')]);
    expect(ws.calendar.covers(2099)).toBe(true);
    expect(ws.calendar.isWorkingDay('2099-01-01')).toBe(false);
    expect(ws.calendar.addWorkingDays('2098-12-31', 1).value).toBe('2099-01-05'); // 1–3 holidays, 4th a Sunday
    expect(ws.calendar.addWorkingDays('2098-12-31', 1).warnings).toEqual([]);
    expect(ws.calendar.data.source).toContain(testCalendar().source);
    // Kept: a workstation started later on the same folder has it.
    expect(loadCalendar(dataDir).covers(2099)).toBe(true);
  });

  it('an unchanged calendar is asked with its validator (304) and left alone', async () => {
    const mtime = statSync(calendarFile()).mtimeMs;
    const r = await ws.sync.run();
    expect(r.summary.calendarUpdated).toBeUndefined();
    expect(r.notes ?? []).toEqual([]);
    expect(statSync(calendarFile()).mtimeMs).toBe(mtime);
    const etag = ws.sync.state.get('central_calendar_etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const t = httpTransport(central.url, alice.token!);
    try {
      expect(await t.calendar!(etag, AbortSignal.timeout(5000))).toEqual({ kind: 'unchanged' });
      expect((await t.calendar!(null, AbortSignal.timeout(5000))).kind).toBe('data');
    } finally {
      await t.close();
    }
  });

  it('a correction taken through the app’s 立即同步 is audited as its own calendar.update entry, beside the run', async () => {
    const corrected = { ...testCalendar(), source: `${testCalendar().source}（更正）` };
    expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: corrected })).status).toBe(200);
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const r = await dispatch(buildApi(ws, 'host'), 'sync.run', {});
    expect(r.ok).toBe(true);
    const entries = ws.audit.log.list().slice(-2);
    expect(entries.map((e) => e.action)).toEqual(['sync.run', 'calendar.update']);
    expect(entries[0]!.detail).toMatchObject({ outcome: 'synced', calendarUpdated: [2099] });
    expect(entries[0]!.detail).not.toHaveProperty('calendarSource');
    expect(entries[1]!.detail).toEqual({ years: [2099], source: corrected.source, origin: 'sync', via: 'browser' });
    // Nothing new the next time: no calendar entry.
    await dispatch(buildApi(ws, 'host'), 'sync.run', {});
    expect(ws.audit.log.list().at(-1)!.action).toBe('sync.run');
  });

  it('the queue’s deadlines follow a calendar update (countdowns are not kept across one)', () => {
    const row = ws.views.list({})[0]!;
    const due = row.reviewDueOn!;
    const data = ws.calendar.data;
    ws.calendar.replace({ ...data, holidays: { ...data.holidays, [due]: '测试假日' } });
    try {
      const moved = ws.views.list({})[0]!.reviewDueOn!;
      expect(moved > due).toBe(true);
      expect(ws.calendar.isWorkingDay(moved)).toBe(true);
    } finally {
      ws.calendar.replace(data);
    }
    expect(ws.views.list({})[0]!.reviewDueOn).toBe(due);
  });

  it('a calendar file spoiled on the server is not handed out; the sync notes it and keeps the one it has', async () => {
    const good = readFileSync(join(central.dataDir, 'calendar.json'), 'utf8');
    writeFileSync(join(central.dataDir, 'calendar.json'), JSON.stringify({ ...testCalendar(), holidays: {} }));
    try {
      const served = await central.anon.get('/v1/calendar');
      expect(served.status).toBe(503);
      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.notes).toEqual([expect.stringContaining('工作日历未能从中心系统更新')]);
      expect(ws.calendar.isWorkingDay('2099-01-01')).toBe(false);
    } finally {
      writeFileSync(join(central.dataDir, 'calendar.json'), good);
    }
  });

  it('a bad schedule from a server that does not check is not taken: file and calendar unchanged', async () => {
    const before = readFileSync(calendarFile(), 'utf8');
    const hostile = { ...testCalendar(2099), holidays: { '2099-01-01': '元旦' } };
    // The same data folder, through a transport that hands out the bad schedule.
    const lying = (t: SyncTransport): SyncTransport => ({
      server: t.server,
      feed: (...a) => t.feed(...a),
      blob: (...a) => t.blob(...a),
      submit: (...a) => t.submit(...a),
      auditHead: (...a) => t.auditHead(...a),
      calendar: async () => ({ kind: 'data', value: hostile, etag: '"other"' }),
      close: () => t.close(),
    });
    ws.close();
    ws = workstation(dataDir, () => lying(httpTransport(central.url, alice.token!)));
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.notes).toEqual([expect.stringContaining('中心系统下发的工作日历未被采用，期限仍按原日历计算：2099年只列了 1 天节假日')]);
    expect(readFileSync(calendarFile(), 'utf8')).toBe(before);
    expect(ws.calendar.isWorkingDay('2099-01-02')).toBe(false);
    expect(ws.sync.state.get('central_calendar_etag')).not.toBe('"other"');
  });
});

describe('publishing one year at a time (the State Council’s notice comes yearly)', () => {
  beforeAll(() => {
    ws.close(); // the block above left it on a transport that lies about the calendar
    ws = workstation(dataDir, () => httpTransport(central.url, alice.token!));
  });

  it('next year’s schedule is added to the published one: this year stays with every workstation', async () => {
    const put = await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar(2098, '2098 年测试安排（虚构）') });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ years: [2098], published: [2098, 2099], differsFromBuiltIn: [] });
    const served = (await central.anon.get('/v1/calendar')).json as { years: number[]; source: string };
    expect(served.years).toEqual([2098, 2099]);
    expect(served.source).toContain('2098 年测试安排（虚构）');
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(ws.calendar.covers(2098)).toBe(true);
    expect(ws.calendar.covers(2099)).toBe(true); // before: replaced by 2098 alone, 2099 counted by weekends again
    expect(ws.calendar.isWorkingDay('2099-01-01')).toBe(false);
    expect(ws.calendar.isWorkingDay('2098-01-01')).toBe(false);
  });

  it('a year the app’s own data covers, published differently, is told to the admin with the days that differ', async () => {
    const year = new Date().getFullYear(); // a year chinese-days covers
    const put = await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar(year, '误发的安排（虚构）') });
    expect(put.status).toBe(200);
    const answer = put.json as { differsFromBuiltIn: { year: number; days: number; builtInSource: string }[] };
    expect(answer.differsFromBuiltIn).toEqual([{ year, days: expect.any(Number), builtInSource: expect.stringMatching(/^chinese-days /) }]);
    expect(answer.differsFromBuiltIn[0]!.days).toBeGreaterThan(0);
  });

  it('a year published by mistake is withdrawn: the workstations count it by the app’s own data again', async () => {
    const year = new Date().getFullYear();
    const builtIn = loadCalendar().isWorkingDay(`${year}-10-08`);
    await ws.sync.run();
    expect(ws.calendar.isWorkingDay(`${year}-10-08`)).toBe(true); // the fictional schedule ends 国庆 on 10-03
    const del = await central.admin.request('DELETE', `/v1/admin/calendar/years/${year}`);
    expect(del.status, del.body.toString()).toBe(200);
    expect(del.json).toMatchObject({ years: [], published: [2098, 2099] });
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.notes).toEqual([expect.stringContaining(`中心系统已撤回 ${year} 年的发布，该年改按程序内置的安排计算`)]);
    expect(ws.calendar.isWorkingDay(`${year}-10-08`)).toBe(builtIn);
    expect(ws.calendar.covers(2099)).toBe(true);
  });

  it('withdrawing refuses a year not published, the last year, a bad year, and a reviewer', async () => {
    expect((await central.admin.request('DELETE', '/v1/admin/calendar/years/2097')).status).toBe(404);
    expect((await central.admin.request('DELETE', '/v1/admin/calendar/years/20x9')).status).toBe(400);
    expect((await alice.request('DELETE', '/v1/admin/calendar/years/2098')).status).toBe(403);
    expect((await central.admin.request('DELETE', '/v1/admin/calendar/years/2098')).status).toBe(200);
    const last = await central.admin.request('DELETE', '/v1/admin/calendar/years/2099');
    expect(last.status).toBe(409);
    expect((last.json as { error: { message: string } }).error.message).toContain('唯一已发布的年份');
    expect(((await central.anon.get('/v1/calendar')).json as { years: number[] }).years).toEqual([2099]);
  });
});
