import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as zodBundle from '../../src/app/zodBundle';

// dist/app.js and dist/team.js take zod from dist/zod.js (src/app/zodBundle.ts), which lists the
// names it carries. A name the source uses and the list lacks would be `undefined` at run time,
// perhaps only on a rare path; this reads every file that goes into the two bundles and checks.
const ENTRIES = ['src/app/app.ts', 'src/app/app.web.ts', 'src/features/team/teamEntry.ts'];
/** Names that exist only as types (`z.infer<typeof S>`): nothing to carry. */
const TYPE_ONLY = new Set(['infer', 'input', 'output']);

async function bundledSources(): Promise<string[]> {
  const result = await esbuild.build({ entryPoints: ENTRIES, bundle: true, write: false, metafile: true, outdir: 'out/unused', platform: 'node', format: 'cjs', external: ['vscode', 'zod', 'zod/mini'], logLevel: 'silent' });
  return Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
}

/** The `z.name` uses of each value import of `specifier` (import * as z from 'zod'), by file. */
function namesUsed(files: string[], specifier: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(path.resolve(file), 'utf8');
    const alias = new RegExp(`^import \\* as (\\w+) from '${specifier}';`, 'm').exec(text)?.[1];
    if (!alias) continue;
    for (const [, name] of text.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) if (!TYPE_ONLY.has(name!)) used.set(name!, file);
  }
  return used;
}

describe('dist/zod.js carries every zod name app.js and team.js use', () => {
  let files: string[];
  before(async () => (files = await bundledSources()));

  it('reads the bundles’ own files (the check would pass vacuously otherwise)', () => {
    assert.ok(files.includes('src/core/model/primitives.ts') && files.includes('src/webviews/dashboard/protocol.ts'), files.slice(0, 5).join(', '));
    assert.ok(namesUsed(files, 'zod').size > 10 && namesUsed(files, 'zod/mini').size > 5);
  });

  for (const [specifier, carried] of [
    ['zod', zodBundle.zod],
    ['zod/mini', zodBundle.zodMini],
  ] as const) {
    it(`every ${specifier} name`, () => {
      const missing = [...namesUsed(files, specifier)].filter(([name]) => (carried as Record<string, unknown>)[name] === undefined).map(([name, file]) => `${name} (${file})`);
      assert.deepEqual(missing, [], `add to src/app/${specifier === 'zod' ? 'zodParts' : 'zodMiniParts'}.ts`);
    });
  }

  it('no other import form of zod, which the check above would not see', () => {
    const other = files.filter((file) => /from 'zod(\/[\w-]+)?'/.test(readFileSync(file, 'utf8').replace(/^import (type )?\* as \w+ from 'zod(\/mini)?';$/gm, '')));
    assert.deepEqual(other, []);
  });
});
