// `node scripts/check-bundles.mjs [--json]`: do the built Electron bundles (out/main, out/preload)
// load in a packaged app? A static check rather than executing them: running main's top level would
// start the app (protocols, single-instance lock, windows) and need a fake Electron standing in for
// the real one. Instead, for every bundle:
//   - `node --check` parses it;
//   - every import/require/dynamic import with a literal specifier is found (TypeScript's parser);
//   - each is a Node built-in, 'electron' (provided by the runtime), or a package in package.json
//     "dependencies" — devDependencies are not in the packaged app — that electron-builder.yml does
//     not leave out, and that resolves from the app root;
//   - static imports are loaded for real in Node and every named binding must exist (what Node's ESM
//     linker checks at start-up); electron-updater must be a dynamic import (it touches electron on load);
//   - the sandboxed preload may require nothing but 'electron' (and the sandbox's events/timers/url).
// Exit 1 with the problems listed when any check fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SANDBOX_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url']);
const LAZY_ONLY = new Set(['electron-updater']);

export const BUNDLES = [
  { file: 'out/main/index.js', kind: 'main' },
  { file: 'out/preload/index.cjs', kind: 'preload' },
];

/** Packages electron-builder.yml leaves out of the app (`!**\/node_modules/{a,b}/**`). */
function excludedPackages() {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  return (config.files ?? [])
    .filter((f) => typeof f === 'string')
    .flatMap((f) => {
      const m = /^!\*\*\/node_modules\/(?:\{([^}]+)\}|([^/*{]+(?:\/[^/*{]+)?))\/\*\*$/.exec(f);
      return m ? (m[1] ? m[1].split(',') : [m[2]]) : [];
    });
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module specifier with a string literal in the bundle, with how it is loaded. */
export function specifiersOf(code, fileName) {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  const isCreateRequire = (expr) =>
    ts.isCallExpression(expr) && ((ts.isIdentifier(expr.expression) && expr.expression.text === 'createRequire') || (ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'createRequire'));
  // Names bound to a require function: `var cjsRequire = createRequire(import.meta.url)` and the like.
  const requireNames = new Set(['require', '__require']);
  const collect = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isCreateRequire(node.initializer)) requireNames.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const isRequireLike = (expr) =>
    (ts.isIdentifier(expr) && requireNames.has(expr.text)) ||
    (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'createRequire') ||
    (ts.isPropertyAccessExpression(expr) && expr.name.text === 'resolve' && isRequireLike(expr.expression));
  // createRequire(x.resolve('pkg'))('dep'): 'dep' is resolved from inside 'pkg' (one of its own dependencies).
  const requiredFrom = (expr) => {
    const arg = ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'createRequire' ? expr.arguments[0] : undefined;
    return arg && ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && arg.expression.name.text === 'resolve' && arg.arguments[0] && ts.isStringLiteral(arg.arguments[0]) ? arg.arguments[0].text : undefined;
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = [];
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      if (clause?.name) names.push('default');
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) for (const el of clause.namedBindings.elements) names.push((el.propertyName ?? el.name).text);
      if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) for (const el of node.exportClause.elements) names.push((el.propertyName ?? el.name).text);
      found.push({ spec: node.moduleSpecifier.text, how: 'import', names });
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteral(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push({ spec: node.arguments[0].text, how: 'dynamic', names: [] });
      else if (isRequireLike(node.expression)) found.push({ spec: node.arguments[0].text, how: 'require', names: [], from: requiredFrom(node.expression) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** bundles: [{ file (relative to the app root), kind: 'main' | 'preload' }]; default: the built ones. */
export async function checkBundles(bundles = BUNDLES) {
  const excluded = new Set(excludedPackages());
  const problems = [];
  const report = [];
  for (const { file, kind } of bundles) {
    const path = join(root, file);
    if (!existsSync(path)) {
      problems.push(`${file}: 不存在（先运行 npm run build）`);
      continue;
    }
    const syntax = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8' });
    if (syntax.status !== 0) problems.push(`${file}: 语法错误 ${syntax.stderr.split('\n').slice(0, 3).join(' ')}`);
    const specs = specifiersOf(readFileSync(path, 'utf8'), file);
    const packages = new Set();
    for (const { spec, how, names, from } of specs) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        problems.push(`${file}: 相对路径模块 ${spec}（打包后的程序只含单个入口文件）`);
        continue;
      }
      if (kind === 'preload' && !SANDBOX_PRELOAD_MODULES.has(spec)) {
        problems.push(`${file}: 沙盒中的 preload 不能 require('${spec}')（sandbox: true 只提供 electron、events、timers、url；应打包进 preload）`);
        continue;
      }
      if (isBuiltin(spec) || spec === 'electron') continue;
      if (from) {
        // A dependency of a shipped package, loaded from that package's folder.
        try {
          const { createRequire } = await import('node:module');
          createRequire(createRequire(path).resolve(from)).resolve(spec);
        } catch (err) {
          problems.push(`${file}: 无法从 ${from} 解析 ${spec}：${err.message.split('\n')[0]}`);
        }
        continue;
      }
      const name = packageName(spec);
      packages.add(name);
      if (LAZY_ONLY.has(name) && how !== 'dynamic') problems.push(`${file}: ${name} 必须延迟加载（import()），它在加载时就访问 electron`);
      if (!pkg.dependencies?.[name]) {
        problems.push(`${file}: ${spec} 不在 package.json 的 dependencies 中${pkg.devDependencies?.[name] ? '（只是 devDependency，不会打进安装包）' : ''}`);
        continue;
      }
      if (excluded.has(name)) {
        problems.push(`${file}: ${spec} 被 electron-builder.yml 的 files 排除在安装包之外`);
        continue;
      }
      // scripts/ and out/main/ resolve bare specifiers through the same node_modules (the app root's).
      try {
        if (how === 'require') (await import('node:module')).createRequire(path).resolve(spec);
        else import.meta.resolve(spec);
      } catch (err) {
        problems.push(`${file}: 无法解析 ${spec}：${err.message.split('\n')[0]}`);
        continue;
      }
      if (how === 'import' && names.length) {
        try {
          const ns = await import(spec);
          const missing = names.filter((n) => !(n in ns) || (n === 'default' && ns.default === undefined));
          if (missing.length) problems.push(`${file}: ${spec} 没有导出 ${missing.join('、')}`);
        } catch (err) {
          problems.push(`${file}: 在 Node 中加载 ${spec} 失败：${err.message.split('\n')[0]}`);
        }
      }
    }
    report.push({ file, kind, imports: specs.length, packages: [...packages].sort() });
  }
  return { bundles: report, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await checkBundles();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    for (const b of r.bundles) console.log(`${b.file}: ${b.imports} 个导入，依赖包 ${b.packages.join(', ') || '无'}`);
    for (const p of r.problems) console.error(`✗ ${p}`);
    if (!r.problems.length) console.log('✓ 主进程与 preload 包的全部导入都能在打包后的程序中加载');
  }
  process.exitCode = r.problems.length ? 1 : 0;
}
