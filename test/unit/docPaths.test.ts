import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// Every repository path the README, CONTRIBUTING.md and docs/*.md name in backticks exists
// (issue 19): a moved or deleted file cannot leave the documentation pointing at nothing.
const ROOT = path.join(__dirname, '../..');

/** Folders a backticked token must start with to count as a repository path (dist/ is built, so not checked). */
const FOLDERS = ['src/', 'test/', 'docs/', 'media/', 'scripts/', '.ci/'];
/** Top-level files the documents name. */
const TOP_LEVEL = new Set([
  'package.json',
  'package-lock.json',
  'package.nls.json',
  'esbuild.js',
  'eslint.config.mjs',
  'tsconfig.json',
  '.vscodeignore',
  '.gitignore',
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'LICENSE',
  '.dependency-cruiser.cjs',
]);
const TOP_LEVEL_PATTERNS = [/^tsconfig[\w.-]*\.json$/, /^\.dependency-cruiser\.[cm]?js$/, /^[\w-]+\.config\.[cm]?[jt]s$/];

interface DocPath {
  doc: string;
  line: number;
  path: string;
}

/** The repository path a backticked token names, or undefined when it names none (or a glob, a placeholder, a built file). */
function repositoryPath(token: string): string | undefined {
  const t = token.trim().replace(/^\.\//, '');
  if (/\s/.test(t) || /[*<>{}]/.test(t)) return undefined; // a command line, a glob or a placeholder
  const bare = t.replace(/:\d+(-\d+)?$/, ''); // `file.ts:12` names file.ts
  if (FOLDERS.some((f) => bare.startsWith(f))) return bare;
  if (TOP_LEVEL.has(bare) || TOP_LEVEL_PATTERNS.some((p) => p.test(bare))) return bare;
  return undefined;
}

/** Each line of a Markdown text outside fenced code blocks, with its 1-based number. */
function proseLines(text: string): { line: string; number: number }[] {
  const lines: { line: string; number: number }[] = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) lines.push({ line, number: i + 1 });
  });
  return lines;
}

/** Every repository path named in backticks in a Markdown text, with its line; fenced code blocks are skipped. */
function backtickedPaths(doc: string, text: string): DocPath[] {
  return proseLines(text).flatMap(({ line, number }) =>
    [...line.matchAll(/(`+)([^`]+?)\1(?!`)/g)].flatMap((match) => {
      const p = repositoryPath(match[2]);
      return p === undefined ? [] : [{ doc, line: number, path: p }];
    }),
  );
}

/** Relative link and image targets of a Markdown text (`[x](docs/a.md#b)`, `![x](media/a.png)`), resolved against the document's folder. */
function linkTargets(doc: string, text: string): DocPath[] {
  return proseLines(text).flatMap(({ line, number }) => {
    const outsideCode = line.replace(/(`+)[^`]+?\1/g, '');
    return [...outsideCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].flatMap((match) => {
      const target = match[1].split('#')[0];
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) return []; // an anchor in the same page, or a URL
      return [{ doc, line: number, path: path.posix.normalize(path.posix.join(path.posix.dirname(doc), target)) }];
    });
  });
}

/** The ones that do not exist in the checkout (a file or a folder; a trailing `/` allowed). */
function missing(paths: DocPath[], root = ROOT): DocPath[] {
  return paths.filter((p) => !/^(dist|out|\.cache|test-results)\//.test(p.path) && !existsSync(path.join(root, p.path.replace(/\/+$/, ''))));
}

function report(problems: DocPath[]): string {
  return `${problems.length} path(s) named in the documentation do not exist:\n${problems.map((p) => `  ${p.doc}:${p.line}: ${p.path}`).join('\n')}`;
}

/** README.md, CONTRIBUTING.md and every docs/*.md, relative to the root. */
function documents(): string[] {
  const docs = existsSync(path.join(ROOT, 'docs'))
    ? readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', 'CONTRIBUTING.md', ...docs].filter((doc) => existsSync(path.join(ROOT, doc)));
}

function read(doc: string): string {
  return readFileSync(path.join(ROOT, doc), 'utf8');
}

describe('documentation: the repository paths it names exist', () => {
  it('finds the documents', () => {
    for (const doc of ['README.md', 'CONTRIBUTING.md', 'docs/architecture.md', 'docs/testing.md', 'docs/performance.md']) {
      assert.ok(existsSync(path.join(ROOT, doc)), `${doc} is missing`);
    }
  });

  it('every path in backticks exists (a file or a folder)', () => {
    const named = documents().flatMap((doc) => backtickedPaths(doc, read(doc)));
    assert.ok(named.length > 20, `only ${named.length} paths found: is the collector broken?`);
    const problems = missing(named);
    assert.equal(problems.length, 0, report(problems));
  });

  it('every relative link and image points at a file or folder that exists', () => {
    const problems = missing(documents().flatMap((doc) => linkTargets(doc, read(doc))));
    assert.equal(problems.length, 0, report(problems));
  });

  it('the check can fail: a missing path is reported with its document and line', () => {
    const text = ['# A', 'See `src/core/practice/readiness.ts` and `src/no/such/file.ts`.', '', '```', '`src/in/a/fence.ts`', '```', 'Then `test/unit/` and `dist/app.js`.'].join('\n');
    const named = backtickedPaths('docs/x.md', text);
    assert.deepEqual(
      named.map((p) => `${p.line}:${p.path}`),
      ['2:src/core/practice/readiness.ts', '2:src/no/such/file.ts', '7:test/unit/'], // dist/ is built: not checked
    );
    const problems = missing(named);
    assert.deepEqual(problems, [{ doc: 'docs/x.md', line: 2, path: 'src/no/such/file.ts' }]);
    assert.match(report(problems), /docs\/x\.md:2: src\/no\/such\/file\.ts/);
  });

  it('recognises repository paths and leaves the rest alone', () => {
    assert.equal(repositoryPath('src/shell/'), 'src/shell/');
    assert.equal(repositoryPath('package.json'), 'package.json');
    assert.equal(repositoryPath('.dependency-cruiser.cjs'), '.dependency-cruiser.cjs');
    assert.equal(repositoryPath('.ci/run'), '.ci/run');
    assert.equal(repositoryPath('src/app/container.ts:12'), 'src/app/container.ts');
    for (const other of ['test/unit/practice*.test.ts', 'src/core/<feature>/', 'npm run lint', 'timer.json', '780/1000', 'certStudy.tree.sortBy', 'backups/']) {
      assert.equal(repositoryPath(other), undefined, other);
    }
    assert.deepEqual(
      linkTargets('docs/a.md', '[b](b.md#x) [c](../README.md) [d](https://x.invalid/y) [e](#here) ![f](../media/screenshots/tree-dark.png)').map((p) => p.path),
      ['docs/b.md', 'README.md', 'media/screenshots/tree-dark.png'],
    );
  });
});
