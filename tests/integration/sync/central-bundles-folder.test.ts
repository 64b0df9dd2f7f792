// A USB stick's folder holding several bundles from the central system (last week's and this week's,
// and one made for another reviewer), given to 导入案卷包 or `fashen import` as one folder. Each
// bundle says its own result — its signature checked or why not, the calendar it carried, the cases
// taken or refused, whether it was sealed — in the Api answer, the audit log and the CLI; the first
// does not speak for all. This week's is sealed with a passphrase (as `fashen central bundle` writes it).
import { copyFileSync, createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { importCommand } from '../../../src/cli/commands/import';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { sealToFile, startSeal } from '../../../src/main/services/bundle-envelope/seal';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import type { BundleImport } from '../../../src/shared/api/sync';
import type { CalendarFile } from '../../../src/shared/calendar/calendar-file';
import type { IntakeAnswer } from '../../../src/shared/sync/protocol';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { testCalendar } from '../../helpers/test-calendar';
import { httpTransport, newDataDir, packageWithFiles, publish, workstation } from './fixtures';

let central: CentralUnderTest;
let alice: Client;
let dave: Client;
const cases: IntakeAnswer[] = [];
/** The folder on the stick: 1-上周.zip (alice, case 1, calendar 2099; plain), 2-本周.fashen-cases (alice, cases 1 and 2, calendar 2099–2100; sealed), 3-bob.zip (bob's). */
let stick: string;
const open: Workstation[] = [];

/** Two years' schedule in one file, as the central system publishes a new year's next to the current one. */
function twoYears(): CalendarFile {
  const [a, b] = [testCalendar(2099), testCalendar(2100)];
  return { source: '测试用节假日安排 2099–2100（虚构）', years: [2099, 2100], holidays: { ...a.holidays, ...b.holidays }, workdays: { ...a.workdays, ...b.workdays } };
}

const PASS = '本周交换包-口令-7Q';
const THIS_WEEK = '2-本周.fashen-cases';

async function bundleInto(folder: string, name: string, user: string, passphrase?: string): Promise<void> {
  const r = await central.admin.request('GET', `/v1/admin/case-bundle?user=${user}`);
  expect(r.status, r.body.toString()).toBe(200);
  if (passphrase === undefined) return writeFileSync(join(folder, name), r.body);
  const plain = join(tempDir('plain-'), 'bundle.zip');
  writeFileSync(plain, r.body);
  await sealToFile(createReadStream(plain), join(folder, name), await startSeal(passphrase, 'case-bundle'));
}

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await central.user('bob');
  dave = await central.user('dave');
  stick = tempDir('stick-');
  expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar() })).status).toBe(200);
  cases.push(await publish(central.admin, await packageWithFiles(tempDir(), [2000]), 'alice'));
  await bundleInto(stick, '1-上周.zip', 'alice');
  // A week later: a second case, and next year's holidays published.
  cases.push(await publish(central.admin, await packageWithFiles(tempDir(), [3000]), 'alice'));
  expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: twoYears() })).status).toBe(200);
  await bundleInto(stick, THIS_WEEK, 'alice', PASS);
  await publish(central.admin, await packageWithFiles(tempDir(), [1000]), 'bob');
  await bundleInto(stick, '3-bob.zip', 'bob');
});

afterAll(async () => {
  open.splice(0).forEach((w) => w.close());
  await central?.close();
});

/** alice's workstation that knows the central system's bundle key (one sync as dave, who has no case) and holds no case. */
async function alicesWorkstation(): Promise<Workstation> {
  const w = workstation(newDataDir(), () => httpTransport(central.url, dave.token!));
  open.push(w);
  expect((await w.sync.run()).outcome).toBe('synced');
  writeCentralLogin(w.dataDir, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'a1', token: alice.token! });
  return w;
}

