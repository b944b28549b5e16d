// Builds the extension (Node, CommonJS, `vscode` external), the dashboard webview (browser IIFE)
// and, with --tests, the integration-test bundles that the harness loads into the extension host.
const esbuild = require('esbuild');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
// --maps: the production build as shipped, plus linked source maps beside the bundles (.vscodeignore
// leaves them out of the .vsix), so that scripts/bench/hostBlocks.mjs can name the source of a
// profile's minified frames.
const sourcemap = !production || args.has('--maps');
// --outdir=<folder>: the extension's bundles go there instead of dist/ (scripts/bench-blocks.mjs
// builds a copy of its own, out of reach of other builds running meanwhile).
const distDir = [...args].find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

/** What app.js and team.js take from dist/zod.js instead of carrying it (src/shell/host.ts). */
const ZOD = ['zod', 'zod/mini'];

/** Node extension host bundles: CommonJS, `vscode` provided by VS Code. */
const nodeBundle = {
  outdir: distDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // The startup path: what VS Code loads at activation. It must stay tiny (docs/architecture.md,
  // "Loading"). The shell's host (src/shell/nodeHost.ts) reads and compiles ./zod.js, ./app.js,
  // ./team.js and ./calendar.js itself, each on first use, so nothing here requires them.
  { ...nodeBundle, entryPoints: { extension: 'src/extension.ts' }, external: ['vscode', './hostProfile.js'] },
  // The benchmarks' CPU profile of the extension host (CERT_STUDY_HOST_PROFILE), loaded by the shell only when asked; not shipped.
  { ...nodeBundle, entryPoints: { hostProfile: 'src/shell/hostProfile.ts' } },
  // Everything else, loaded on first use.
  // zod, apart: the shell loads it before app.js or team.js and hands it to them as their
  // require('zod') and require('zod/mini') (src/shell/host.ts, src/app/zodBundle.ts).
  { ...nodeBundle, entryPoints: { zod: 'src/app/zodBundle.ts' } },
  { ...nodeBundle, entryPoints: { app: 'src/app/app.ts' }, external: ['vscode', ...ZOD] },
  // Export for Team, backup and restore, the team report's host: loaded when one of those commands runs.
  { ...nodeBundle, entryPoints: { team: 'src/features/team/teamEntry.ts' }, external: ['vscode', ...ZOD] },
  // The calendar writer (ical-generator and the time-zone data): loaded when Export Calendar runs.
  { ...nodeBundle, entryPoints: { calendar: 'src/core/calendar/ics.ts' } },
  // The team lead's command line (bin cert-study-team): plain Node, no vscode anywhere in it.
  { ...nodeBundle, entryPoints: { 'team-cli': 'src/cli/teamCli.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The team report's page: a browser script of its own, in a folder of its own (the panel's only script root).
  {
    entryPoints: { 'team-report/page': 'src/webviews/teamReport/main.ts' },
    outdir: distDir,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  },
  // The dashboard's page with Chart.js: loaded by the dashboard panel's webview only.
  {
    entryPoints: { webview: 'src/webviews/dashboard/main.ts' },
    // V8's compile hint (Chromium 136+; a plain comment before): every function is compiled while
    // the script loads, off the main thread, instead of on first call while the charts are drawn
    // (docs/performance.md, "Dashboard figures"). It must be the file's first line.
    banner: { js: '//# allFunctionsCalledOnLoad' },
    outdir: distDir,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  },
];

/**
 * The browser's web worker extension host (`browser` in package.json): the same five bundles,
 * without Node built-ins, in dist/web/. The shell there (src/shell/webHost.ts) reads and
 * evaluates zod.js, app.js, team.js and calendar.js on first use, as the Node shell requires them.
 */
const webBundle = {
  outdir: `${distDir}/web`,
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};
builds.push(
  { ...webBundle, entryPoints: { extension: 'src/extension.web.ts' } },
  { ...webBundle, entryPoints: { zod: 'src/app/zodBundle.ts' } },
  { ...webBundle, entryPoints: { app: 'src/app/app.web.ts' }, external: ['vscode', ...ZOD] },
  { ...webBundle, entryPoints: { team: 'src/features/team/teamEntry.ts' }, external: ['vscode', ...ZOD] },
  { ...webBundle, entryPoints: { calendar: 'src/core/calendar/ics.ts' } },
);

/**
 * In the web test bundle, `import Mocha from 'mocha'` means mocha's own browser build, which brings
 * its shims for `process` and friends and sets globalThis.Mocha. Its UMD header assigns
 * `module.exports` when it sees one; mocha's package is ESM, so esbuild would leave that name free
 * and the header would replace the test bundle's own exports (VS Code then found mocha instead of
 * run()). The wrapper gives it a module of its own.
 */
const webMochaPlugin = {
  name: 'web-mocha',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha', namespace: 'web-mocha' }));
    build.onLoad({ filter: /.*/, namespace: 'web-mocha' }, () => {
      const source = require('node:fs').readFileSync(require.resolve('mocha/mocha.js'), 'utf8');
      return { contents: `(function (module, exports) {\n${source}\n})({ exports: {} }, {});\nexport default globalThis.Mocha;\n`, loader: 'js' };
    });
  },
};

if (tests) {
  // Integration suites run inside the real extension host; mocha is bundled in, `vscode` is not.
  builds.push({
    entryPoints: {
      'integration/index': 'test/integration/index.ts',
      'selfcheck/index': 'test/selfcheck/index.ts',
    },
    outdir: 'out/test',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  // The same suites for the browser's web worker host: no Node built-ins, mocha's browser build.
  builds.push({
    entryPoints: { 'web/integration/index': 'test/integration/index.ts' },
    outdir: 'out/test',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    plugins: [webMochaPlugin],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] watching for changes');
    return;
  }
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  const sizes = results
    .filter((r) => r.metafile)
    .flatMap((r) => Object.entries(r.metafile.outputs))
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(1)} KB`);
  console.log(`built ${sizes.join(', ')}${production ? ' (minified)' : ''}`);
  if (distDir === 'dist') writeTeamJsonSchema();
}

/**
 * The team format's JSON Schema, generated from its zod schema (through the CLI bundle just
 * built) into media/schemas/, which is committed and shipped; a unit test checks the two agree.
 */
function writeTeamJsonSchema() {
  const fs = require('node:fs');
  const path = require('node:path');
  const cli = path.join(__dirname, 'dist', 'team-cli.js');
  fs.chmodSync(cli, 0o755); // run directly, as the bin cert-study-team
  delete require.cache[cli];
  const file = path.join(__dirname, 'media', 'schemas', 'team-format-v1.schema.json');
  const text = require(cli).teamFormatJsonSchemaText();
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(__dirname, file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
