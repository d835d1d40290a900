// Lint: typed rules for the TypeScript sources, and the service's purity boundary.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'schemas/**',
      'test/e2e/workspace/**',
      '**/*.cjs',
      '**/*.mjs',
      'bench/out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it/test return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: [
                'describe',
                'it',
                'test',
                'suite',
                'before',
                'after',
                'beforeEach',
                'afterEach',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The service is pure: no editor, no LSP connection, no file system, no processes.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'vscode',
            'vscode-languageserver',
            'vscode-languageserver/node',
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
            'child_process',
            'node:child_process',
          ],
          patterns: ['vscode-languageserver/*', '../../node/*', '../node/*'],
        },
      ],
    },
  },
  {
    // Code a next engineer can live in (issue 20): small files, small functions.
    files: ['server/src/**/*.ts', 'client/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 100 }],
    },
  },
  {
    // The facade is closed: the LSP layer, the node side and the CLI ask the service, they do not
    // reach into its index or its Helm state.
    files: [
      'server/src/lsp/**/*.ts',
      'server/src/cli/**/*.ts',
      'server/src/node/**/*.ts',
      'server/src/*.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name=/^(workspace|helm|rendered)$/][object.name='service']",
          message: 'Use the LanguageService facade instead of its internals.',
        },
        {
          selector:
            "MemberExpression[property.name=/^(workspace|helm|rendered)$/][object.property.name='service']",
          message: 'Use the LanguageService facade instead of its internals.',
        },
      ],
    },
  },
);
