import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SERVER_MODULES = 'apps/server/src/modules';
const ROOT = import.meta.dirname;
const serverModules = readdirSync(join(ROOT, SERVER_MODULES), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** Everything of the server outside its modules: the app's wiring, common code, tests, benchmarks. */
const outsideModules = [
  ...readdirSync(join(ROOT, 'apps/server/src'))
    .filter((name) => name !== 'modules')
    .map((name) => `./apps/server/src/${name}`),
  './apps/server/test',
  './apps/server/bench',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Nest resolves constructor parameters from emitted type metadata: a type-only import
    // would erase the class the injector needs.
    files: ['apps/server/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Server modules meet only at their surfaces (each one's index.ts), and never in a circle.
    files: ['apps/server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: join(ROOT, 'apps/server/tsconfig.json') }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: serverModules.map((name) => ({
            target: [
              ...serverModules
                .filter((other) => other !== name)
                .map((other) => `./${SERVER_MODULES}/${other}`),
              ...outsideModules,
            ],
            from: `./${SERVER_MODULES}/${name}`,
            except: ['./index.ts'],
            message: `Use what the ${name} module exports from its index.ts.`,
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/e2e/**/*.ts', '**/scripts/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
);
