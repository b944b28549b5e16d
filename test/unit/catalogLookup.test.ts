import assert from 'node:assert/strict';
import { Catalog, approxPassPercent, computeExpiry, customKeyFor, isRetired } from '../../src/core/catalog/catalog';

describe('Catalog lookup and picker groups', () => {
  const catalog = new Catalog();

  it('groups by provider in a fixed order with retired exams last in each group', () => {
    const groups = catalog.pickerGroups({ includeRetired: true });
    assert.deepEqual(groups.map((g) => g.provider).slice(0, 3), ['AWS', 'Google Cloud', 'Microsoft']);
    for (const g of groups) {
      const flags = g.entries.map(isRetired);
      assert.deepEqual(flags, [...flags].sort((a, b) => Number(a) - Number(b)), `${g.provider}: retired entries come last`);
    }
    const aws = groups.find((g) => g.provider === 'AWS')!;
    assert.equal(aws.entries.at(-1)!.key, 'aws-mls-c01');
  });

  it('can hide retired and closed exams', () => {
    const keys = catalog.pickerGroups({ includeRetired: false }).flatMap((g) => g.entries.map((e) => e.key));
    assert.ok(!keys.includes('aws-mls-c01'));
    assert.ok(!keys.includes('tensorflow-developer'));
    assert.ok(keys.includes('aws-mla-c01'));
  });

  it('derives an approximate pass percentage from its position on the scale', () => {
    assert.equal(approxPassPercent(catalog.get('aws-mla-c01')!), 68.9, '720 on 100-1000 is (720 - 100) / 900, not 72 %');
    assert.equal(approxPassPercent(catalog.get('azure-ai-103')!), 70, '700 on 1-1000');
    assert.equal(approxPassPercent(catalog.get('google-pmle')!), null, 'not published');
  });

  it('computes expiry only where the validity rule is known', () => {
    assert.equal(computeExpiry(catalog.get('google-pmle'), '2026-11-26'), '2028-11-26');
    assert.equal(computeExpiry(catalog.get('cloudera-ccp-data-scientist'), '2026-11-26'), null);
    assert.equal(computeExpiry(catalog.get('google-pmle'), null), null);
  });

  it('makes custom keys from names', () => {
    assert.equal(customKeyFor('Snowflake SnowPro® Core (2026)'), 'custom:snowflake-snowpro-core-2026');
    assert.equal(customKeyFor('Ünïcödé'), 'custom:unicode');
    assert.equal(customKeyFor('***'), 'custom:certification');
  });
});
