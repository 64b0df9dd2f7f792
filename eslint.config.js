// Layer boundaries (DESIGN.md §2): a wrong import fails `npm test`.
import tseslint from 'typescript-eslint';

// Bare built-in names are exact `paths` (a gitignore pattern like 'events' would also match './events').
const bareBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads', 'buffer', 'util', 'events', 'zlib', 'module'];
const builtinPaths = (message) => bareBuiltins.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/main/db/migrations/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: "Only src/main/app may import 'electron'." },
            { name: 'electron-updater', message: 'electron-updater touches electron when loaded: only src/main/app/updater.ts loads it (lazily).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/app/**/*.{ts,tsx}', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared is pure: no electron.' }, ...builtinPaths('src/shared is pure: no Node built-ins.')],
          patterns: [
            { group: ['node:*'], message: 'src/shared is pure: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'pdfjs-dist', 'pdfjs-dist/*'], message: 'src/shared is pure: no DOM/UI libraries.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/server/**', '**/cli/**'], message: 'src/shared imports nothing from other layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the Api.' }, ...builtinPaths('The renderer has no Node.')],
          patterns: [
            { group: ['**/main/**', '**/server/**', '**/cli/**', '**/preload/**'], message: 'src/renderer may not import back-end code.' },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
);
