// The working-day calendar in the status bar, and its update from the central system: in December
// a workstation without next year's holiday schedule says so where the reviewer looks all day; the
// schedule an admin publishes (PUT /v1/admin/calendar — here a made-up one standing in for the State
// Council's notice) arrives with the next 立即同步, and the warning goes without a restart. An office
// that never connects gets it in the bundle of case packages it imports (离线交换 › 导入案卷包).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { testCalendar } from '../helpers/test-calendar';
import { sealBytes } from '../../src/main/services/bundle-envelope/seal';
import { expect, startHost, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { withCentralAndHost } from './support/central-host';

/** The passphrase the admin tells the reviewer by phone. */
const BUNDLE_PASS = '青山-打印机-四十七';
/** In December, when next year's holidays matter. */
const TODAY = '2026-12-03';

test('next year’s holiday schedule: flagged in December, taken from the central system at the next sync', async ({ page }) => {
  test.setTimeout(90_000);
  // No case yet; the host logged in as alice.
  await withCentralAndHost({ today: TODAY, cases: 0 }, async ({ central, url }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new WorkstationPage(page).open(url);
    const calendar = page.getByTestId('calendar-years');
    await expect(calendar).toHaveText('工作日历 2004–2026 · 2027年未覆盖');
    await expect(calendar).toHaveClass(/t-warn/);
    await expect(calendar).toHaveAttribute('title', /2027年节假日安排尚未收到：落在2027年的期限暂按周末和法定节假日推算（调休未计）/);
    await page.getByTestId('status-bar').screenshot({ path: 'test-results/screenshots/calendar-next-year-missing.png' });

    const put = await central.admin.send('PUT', '/v1/admin/calendar', testCalendar(2027));
    expect(put.status).toBe(200);
    const sync = new SyncPanel(page);
    await sync.open();
    await sync.runButton().click();
    await expect(sync.drawer.getByTestId('sync-result')).toContainText('工作日历已更新：2027 年节假日安排（测试用节假日安排（虚构，非真实公告））', { timeout: 30_000 });
    await expect(calendar).toHaveText('工作日历 2004–2027');
    await expect(calendar).not.toHaveClass(/t-warn/);
    await expect(calendar).toHaveAttribute('title', /数据来源：chinese-days [\d.]+ \+ 测试用节假日安排/);
    await page.screenshot({ path: 'test-results/screenshots/calendar-updated-by-sync.png' });

    // Later, offline: a bundle the central system made for alice, carried in on a stick. The sync above
    // told this workstation the central system's bundle key, so the bundle's signature is checked.
    const [pkg] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: TODAY, count: 1, seed: 7 });
    await central.admin.publish(pkg!.dir, 'alice');
    const made = await central.admin.send('GET', '/v1/admin/case-bundle?user=alice');
    expect(made.status).toBe(200);
    // Sealed with a passphrase, as `fashen central bundle --passphrase-env` writes it: the import asks for it.
    const stick = join(mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-')), 'alice.fashen-cases');
    writeFileSync(stick, await sealBytes(made.bytes, BUNDLE_PASS, 'case-bundle'));
    await sync.drawer.getByTestId('sync-import-path').fill(stick);
    await sync.drawer.getByTestId('sync-import-run').click();
    const ask = page.getByTestId('sync-import-pass-dialog');
    await expect(ask).toContainText('此案卷交换包已加密');
    await ask.getByTestId('sync-import-pass').fill('不是这个口令-0000');
    await page.getByTestId('sync-import-pass-confirm').click();
    await expect(ask.getByTestId('sync-import-pass-error')).toContainText('口令不正确或文件已损坏');
    await page.screenshot({ path: 'test-results/screenshots/bundle-import-passphrase-wrong-1366.png' });
    await expect(sync.drawer.getByTestId('import-result')).toHaveCount(0); // nothing imported
    await ask.getByTestId('sync-import-pass').fill(BUNDLE_PASS);
    await page.getByTestId('sync-import-pass-confirm').click();
    await expect(ask).toBeHidden();
    await expect(sync.drawer.getByTestId('import-result')).toContainText(`已导入案卷 ${pkg!.caseNumber}`);
    await expect(sync.drawer.getByTestId('sync-import-sealed')).toHaveText('加密交换包：已用口令解密，文件完整');
    await expect(sync.drawer.getByTestId('sync-import-central')).toContainText('中心系统签名已核验（为 alice 制作）');
    await sync.drawer.getByTestId('sync-import').screenshot({ path: 'test-results/screenshots/bundle-central-verified.png' });

    // A stick the central system made for another reviewer: refused whole, with what to ask for.
    await central.admin.addReviewer('bob', 'bob-password-e2e');
    const [bobs] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: TODAY, count: 1, seed: 8 });
    await central.admin.publish(bobs!.dir, 'bob');
    const forBob = join(mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-')), 'bob.zip');
    writeFileSync(forBob, (await central.admin.send('GET', '/v1/admin/case-bundle?user=bob')).bytes);
    await sync.drawer.getByTestId('sync-import-path').fill(forBob);
    await sync.drawer.getByTestId('sync-import-run').click();
    await expect(sync.drawer.getByTestId('import-result')).toContainText('交换包未导入此交换包是中心系统为审核员 bob 制作的，本机登录的是 alice');
    // A plain bundle from an older central system (still read): said to be plain.
    const [plainPkg] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: TODAY, count: 1, seed: 9 });
    await central.admin.publish(plainPkg!.dir, 'alice');
    const plain = join(mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-')), 'alice-old.zip');
    writeFileSync(plain, (await central.admin.send('GET', `/v1/admin/case-bundle?user=alice&case=${encodeURIComponent(plainPkg!.caseId)}`)).bytes);
    await sync.drawer.getByTestId('sync-import-path').fill(plain);
    await sync.drawer.getByTestId('sync-import-run').click();
    await expect(sync.drawer.getByTestId('import-result')).toContainText(`已导入案卷 ${plainPkg!.caseNumber}`);
    await expect(sync.drawer.getByTestId('sync-import-plain')).toContainText('未加密的交换包');
    await sync.drawer.getByTestId('sync-import').screenshot({ path: 'test-results/screenshots/bundle-plain-said.png' });
    await sync.drawer.getByTestId('sync-import').screenshot({ path: 'test-results/screenshots/bundle-wrong-reviewer.png' });
  });
});

