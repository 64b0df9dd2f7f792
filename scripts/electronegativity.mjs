// Electron security lint: @doyensec/electronegativity over src/ and package.json. Fails on any
// HIGH or MEDIUM finding (and on a file it could not parse: that file would go unchecked).
// Run by `npm test`; alone: `node scripts/electronegativity.mjs [folder]` (default src/).
//
// Two checks are excluded, on purpose:
//  - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub on every run;
//    this machine (and CI) has no internet. The Electron version is pinned in package.json.
//  - CSPGlobalCheck looks for a CSP in HTML <meta> or in session.webRequest header callbacks. Ours
//    is a response header on every renderer file, from one constant (RENDERER_CSP in
//    src/main/http-range.ts) sent by app:// (src/main/app/protocol.ts) and the host (src/main/host.ts)
//    — invisible to the static analysis. tests/e2e/security.spec.ts checks it is sent and enforced.
// Findings that are reviewed are marked in the code with `eng-disable <CHECK>` and a reason.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootRequire = createRequire(join(root, 'package.json'));
const base = dirname(rootRequire.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(join(base, 'package.json'));

// The tool fetches its translations from GitHub before every run (and crashes offline, in got's
// retry); its bundled en-US strings are all it needs.
const i18nPath = join(base, 'dist', 'locales', 'i18n.js');
const offlineI18n = new Module(i18nPath);
offlineI18n.filename = i18nPath;
offlineI18n.loaded = true;
offlineI18n.exports = async () => {
  const i18n = toolRequire('i18n');
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(base, 'dist', 'locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
  i18n.setLocale('en-US');
};
rootRequire.cache[i18nPath] = offlineI18n;

const run = toolRequire('./dist/runner.js');
const { severity } = toolRequire('./dist/finder/attributes.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];

const started = Date.now();
let failed = false;
// The sources with every check; package.json with the checks made for it (npm scripts passing
// Electron flags) — the global checks need the sources' findings, so they run with the first scan.
const sources = process.argv[2] ?? 'src';
const scans = [
  { input: sources, excludeFromScan: EXCLUDED },
  { input: 'package.json', customScan: ['CustomArgumentsJSONCheck', 'SecurityWarningsDisabledJSONCheck'] },
];
for (const { input, ...checks } of scans) {
  const r = await run({ input: resolve(root, input), ...checks, isRelative: false, electronVersionOverride: electronVersion });
  for (const e of r.errors.filter((x) => !x.tolerable)) {
    failed = true;
    console.error(`✗ could not parse ${relative(root, e.file)}: ${e.message}`);
  }
  for (const i of r.issues) {
    const where = i.file === 'N/A' ? '(global)' : `${relative(root, i.file)}:${i.location.line}:${i.location.column}`;
    const blocking = i.severity.value >= severity.MEDIUM.value;
    if (blocking) failed = true;
    console.log(`${blocking ? '✗' : '·'} ${i.id} ${i.severity.name}/${i.confidence.name}${i.manualReview ? ' (review)' : ''} ${where}\n    ${i.description}`);
  }
  console.log(`electronegativity ${input}: ${r.globalChecks + r.atomicChecks} checks, ${r.issues.length} finding(s)`);
}
console.log(`Electron ${electronVersion}; excluded: ${EXCLUDED.join(', ')} (see the header of this script); ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (failed) {
  console.error('electronegativity: HIGH/MEDIUM findings (fix them in src/main/app, or mark a reviewed one with eng-disable and the reason)');
  process.exit(1);
}
