// The dependency rule (docs/architecture.md): imports run one way, from a layer to the same
// layer or one below it, never up, and never in a circle, type-only imports included.
// `npm run lint` runs this after eslint; `npx depcruise src --output-type dot` draws the graph.

/** The layers, bottom first. A folder may import from its own layer and the ones before it. */
const LAYERS = [
  ['src/webviews/[^/]+'], // each page with its message protocol: imports only its own folder
  ['src/core/util'],
  ['src/core/model'],
  ['src/core/time'],
  ['src/core/store'],
  ['src/core/catalog'],
  ['src/core/certifications'],
  ['src/core/timer'],
  ['src/core/practice'],
  ['src/core/plans'],
  ['src/core/roi'],
  ['src/core/exam'],
  ['src/core/calendar'],
  ['src/core/sync'],
  ['src/core/team'],
  ['src/core/dashboard'],
  ['src/core/tree'],
  ['src/core/agent'], // the agent tools' answers gather the tree, the dashboard and the features
  ['src/platform'],
  ['src/features/[^/]+', 'src/cli'], // each feature imports no other feature
  ['src/app'],
  ['src/shell'],
  ['src/extension(\\.web)?\\.ts$'],
];

const folder = (p) => (p.endsWith('$') ? `^${p}` : `^${p}/`);
const layerRules = LAYERS.flatMap((paths, rank) => {
  const above = LAYERS.slice(rank + 1).flat().map(folder);
  if (above.length === 0) return [];
  return paths.map((p) => ({
    name: `layer-${rank}-${p.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '')}`,
    comment: `${p} is below ${LAYERS.slice(rank + 1).flat().join(', ')}: it may not import from them (docs/architecture.md, "The dependency rule").`,
    severity: 'error',
    from: { path: folder(p) },
    to: { path: above.join('|') },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle, type-only imports included: break it by moving the shared part one layer down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'one-feature-one-folder',
      comment: 'A feature does not import another feature: what they share lives below them (core/, platform/), and the app wires them together.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'one-page-one-folder',
      comment: 'A webview page imports only its own folder (it is a browser bundle of its own).',
      severity: 'error',
      from: { path: '^src/webviews/([^/]+)/' },
      to: { path: '^src/', pathNot: '^src/webviews/$1/' },
    },
    ...layerRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    includeOnly: '^src/',
  },
};
