// Builds the extension (Node, CommonJS, `vscode` external), the dashboard webview (browser IIFE)
// and, with --tests, the integration-test bundles that the harness loads into the extension host.
const esbuild = require('esbuild');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** Node extension host bundles: CommonJS, `vscode` provided by VS Code. */
const nodeBundle = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // The startup path: what VS Code loads at activation. It must stay tiny (README, "Keeping
  // activation cheap"); it loads ./app.js at run time, on first use, so app.js is external here.
  { ...nodeBundle, entryPoints: { extension: 'src/extension.ts' }, external: ['vscode', './app.js'] },
  // Everything else, loaded on first use.
  { ...nodeBundle, entryPoints: { app: 'src/app.ts' }, external: ['vscode'] },
  {
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  },
];

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
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
