import type { BundleName, Bundles, ShellHost } from './host';
import { hostProbe } from './hostProbe';

/**
 * The Node extension host: each bundle is a file beside dist/extension.js, marked external in
 * esbuild.js so that activation (which VS Code times: loading dist/extension.js and calling
 * activate) never pays for compiling it. The requires are literal so esbuild leaves them alone.
 */
const REQUIRE: { [N in BundleName]: () => Bundles[N] } = {
  /* eslint-disable @typescript-eslint/no-require-imports */
  app: () => require('./app.js') as Bundles['app'],
  team: () => require('./team.js') as Bundles['team'],
  calendar: () => require('./calendar.js') as Bundles['calendar'],
  /* eslint-enable @typescript-eslint/no-require-imports */
};

export function nodeHost(): ShellHost {
  const loaded: BundleName[] = [];
  return {
    kind: 'node',
    probe: hostProbe(),
    loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]> {
      try {
        const module = REQUIRE[name]();
        if (!loaded.includes(name)) loaded.push(name);
        return Promise.resolve(module);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    loadedBundles: () => loaded,
    demoSeedPath: () => process.env.CERT_STUDY_DEMO_SEED || undefined,
  };
}
