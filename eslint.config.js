import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The HTTP error modules: only routes and http/ itself answer with a status. */
const httpErrorImports = {
  group: ['**/http/errors', '**/http/refusals', '**/http/edit-token'],
  message: 'Throw a DomainRefusal (domain/refusal.ts): its kind becomes an HTTP status in server/http/refusals.ts.',
};

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'tests/.cache/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Hooks called in order, and every effect lists what it reads (no silenced dependencies).
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Every endpoint is declared with route() (server/http/route.ts), which mounts, validates,
    // rate-limits and documents it: a router made apart would be none of these.
    files: ['server/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', importNames: ['Router', 'default'], message: 'Declare endpoints with route() from server/http/route.ts.' }],
          // Routes read through services (or a use case): what a query returns is theirs to shape.
          patterns: [{ group: ['**/queries/*', '**/queries'], message: 'A route reads through server/services/ (or server/use-cases/), never server/queries/.' }],
        },
      ],
      // Routes parse, authorise, call and answer: writes and their transactions belong to server/use-cases/, SQL to server/queries/.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='transaction']", message: 'A transaction belongs to a use case (server/use-cases/).' },
        { selector: "CallExpression[callee.property.name='raw']", message: 'SQL belongs to server/queries/.' },
      ],
    },
  },
  {
    // Layers point down: queries know nothing of the services above them, nor of HTTP.
    files: ['server/queries/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../services/*'], message: 'queries/ must not depend on services/: move the type down (domain/).' }, httpErrorImports] },
      ],
    },
  },
  {
    // Checks refuse with a DomainRefusal (a kind and a bilingual message); HTTP statuses are chosen
    // in one place, server/http/refusals.ts.
    files: ['domain/**/*.ts', 'server/services/**/*.ts', 'server/use-cases/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [httpErrorImports] }],
    },
  },
);
