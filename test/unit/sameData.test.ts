import assert from 'node:assert/strict';
import { sameData } from '../../src/core/util/sameData';

// sameData stands in for comparing JSON.stringify of both sides (key order aside): on every pair
// below the two must agree, with key order made irrelevant on the JSON side by sorting keys.
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));

describe('sameData: JSON-like equality without the strings', () => {
  const base = { id: 'cert:a', label: 'AWS', description: '12 / 40 h', icon: { id: 'book', color: 'charts.green' }, childIds: ['d:1', 'd:2'], command: undefined, n: 0 };
  const variants: unknown[] = [
    base,
    { ...base },
    { ...base, command: { id: 'x', arguments: [1, null] } },
    { ...base, n: -0 },
    { ...base, label: 'AWS ' },
    { ...base, icon: { id: 'book' } },
    { ...base, icon: { color: 'charts.green', id: 'book' } },
    { ...base, childIds: ['d:2', 'd:1'] },
    { ...base, childIds: ['d:1', 'd:2', 'd:3'] },
    { ...base, extra: null },
    { ...base, extra: undefined },
    Object.fromEntries(Object.entries(base).reverse()),
    [base],
    [],
    {},
    null,
    '12 / 40 h',
    0,
    false,
  ];

  it('agrees with comparing sorted JSON on every pair', () => {
    let same = 0;
    for (const a of variants) {
      for (const b of variants) {
        const expected = sortedJson(a) === sortedJson(b);
        assert.equal(sameData(a, b), expected, `${sortedJson(a)} vs ${sortedJson(b)}`);
        if (expected && a !== b) same++;
      }
    }
    assert.ok(same >= 6, 'equal pairs that are different objects were compared');
  });
});