/** A .zip of package folders plus the calendar at its root, as the central system would hand out. */
async function bundleWith(dirs: string[], calendar: unknown, out: string): Promise<string> {
  const zip = new yazl.ZipFile();
  dirs.forEach((dir, i) => {
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const full = join(e.parentPath, e.name);
      zip.addBuffer(readFileSync(full), `case-${i + 1}/${full.slice(dir.length + 1).split('\\').join('/')}`);
    }
  });
  zip.addBuffer(Buffer.from(JSON.stringify(calendar)), 'calendar.json');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
  return out;
}

test('an office that never connects takes next year’s schedule from the bundle it imports', async ({ page }) => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'fashen-e2e-bundle-'));
  const generated = await generateDemoPackages({ outDir: join(work, 'packages'), today: TODAY, count: 2 });
  const bundle = await bundleWith(
    generated.map((g) => g.dir),
    testCalendar(2027),
    join(work, 'from-central.zip'),
  );
  const host = await startHost({ today: TODAY });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new WorkstationPage(page).open(host.url);
    const calendar = page.getByTestId('calendar-years');
    await expect(calendar).toHaveText('工作日历 2004–2026 · 2027年未覆盖');
    const sync = new SyncPanel(page);
    await sync.open();
    await sync.drawer.getByTestId('sync-import-path').fill(bundle);
    await sync.drawer.getByTestId('sync-import-run').click();
    await expect(sync.drawer.getByTestId('import-result')).toContainText('已导入 2 个案卷');
    await expect(sync.drawer.getByTestId('sync-import-calendar')).toContainText('工作日历已更新：2027 年节假日安排');
    await expect(calendar).toHaveText('工作日历 2004–2027');
    await sync.drawer.getByTestId('sync-import').screenshot({ path: 'test-results/screenshots/calendar-from-bundle.png' });
  } finally {
    host.stop();
  }
});
