// ESLint flat config: typescript-eslint's recommended rules, plus the rule that keeps the core
// free of VS Code so it stays testable in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Restricts the imports of the startup-path files to what matches `allowed` (a negative look-ahead). */
function startupPathRule(files, allowed) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: allowed,
              allowTypeImports: true,
              message: 'Keep the startup path tiny: load this from dist/app.js on first use (README, "Keeping activation cheap").',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/webview/**/*.ts', 'src/team/page/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The core, shared and webview code must not import vscode: keep it testable in plain Node.' }] },
      ],
    },
  },
  // The team commands are a bundle of their own (dist/team.js), loaded when one of them runs
  // (src/team/loadTeam.ts): the rest of the app may import their types, never their code.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/commands/teamCommands.ts', 'src/team/**', 'src/core/team/**', 'src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(core/team/|commands/teamCommands$|team/(?!loadTeam$))',
              allowTypeImports: true,
              message: 'The team code is dist/team.js, loaded on first use: go through src/team/loadTeam.ts (README, "Keeping activation cheap").',
            },
            {
              regex: '(^|/)core/calendar/ics$',
              allowTypeImports: true,
              message:
                "The calendar writer is dist/calendar.js, loaded on first use: go through the shell host's loadBundle('calendar') (src/shell/nodeHost.ts, src/shell/webHost.ts), as PlanCommandDeps.loadCalendar does (README, \"Keeping activation cheap\").",
            },
          ],
        },
      ],
    },
  },
  // The startup path (dist/extension.js) is paid by every window: it may import only vscode, the
  // command ids and the shell. Everything else is reached through the host's loadBundle() on first use
  // (README, "Keeping activation cheap"). Type-only imports cost nothing and are allowed.
  // The startup path takes `vscode` with `import vscode = require('vscode')` (see src/extension.ts).
  { files: ['src/extension.ts', 'src/extension.web.ts', 'src/shell/**/*.ts'], rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^vscode$'] }] } },
  startupPathRule(['src/extension.ts', 'src/extension.web.ts'], '^(?!vscode$|\\./shell/[\\w-]+$)'),
  // The block schedule is dependency-free on purpose, so the shell can arm the morning alarm.
  // statusCountdown likewise, so the shell shows the exam countdown from a small record.
  startupPathRule(['src/shell/**/*.ts'], '^(?!vscode$|\\./[\\w-]+$|\\.\\./commands/ids$|\\.\\./core/timer/blockSchedule$|\\.\\./core/exam/statusCountdown$)'),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
