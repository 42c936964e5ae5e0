import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'buffer', 'worker_threads'];

/** Layering (VS Code style): only src/main/electron/** and src/preload/** may value-import electron;
 *  src/shared and src/renderer use no Node APIs; lower layers never import upper ones. */
const electronOnlyInShell = {
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/electron/** and src/preload/** may import electron (import type is fine).', allowTypeImports: true }] }],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', '.demo-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration must stay off.' },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'Renderers stay sandboxed.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
        { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation stays on.' },
      ],
    },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'], ignores: ['src/main/electron/**', 'src/preload/**'], rules: electronOnlyInShell },
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      ...electronOnlyInShell,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'No Node APIs in shared or renderer code.' },
          { group: ['**/main/**', '../main/*'], message: 'shared/renderer never import main.' },
        ],
      }],
    },
  },
  { files: ['src/shared/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: nodeBuiltins, message: 'No Node APIs in shared code.' }, { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared is the lowest layer.' }] }] } },
  { files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' } },
  { files: ['src/main/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/e2e/**'], message: 'main never imports the renderer or test code.' }] }] } },
);
