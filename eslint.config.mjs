// ESLint flat config: typescript-eslint's recommended rules, plus the rules that keep the core
// free of VS Code (testable in plain Node) and the startup path small. The layering and the
// no-circle rule are dependency-cruiser's (.dependency-cruiser.cjs), run by `npm run lint` too.
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
              message: 'Keep the startup path tiny: load this from dist/app.js on first use (docs/architecture.md, "Loading").',
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
    files: ['src/core/**/*.ts', 'src/webviews/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The core, the webview pages and the CLI must not import vscode: keep them testable in plain Node.' }] },
      ],
    },
  },
  // The team commands are a bundle of their own (dist/team.js, exactly src/features/team/), loaded
  // when one of them runs (src/app/teamBundle.ts): the rest may import their types, never their code.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/features/team/**', 'src/core/team/**', 'src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(core/team/|features/team/)',
              allowTypeImports: true,
              message: 'The team code is dist/team.js, loaded on first use: go through src/app/teamBundle.ts (docs/architecture.md, "Loading").',
            },
            {
              regex: '(^|/)core/calendar/ics$',
              allowTypeImports: true,
              message:
                "The calendar writer is dist/calendar.js, loaded on first use: go through the shell host's loadBundle('calendar') (src/shell/nodeHost.ts, src/shell/webHost.ts), as PlanCommandDeps.loadCalendar does (docs/architecture.md, \"Loading\").",
            },
          ],
        },
      ],
    },
  },
  // The startup path (dist/extension.js) is paid by every window: it may import only vscode, the
  // command ids and the shell. Everything else is reached through the host's loadBundle() on first use
  // (docs/architecture.md, "Loading"). Type-only imports cost nothing and are allowed.
  // The startup path takes `vscode` with `import vscode = require('vscode')` (see src/extension.ts).
  { files: ['src/extension.ts', 'src/extension.web.ts', 'src/shell/**/*.ts', 'src/platform/statusItem.ts', 'src/platform/timers.ts', 'src/platform/treeItem.ts'], rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^vscode$'] }] } },
  startupPathRule(['src/extension.ts', 'src/extension.web.ts'], '^(?!vscode$|\\./shell/[\\w-]+$)'),
  // The block schedule is dependency-free on purpose (it imports only core/model/weekdays and
  // core/time/localDays, which import nothing at run time), so the shell can arm the morning alarm.
  // statusCountdown likewise, so the shell shows the exam countdown from a small record, and
  // rowRecord, so it draws the view's top rows from another.
  startupPathRule(['src/shell/**/*.ts'], '^(?!vscode$|\\./[\\w-]+$|\\.\\./app/commandTable$|\\.\\./platform/(statusItem|timers|treeItem)$|\\.\\./core/timer/blockSchedule$|\\.\\./core/exam/statusCountdown$|\\.\\./core/tree/rowRecord$|\\.\\./core/store/shellKeys$)'),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
