// Lint rules that the type-check does not cover; run by `npm test`. Type-aware (typescript-eslint's project service):
// floating promises, unsafe `any`, misused awaits are caught here, not in review.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '**/*.mjs', '**/*.cjs', '**/*.js', 'bin/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // An async signature that a caller or an interface expects, whether or not this body awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One file, one concern: a file that grows past 400 lines is split along its own sections (migrations excepted).
      'max-lines': ['error', { max: 400 }],
      'no-restricted-syntax': [
        'error',
        {
          // ASVS v5.0.0-1.2.4 / goal G6: SQL is built with Kysely or its `sql` tag (parameterised), never from strings.
          selector:
            "CallExpression[callee.object.name='sql'][callee.property.name='raw'] > TemplateLiteral[expressions.length>0]",
          message:
            'sql.raw with interpolation builds SQL from strings; use the sql`` tag (parameters) or sql.ref/sql.table.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(prepare|exec|query)$/] > TemplateLiteral[expressions.length>0]',
          message: 'SQL built by string interpolation: use parameters.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['src/server/platform/db/migrations/**'], rules: { 'max-lines': 'off' } },
  // The files left over 400 lines (issue 17): their tests run in order on one practice, each building on the state the
  // last left; split them once each test (each journey) seeds the practice it needs and can run alone.
  {
    files: [
      'e2e/journeys.test.ts',
      'src/server/modules/breaches/breaches.test.ts',
      'src/server/modules/register/register.test.ts',
    ],
    rules: { 'max-lines': ['error', { max: 800 }] },
  },
  {
    // node:test's test()/describe() return promises the runner awaits itself.
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers as they come (untyped) and assert on them; typing every answer would test the types, not
    // the server. Stubs implement async interfaces without awaiting.
    files: ['**/*.test.ts', '**/*.fixture.ts', 'test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);
