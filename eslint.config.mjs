// Lint rules that the type-check does not cover; run by `npm test`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.mjs', 'bin/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
);
