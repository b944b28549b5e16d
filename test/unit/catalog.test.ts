import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_ENTRIES } from '../../src/core/catalog/entries';
import { CatalogEntrySchema, type CatalogEntry } from '../../src/core/model/catalog';

/** Cross-team contract: the only provider spellings the UI groups by. */
const ALLOWED_PROVIDERS = [
  'AWS',
  'Google Cloud',
  'Microsoft',
  'Databricks',
  'NVIDIA',
  'SAS',
  'Cloudera',
  'Google (TensorFlow)',
];

const EXPECTED_KEYS = [
  'aws-mls-c01',
  'google-pmle',
  'azure-ai-102',
  'databricks-ml-professional',
  'tensorflow-developer',
  'nvidia-dli',
  'sas-ai-ml-professional',
  'cloudera-ccp-data-scientist',
  'aws-mla-c01',
  'aws-aip-c01',
  'azure-ai-103',
  'databricks-ml-associate',
  'nvidia-nca-genl',
  'nvidia-ncp-genl',
  'nvidia-nca-genm',
  'nvidia-nca-aiio',
  'nvidia-ncp-aai',
  'nvidia-nca-ads',
];

/** The seed article's eight certifications and the study hours it gives. */
const ARTICLE_STUDY_HOURS: Record<string, { min: number; max: number }> = {
  'aws-mls-c01': { min: 120, max: 200 },
  'google-pmle': { min: 100, max: 160 },
  'azure-ai-102': { min: 80, max: 120 },
  'databricks-ml-professional': { min: 120, max: 180 },
  'tensorflow-developer': { min: 60, max: 120 },
  'nvidia-dli': { min: 20, max: 80 },
  'sas-ai-ml-professional': { min: 100, max: 160 },
  'cloudera-ccp-data-scientist': { min: 80, max: 120 },
};

function entry(key: string): CatalogEntry {
  const found = CATALOG_ENTRIES.find((e) => e.key === key);
  assert.ok(found, `catalog has no entry ${key}`);
  return found;
}

function hasDispute(e: CatalogEntry, pattern: RegExp): boolean {
  return e.disputes.some((d) => pattern.test(d));
}