describe('a folder holding several central bundles', () => {
  it('each bundle says its own signature, calendar and cases; the audit log records each under its file name', async () => {
    const w = await alicesWorkstation();
    const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path: stick, passphrase: PASS });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const out = (r as { value: BundleImport }).value;
    expect(out.calendar).toBeNull(); // no one bundle speaks for the folder
    expect(out.central).toBeUndefined();
    expect(out.bundles).toEqual([
      {
        source: join(stick, '1-上周.zip'),
        calendar: { taken: true, years: [2099], source: testCalendar().source, changed: true },
        central: { verified: true, reviewer: 'alice', createdAt: expect.any(String), answers: { accepted: 0, stale: 0, rejected: 0 } },
        counts: { taken: 1, unchanged: 0, refused: 0 },
        encrypted: false,
      },
      {
        source: join(stick, THIS_WEEK),
        calendar: { taken: true, years: [2099, 2100], source: twoYears().source, changed: true },
        central: { verified: true, reviewer: 'alice', createdAt: expect.any(String), answers: { accepted: 0, stale: 0, rejected: 0 } },
        counts: { taken: 1, unchanged: 1, refused: 0 },
        encrypted: true,
      },
      {
        source: join(stick, '3-bob.zip'),
        calendar: null,
        counts: { taken: 0, unchanged: 0, refused: 1 },
        refusal: expect.stringContaining('此交换包是中心系统为审核员 bob 制作的，本机登录的是 alice'),
      },
    ]);
    expect(w.calendar.covers(2100)).toBe(true); // the later bundle's calendar is the one in force
    expect(cases.map((c) => w.cases.load(c.caseId)?.row.revision)).toEqual([1, 1]);

    const audited = w.audit.log.list().filter((e) => e.action === 'calendar.update' || e.action === 'sync.importBundle').map((e) => ({ action: e.action, ...e.detail }));
    expect(audited).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'calendar.update', years: [2099], bundle: '1-上周.zip' }),
        expect.objectContaining({ action: 'calendar.update', years: [2099, 2100], bundle: THIS_WEEK }),
        expect.objectContaining({ action: 'sync.importBundle', central: 'verified', reviewer: 'alice', bundle: '1-上周.zip' }),
        expect.objectContaining({ action: 'sync.importBundle', central: 'verified', reviewer: 'alice', bundle: THIS_WEEK }),
      ]),
    );
    // Both bundles' cases were signed ones (交换包), not plain .zip packages.
    expect(w.audit.log.list().filter((e) => e.action === 'case.import' && e.detail?.result === 'imported').map((e) => e.detail?.origin)).toEqual(['bundle', 'bundle']);
  });

  it('`fashen import <folder>`: one header per bundle with its own signature and calendar lines; bob’s refused, exit 1', async () => {
    const w = await alicesWorkstation();
    w.close();
    open.splice(open.indexOf(w), 1);
    // Only two of them this time: this week's bundle second, as the stick's folder has it.
    const two = tempDir('stick-');
    mkdirSync(two, { recursive: true });
    for (const n of ['1-上周.zip', THIS_WEEK]) copyFileSync(join(stick, n), join(two, n));
    process.env.FASHEN_TEST_BUNDLE_PASS = PASS;
    let text = '';
    const io = { out: (x: string) => (text += x), err: (x: string) => (text += x) };
    const code = await importCommand(() => workstation(w.dataDir, () => httpTransport(central.url, dave.token!)), [two], { json: false, passphraseEnv: 'FASHEN_TEST_BUNDLE_PASS' }, io);
    expect(code, text).toBe(0);
    const first = text.indexOf(`交换包 ${join(two, '1-上周.zip')}：已导入 1 件\n`);
    const second = text.indexOf(`交换包 ${join(two, THIS_WEEK)}：已导入 1 件，已是最新 1 件\n`);
    expect(first, text).toBeGreaterThanOrEqual(0);
    expect(second, text).toBeGreaterThan(first);
    expect(text.slice(first, second)).toContain('中心系统签名已核验（为 alice 制作）');
    expect(text.slice(first, second)).toContain(`注意：${join(two, '1-上周.zip')} 是未加密的交换包`);
    expect(text.slice(second)).not.toContain('未加密');
    expect(text.slice(first, second)).toContain('工作日历已更新：2099 年节假日安排');
    expect(text.slice(second)).toContain('中心系统签名已核验（为 alice 制作）');
    expect(text.slice(second)).toContain('工作日历已更新：2099、2100 年节假日安排');

    let all = '';
    const code3 = await importCommand(() => workstation(w.dataDir, () => httpTransport(central.url, dave.token!)), [stick], { json: false, passphraseEnv: 'FASHEN_TEST_BUNDLE_PASS' }, { out: (x) => (all += x), err: (x) => (all += x) });
    expect(code3).toBe(1);
    expect(all).toContain(`交换包 ${join(stick, '3-bob.zip')}：整包未导入（原因见“导入失败”）`);
    expect(all).toMatch(/导入失败 {2}.*3-bob\.zip\n {2}此交换包是中心系统为审核员 bob 制作的/);
  });
});
