import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // The dependency rule of ARCHITECTURE.md, enforced.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/client/**', '**/server/**'],
          message: 'shared/ is imported by both sides and imports neither.',
        },
        {
          group: ['three', 'three/*', 'react', 'react-dom', '@react-three/*'],
          message: 'shared/ stays renderer-free.',
        },
      ]),
    },
  },
  {
    files: ['client/src/scene/**/*.{ts,tsx}', 'client/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['@colyseus/*'], message: 'Only client/net talks to Colyseus; read the store instead.' },
        {
          group: ['**/net/*'],
          message: 'UI and scene go through the store or app/hallSession, not client/net.',
        },
      ]),
    },
  },
  {
    files: ['server/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@colyseus/*', 'express'],
          message: 'Services are pure domain logic: no Colyseus, no HTTP.',
        },
        { group: ['**/rooms/*', '**/http/*'], message: 'Services do not know who calls them.' },
      ]),
    },
  },
);
