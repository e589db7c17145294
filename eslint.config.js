// Lint, with the import-boundaries table of ../shared/ARCHITECTURE.md encoded as rules
// so that a wrong import fails `npm run lint` (test/unit/lint/boundaries.test.ts proves it).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const NODE_AND_NATIVE = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'dgram', 'http', 'crypto', 'electron', 'serialport', '@serialport/*', 'better-sqlite3', 'fastify', '@fastify/*'];

export const elements = [
  { type: 'shared', pattern: 'src/shared/**/*', mode: 'full' },
  { type: 'assa', pattern: 'src/assa/**/*', mode: 'full' },
  { type: 'app', pattern: 'src/app/**/*', mode: 'full' },
  { type: 'bridge', pattern: 'src/bridge/**/*', mode: 'full' },
  { type: 'cli', pattern: 'src/cli/**/*', mode: 'full' },
  { type: 'hardware', pattern: 'hardware/**/*', mode: 'full' },
  { type: 'electron', pattern: 'electron/**/*', mode: 'full' },
  { type: 'renderer', pattern: 'renderer/**/*', mode: 'full' },
  { type: 'test', pattern: 'test/**/*', mode: 'full' },
  { type: 'bin', pattern: 'bin/**/*', mode: 'full' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', WebSocket: 'readonly', navigator: 'readonly', queueMicrotask: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off', // AT framing matches CR, LF, Ctrl-Z and ESC on purpose
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (ARCHITECTURE.md, "Which way imports point")',
          rules: [
            { from: 'shared', allow: ['shared'] },
            { from: 'hardware', allow: ['hardware', 'shared'] },
            { from: 'assa', allow: ['assa', 'shared'] },
            { from: 'app', allow: ['app', 'hardware', 'shared'] },
            { from: 'bridge', allow: ['bridge', 'app', 'shared'] },
            { from: 'renderer', allow: ['renderer', 'shared'] },
            { from: ['cli', 'electron', 'test', 'bin'], allow: ['shared', 'assa', 'app', 'bridge', 'cli', 'hardware', 'electron', 'renderer', 'test', 'bin'] },
          ],
        },
      ],
    },
  },
  {
    // The renderer and the pure shared layer run in a browser: no Node, no Electron, no natives.
    files: ['renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    ignores: ['renderer/vite.config.ts', 'renderer/operator/vite.config.ts'], // build tooling, runs in Node
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_AND_NATIVE, message: 'renderer and src/shared run in the browser: no Node, Electron or native modules.' }] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
