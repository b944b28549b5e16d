// Builds the extension (Node, CommonJS, `vscode` external), the dashboard webview (browser IIFE)
// and, with --tests, the integration-test bundles that the harness loads into the extension host.
const esbuild = require('esbuild');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  },
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
  const bytes = Object.entries(results[0].metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, out]) => sum + out.bytes, 0);
  console.log(`built dist/extension.js (${(bytes / 1024).toFixed(1)} KB${production ? ', minified' : ''})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