describe('built-in catalog', () => {
  it('has exactly the agreed keys', () => {
    assert.deepEqual([...CATALOG_ENTRIES.map((e) => e.key)].sort(), [...EXPECTED_KEYS].sort());
  });

  it('every entry parses with CatalogEntrySchema', () => {
    for (const e of CATALOG_ENTRIES) {
      const result = CatalogEntrySchema.safeParse(e);
      assert.ok(result.success, `${e.key}: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
    }
  });

  it('keys are unique', () => {
    const keys = CATALOG_ENTRIES.map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('keys are built-in keys, not custom ones', () => {
    for (const e of CATALOG_ENTRIES) assert.ok(!e.key.startsWith('custom:'), e.key);
  });

  it('every successor key exists in the catalog and is not the entry itself', () => {
    const keys = new Set(CATALOG_ENTRIES.map((e) => e.key));
    for (const e of CATALOG_ENTRIES) {
      for (const s of e.successorKeys) {
        assert.ok(keys.has(s), `${e.key}: successor ${s} is not in the catalog`);
        assert.notEqual(s, e.key, `${e.key} names itself as successor`);
      }
      assert.equal(new Set(e.successorKeys).size, e.successorKeys.length, `${e.key}: duplicate successor`);
    }
  });

  it('records the known successor paths', () => {
    assert.deepEqual(entry('aws-mls-c01').successorKeys, ['aws-mla-c01', 'aws-aip-c01']);
    assert.deepEqual(entry('azure-ai-102').successorKeys, ['azure-ai-103']);
    assert.deepEqual(entry('nvidia-dli').successorKeys, ['nvidia-nca-genl', 'nvidia-ncp-genl']);
    assert.deepEqual(entry('cloudera-ccp-data-scientist').successorKeys, []);
    assert.ok(hasDispute(entry('cloudera-ccp-data-scientist'), /CDP/), 'Cloudera should point to the CDP program');
    assert.deepEqual(entry('tensorflow-developer').successorKeys, []);
  });

  it('domain ids are unique within each entry', () => {
    for (const e of CATALOG_ENTRIES) {
      const ids = e.domains.map((d) => d.id);
      assert.equal(new Set(ids).size, ids.length, `${e.key}: duplicate domain id`);
    }
  });

  it('domain weights are consistent with 100%', () => {
    for (const e of CATALOG_ENTRIES) {
      const weights = e.domains.map((d) => d.weightPercent);
      const known = weights.filter((w): w is { min: number; max: number } => w !== null);
      const sumMin = known.reduce((a, w) => a + w.min, 0);
      const sumMax = known.reduce((a, w) => a + w.max, 0);
      if (known.length === 0) continue;
      // Even with some weights unknown, the known minimums cannot exceed the whole exam.
      assert.ok(sumMin <= 100, `${e.key}: known domain minimums sum to ${sumMin}%`);
      if (known.length < weights.length) continue;
      assert.ok(sumMin <= 100 && 100 <= sumMax, `${e.key}: weights ${sumMin}-${sumMax}% do not bracket 100%`);
      if (known.every((w) => w.min === w.max)) assert.equal(sumMin, 100, `${e.key}: exact weights sum to ${sumMin}%`);
    }
  });

  it('AI-103 leaves only its disputed domain weight unknown', () => {
    // AI-103's generative/agentic domain is the one disputed weight; the rest are known.
    const ai103 = entry('azure-ai-103');
    const unknown = ai103.domains.filter((d) => d.weightPercent === null).map((d) => d.id);
    assert.deepEqual(unknown, ['generative-ai-and-agentic-solutions']);
    assert.ok(hasDispute(ai103, /agentic/i));
  });

  it('retired and closed entries carry their date or explain why it is unknown', () => {
    assert.deepEqual(entry('aws-mls-c01').lifecycle, {
      state: 'retired',
      since: '2026-03-31',
      note: entry('aws-mls-c01').lifecycle.note,
    });
    const ai102 = entry('azure-ai-102').lifecycle;
    assert.equal(ai102.state, 'retired');
    assert.equal(ai102.state === 'retired' ? ai102.since : undefined, '2026-06-30');

    for (const e of CATALOG_ENTRIES) {
      const l = e.lifecycle;
      if (l.state !== 'retired' && l.state !== 'closed') continue;
      if (l.since !== null) continue;
      assert.ok(l.note && /unknown/i.test(l.note), `${e.key}: ${l.state} without a date must say the date is unknown`);
    }
  });

  it('lifecycle states match the fact sheet', () => {
    const states = Object.fromEntries(CATALOG_ENTRIES.map((e) => [e.key, e.lifecycle.state]));
    assert.equal(states['aws-mls-c01'], 'retired');
    assert.equal(states['azure-ai-102'], 'retired');
    assert.equal(states['cloudera-ccp-data-scientist'], 'retired');
    assert.equal(states['tensorflow-developer'], 'closed');
    assert.equal(states['nvidia-dli'], 'unknown');
    assert.equal(states['sas-ai-ml-professional'], 'unknown');
    assert.equal(states['azure-ai-103'], 'active');
    const tf = entry('tensorflow-developer').lifecycle;
    assert.ok(tf.state === 'closed' && tf.since === null && tf.note?.includes('May 1 2024'));
  });

  it('providers are within the agreed list', () => {
    for (const e of CATALOG_ENTRIES) assert.ok(ALLOWED_PROVIDERS.includes(e.provider), `${e.key}: provider ${e.provider}`);
    assert.equal(entry('tensorflow-developer').provider, 'Google (TensorFlow)');
    assert.equal(entry('google-pmle').provider, 'Google Cloud');
  });

  it('facts the sheet marks disputed are null, with the dispute recorded', () => {
    const cases: Array<[string, (e: CatalogEntry) => unknown, RegExp]> = [
      ['aws-mls-c01', (e) => e.durationMinutes, /^Duration/],
      ['aws-mla-c01', (e) => e.durationMinutes, /^Duration/],
      ['aws-aip-c01', (e) => e.durationMinutes, /^Duration/],
      ['databricks-ml-professional', (e) => e.passingScore, /^Passing/],
      ['databricks-ml-associate', (e) => e.passingScore, /^Passing/],
      ['databricks-ml-associate', (e) => e.questionCount, /^Questions/],
      ['cloudera-ccp-data-scientist', (e) => e.validity.months, /^Validity/],
      ['cloudera-ccp-data-scientist', (e) => e.validity.expires, /^Validity/],
      ['nvidia-nca-genl', (e) => e.questionCount, /^Questions/],
      ['nvidia-nca-genl', (e) => e.feeUsd, /^Fee/],
      ['nvidia-ncp-genl', (e) => e.questionCount, /^Questions/],
      ['nvidia-ncp-genl', (e) => e.feeUsd, /^Fee/],
    ];
    for (const [key, get, dispute] of cases) {
      const e = entry(key);
      assert.equal(get(e), null, `${key}: disputed fact should be null`);
      assert.ok(hasDispute(e, dispute), `${key}: missing dispute matching ${dispute}`);
    }
    assert.deepEqual(entry('nvidia-ncp-genl').domains, []);
    assert.ok(hasDispute(entry('nvidia-ncp-genl'), /^Domains/));
    assert.ok(hasDispute(entry('google-pmle'), /2026-06-01/), 'PMLE must say the June 2026 domains are unknown');
  });

  it('uncorroborated single figures that are kept carry a caveat', () => {
    for (const key of ['nvidia-nca-genl', 'nvidia-ncp-genl']) {
      const e = entry(key);
      if (e.passingScore !== null) assert.ok(hasDispute(e, /corroborated/i), `${key}: 70% needs a caveat`);
    }
  });

  it('facts the sheet says are unknown stay null (the article does not fill them)', () => {
    const tf = entry('tensorflow-developer');
    assert.equal(tf.feeUsd, null); // article: $100
    assert.equal(tf.passingScore, null);
    assert.deepEqual(tf.validity, { expires: null, months: null, renewal: null }); // article: 3 years
    assert.ok(tf.domains.length > 0 && tf.domains.every((d) => d.weightPercent === null));
    assert.equal(entry('cloudera-ccp-data-scientist').feeUsd, null); // article: $295
    assert.equal(entry('databricks-ml-professional').questionCount?.max, 59); // article: 60
    assert.equal(entry('google-pmle').passingScore, null);
    const dli = entry('nvidia-dli');
    assert.equal(dli.feeUsd, null);
    assert.equal(dli.format, null);
    assert.deepEqual(dli.validity, { expires: null, months: null, renewal: null });
    const sas = entry('sas-ai-ml-professional');
    assert.equal(sas.durationMinutes, null);
    assert.equal(sas.passingScore, null);
    assert.deepEqual(sas.domains, []);
    const ai103 = entry('azure-ai-103');
    assert.equal(ai103.feeUsd, null);
    assert.equal(ai103.format, null);
  });

  it('records the checked figures', () => {
    const mls = entry('aws-mls-c01');
    assert.deepEqual(mls.passingScore, { score: 750, scaleMin: 100, scaleMax: 1000 });
    assert.deepEqual(mls.questionCount, { min: 65, max: 65 });
    assert.deepEqual(mls.validity.months, 36);
    assert.deepEqual(entry('azure-ai-102').passingScore, { score: 700, scaleMin: 1, scaleMax: 1000 });
    assert.equal(entry('azure-ai-102').validity.months, 12);
    assert.equal(entry('google-pmle').validity.months, 24);
    assert.deepEqual(entry('aws-mla-c01').passingScore?.score, 720);
    assert.deepEqual(entry('aws-aip-c01').questionCount, { min: 75, max: 75 });
  });

  it('only the article\'s eight have recommended study hours, and they match the article', () => {
    for (const e of CATALOG_ENTRIES) {
      const expected = ARTICLE_STUDY_HOURS[e.key] ?? null;
      assert.deepEqual(e.recommendedStudyHours, expected, `${e.key}: recommendedStudyHours`);
    }
  });

  it('every source cited in a dispute is listed in the entry\'s sources', () => {
    for (const e of CATALOG_ENTRIES) {
      const ids = new Set(e.sources.map((s) => s.id));
      for (const d of e.disputes) {
        for (const group of d.matchAll(/\(([^)]*)\)/g)) {
          for (const cited of group[1].matchAll(/\b[AGMDTNSC]\d{1,2}\b/g)) {
            assert.ok(ids.has(cited[0]), `${e.key}: dispute cites ${cited[0]} which is not among its sources`);
          }
        }
      }
    }
  });

  it('sources are not duplicated within an entry', () => {
    for (const e of CATALOG_ENTRIES) {
      const pairs = e.sources.map((s) => `${s.id} ${s.url}`);
      assert.equal(new Set(pairs).size, pairs.length, e.key);
    }
  });

  it('every entry was checked on the fact-sheet date', () => {
    for (const e of CATALOG_ENTRIES) assert.equal(e.checkedOn, '2026-11-26', e.key);
  });

  it('short names are unique and fit the tree', () => {
    const names = CATALOG_ENTRIES.map((e) => e.shortName);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.ok(n.length <= 40, n);
  });

  it('the catalog module does not import vscode', () => {
    const text = readFileSync(join(__dirname, '../../src/core/catalog/entries.ts'), 'utf8');
    assert.ok(!/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(text));
  });
});
