// Lint rules, including the folder boundaries of design.md §1: the arrows go one way.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';

// Bare built-in names go in `paths` (exact match): as gitignore-style patterns, `domain` or `test`
// would also match our own folders of that name.
const builtinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: 'Node built-ins are main-process only.' }));

const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/electron/ may import electron.',
};
const noNode = { group: ['node:*'], message: 'Node built-ins are main-process only.' };
const noMainOnlyLibs = {
  group: ['got', 'keytar', 'ws'],
  message: 'Network and keychain libraries belong to src-main/core.',
};
const noMain = { group: ['**/src-main/**', '**/src-main'], message: 'Talk to main through lib/api only.' };
const noRenderer = { group: ['**/src-renderer/**'], message: 'Main code never imports the renderer.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    // Svelte components and rune modules: the Svelte parser, TypeScript inside it.
    files: ['src-renderer/**/*.svelte', 'src-renderer/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: builtinPaths, patterns: [noElectron, noNode, noMainOnlyLibs, noMain, noRenderer] },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: builtinPaths, patterns: [noElectron, noNode, noMainOnlyLibs, noMain] },
      ],
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }],
    },
  },
);
