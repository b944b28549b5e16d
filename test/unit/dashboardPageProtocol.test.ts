import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { isDataMessage, savedViewState, TABLE_IDS } from '../../src/webviews/dashboard/pageProtocol';
import { ViewStateSchema } from '../../src/webviews/dashboard/protocol';

// The page checks its saved view state by hand (no zod in dist/webview.js); the host checks the
// same state with ViewStateSchema when the page sends it in `ready`. If they disagreed, a state
// the page keeps would be refused by the host and the panel would wait for data forever.
const VALID = { filter: { range: '4w', cert: 'google-pmle' }, tables: ['practice', 'roi'] };

/** Every way one part of a valid state can be changed, and a few whole values. */
function variants(): unknown[] {
  const values: unknown[] = [undefined, null, 0, '', 'x', [], {}, 'a'.repeat(120), 'a'.repeat(121), '26w', 'all', '3y', 'roi', 'chart', ['weekly'], { range: '26w', cert: null }];
  const out: unknown[] = [VALID, ...values, [VALID], { ...VALID, extra: 1 }, { filter: VALID.filter }, { tables: [] }];
  for (const value of values) {
    out.push({ ...VALID, filter: value }, { ...VALID, tables: value });
    out.push({ ...VALID, filter: { ...VALID.filter, range: value } }, { ...VALID, filter: { ...VALID.filter, cert: value } });
    out.push({ ...VALID, filter: { range: VALID.filter.range } }, { ...VALID, filter: { ...VALID.filter, extra: value } });
    out.push({ ...VALID, tables: [value] }, { ...VALID, tables: ['weekly', value] });
  }
  // eslint-disable-next-line no-sparse-arrays
  out.push({ ...VALID, tables: [...TABLE_IDS] }, { ...VALID, tables: [...TABLE_IDS, 'weekly'] }, { ...VALID, tables: ['weekly', 'weekly'] }, { ...VALID, tables: [, 'roi'] });
  out.push(Object.assign(Object.create({ inherited: true }), VALID), Object.assign(Object.create(null), VALID), { ...VALID, filter: Object.assign(Object.create(null), VALID.filter) }, { ...VALID, filter: { ...VALID.filter, cert: undefined } });
  return out;
}

describe('dashboard page: its protocol without zod', () => {
  it('keeps exactly the view states the host accepts (ViewStateSchema), and returns a copy of them', () => {
    const cases = variants();
    let accepted = 0;
    for (const raw of cases) {
      const schema = ViewStateSchema.safeParse(raw);
      const page = savedViewState(raw);
      assert.deepEqual(page, schema.success ? schema.data : null, JSON.stringify(raw));
      if (page) {
        accepted++;
        assert.notEqual(page.tables, (raw as { tables: unknown }).tables, 'a copy: the page changes its state later');
      }
    }
    assert.ok(accepted >= 5 && accepted < cases.length - 50, `${accepted} of ${cases.length} accepted: both kinds are exercised`);
  });

  it('tells the host’s data message from anything else posted to its window', () => {
    assert.equal(isDataMessage({ type: 'data', data: { today: '2026-12-01' } }), true);
    for (const raw of [null, 'data', { type: 'data' }, { type: 'data', data: null }, { type: 'data', data: [1] }, { type: 'eval', data: {} }]) assert.equal(isDataMessage(raw), false, JSON.stringify(raw));
  });

  it('the page’s bundle has no zod in it (what the page gained: docs/performance.md)', async () => {
    const result = await esbuild.build({ entryPoints: ['src/webviews/dashboard/main.ts'], bundle: true, write: false, metafile: true, outdir: 'out/unused', platform: 'browser', format: 'iife', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((file) => file.includes('node_modules/chart.js')), 'the build read the page');
    assert.deepEqual(inputs.filter((file) => file.includes('node_modules/zod')), []);
  });
});
