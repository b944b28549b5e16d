import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCommandArg } from '../../src/core/certifications/commandArgs';
import type { CostItem } from '../../src/core/model/plans';
import { EditCostsArgSchema, SetBillingRatesArgSchema } from '../../src/core/plans/args';
import { formatUsd, roiFigures, roiSummaryLines } from '../../src/core/roi/roi';
import { RoiService } from '../../src/core/roi/roiService';
import { StudyStore } from '../../src/core/store/studyStore';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { sampleCert } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const catalog = new Catalog();
const now = new Date('2027-06-15T15:00:00Z'); // 09:00 in Denver

/**
 * The source article's example: three certifications in ten months, 18,000 USD invested in all,
 * and the billing rate up from 175 to 260 USD an hour.
 */
const ARTICLE = {
  certifications: [
    sampleCert({ key: 'aws-mls-c01', status: 'passed', earnedOn: '2026-02-10' }),
    sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2026-04-20' }),
    sampleCert({ key: 'tensorflow-developer', status: 'passed', earnedOn: '2026-06-01' }),
  ],
  costs: {
    'aws-mls-c01': [
      { kind: 'exam', amountUsd: 300, note: '' },
      { kind: 'course', amountUsd: 5_700, note: 'bootcamp' },
      { kind: 'other', amountUsd: 2_000, note: 'SageMaker lab time' },
    ],
    'google-pmle': [
      { kind: 'exam', amountUsd: 200, note: '' },
      { kind: 'retake', amountUsd: 200, note: '' },
      { kind: 'course', amountUsd: 5_600, note: '' },
    ],
    'tensorflow-developer': [
      { kind: 'voucher', amountUsd: 100, note: '' },
      { kind: 'course', amountUsd: 3_900, note: '' },
    ],
  } satisfies Record<string, CostItem[]>,
  rates: { baseline: 175, current: 260 },
};

describe('return on investment', () => {
  it('works out the article’s example: 18,000 USD invested, 175 → 260 USD an hour', () => {
    // The rate changed 52 weeks (364 days) before today.
    const f = roiFigures({ ...ARTICLE, catalog, rateChangedOn: '2026-06-16', billableHoursPerWeek: 32, now });
    assert.equal(f.investedUsd, 18_000);
    assert.deepEqual(
      f.certifications.map((c) => [c.key, c.totalUsd, c.from]),
      [
        ['aws-mls-c01', 8_000, 'items'],
        ['google-pmle', 6_000, 'items'],
        ['tensorflow-developer', 4_000, 'items'],
      ],
    );
    assert.equal(f.rateChangeUsd, 85);
    assert.equal(f.weeksSinceChange, 52);
    assert.equal(f.extraRevenueUsd, 85 * 32 * 52);
    assert.equal(f.extraRevenueUsd, 141_440);
    // The article's 220,000 USD (about 12×) also counts the enterprise projects the certifications
    // won; the rate change alone, at 32 billable hours a week, comes to 7.9× in the first year.
    assert.equal(f.returnMultiple!.toFixed(1), '7.9');
    assert.deepEqual(f.missing, []);
    assert.deepEqual(roiSummaryLines(f, t), [
      'Money invested: 18,000 USD over 3 certifications',
      'Rate change: +85 USD/h (175 → 260 USD/h)',
      'Estimated extra revenue: 141,440 USD (85 USD/h × 32 h a week × 52 weeks since 2026-06-16)',
      'Return: 7.9 × the money invested',
    ]);
  });

  it('counts whole weeks, none before the change, and the billable hours setting', () => {
    const at = (rateChangedOn: string, hours = 32) => roiFigures({ ...ARTICLE, catalog, rateChangedOn, billableHoursPerWeek: hours, now });
    assert.equal(at('2027-06-09').weeksSinceChange, 0, 'six days');
    assert.equal(at('2027-06-08').weeksSinceChange, 1, 'seven days');
    assert.equal(at('2027-07-01').weeksSinceChange, 0, 'not yet');
    assert.equal(at('2027-06-08', 35).extraRevenueUsd, 85 * 35);
  });

  it('says what is missing instead of inventing it, and uses a total entered without items', () => {
    const f = roiFigures({
      certifications: [sampleCert({ key: 'aws-mla-c01', costUsd: 150 }), sampleCert({ key: 'google-pmle' })],
      costs: {},
      catalog,
      rates: { baseline: 120, current: null },
      rateChangedOn: null,
      billableHoursPerWeek: 32,
      now,
    });
    assert.equal(f.investedUsd, 150);
    assert.deepEqual(f.withoutCosts, ['google-pmle']);
    assert.equal(f.rateChangeUsd, null);
    assert.equal(f.extraRevenueUsd, null);
    assert.equal(f.returnMultiple, null);
    assert.deepEqual(f.missing, ['currentRate', 'rateChangedOn']);
    assert.match(roiSummaryLines(f, t).join('\n'), /No costs entered for Google PMLE[^]*set your current billing rate, the day the rate changed/);
  });

  it('formats dollars the same on every machine', () => {
    assert.equal(formatUsd(141_440), '141,440 USD');
    assert.equal(formatUsd(12.5), '12.50 USD');
    assert.equal(formatUsd(0.1 + 0.2), '0.30 USD');
  });
});

describe('cost and rate arguments', () => {
  it('refuse a negative cost and a rate that is not a number, naming the field', () => {
    assert.throws(() => parseCommandArg(EditCostsArgSchema, { key: 'aws-mla-c01', items: [{ kind: 'exam', amountUsd: -150 }] }, t), /^ArgumentError: items\[0\]\.amountUsd: a cost cannot be negative, got -150$/);
    assert.throws(() => parseCommandArg(EditCostsArgSchema, { key: 'aws-mla-c01', items: [{ kind: 'lunch', amountUsd: 15 }] }, t), /^ArgumentError: items\[0\]\.kind: must be one of "exam", "retake", "voucher", "course" or "other", got "lunch"$/);
    assert.throws(() => parseCommandArg(SetBillingRatesArgSchema, { current: '260' }, t), /current: expected a billing rate in USD an hour \(a number\), got "260"/);
    assert.throws(() => parseCommandArg(SetBillingRatesArgSchema, { baseline: Number.NaN }, t), /baseline: expected a billing rate in USD an hour \(a number\), got NaN/);
    assert.throws(() => parseCommandArg(SetBillingRatesArgSchema, { baseline: -5 }, t), /baseline: a billing rate cannot be negative/);
    assert.deepEqual(parseCommandArg(EditCostsArgSchema, { key: 'aws-mla-c01', items: [{ kind: 'exam', amountUsd: 150 }] }, t), {
      key: 'aws-mla-c01',
      items: [{ kind: 'exam', amountUsd: 150, note: '' }],
    });
  });
});

describe('RoiService', () => {
  const temp = useTempFolder();
  const setup = async () => {
    const storage = new MemoryStorage();
    const store = new StudyStore(storage, new NodeFileAccess(), temp.path(), () => now);
    await store.load();
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-00000000000${++n}`;
    return { storage, store, roi: new RoiService(store, () => now, newId) };
  };

  it('keeps the certification’s cost equal to the sum of its items', async () => {
    const { store, roi } = await setup();
    await store.setCertifications([sampleCert({ key: 'aws-mla-c01' })]);
    const saved = await roi.setCosts('aws-mla-c01', [
      { kind: 'exam', amountUsd: 150, note: '' },
      { kind: 'course', amountUsd: 19.99, note: 'video course' },
    ]);
    assert.equal(saved.totalUsd, 169.99);
    assert.equal(store.state.get('certifications')[0].costUsd, 169.99);
    assert.equal(roi.costsOf('aws-mla-c01').length, 2);
    await roi.setCosts('aws-mla-c01', []);
    assert.equal(store.state.get('certifications')[0].costUsd, null);
    assert.deepEqual(store.state.get('costs'), {});
    await assert.rejects(roi.setCosts('google-pmle', []), /google-pmle is not among your certifications/);
    await assert.rejects(roi.setCosts('aws-mla-c01', [{ kind: 'exam', amountUsd: -1, note: '' }]), /A cost cannot be negative/);
    assert.deepEqual(store.state.get('costs'), {}, 'nothing saved');
  });

  it('sets the rates in the profile, keeping its other fields, and the day the rate changed beside it', async () => {
    const { store, roi } = await setup();
    await store.state.set('profile', { engineerId: '11111111-1111-4111-8111-111111111111', name: 'Alice Chen', email: 'alice@example.com', role: 'ML Engineer', billingRateUsd: { baseline: 150, current: null } });
    assert.deepEqual(await roi.setRates({ current: 260, changedOn: '2026-06-16' }), { baseline: 150, current: 260, changedOn: '2026-06-16' });
    assert.deepEqual(store.state.get('profile'), {
      engineerId: '11111111-1111-4111-8111-111111111111',
      name: 'Alice Chen',
      email: 'alice@example.com',
      role: 'ML Engineer',
      billingRateUsd: { baseline: 150, current: 260 },
    });
    await assert.rejects(roi.setRates({ changedOn: '2027-07-01' }), /changedOn: 2027-07-01 is in the future/);
    await assert.rejects(roi.setRates({ baseline: Number.NaN }), /baseline: a billing rate is a number/);
    assert.equal(store.state.get('roi').rateChangedOn, '2026-06-16', 'unchanged');
    assert.equal(roi.figures(32).extraRevenueUsd, 110 * 32 * 52);
  });

  it('starts a profile when the rates come first (its name is asked by Export for Team)', async () => {
    const { store, roi } = await setup();
    await roi.setRates({ baseline: 175, current: 260 });
    assert.deepEqual(store.state.get('profile'), {
      engineerId: '00000000-0000-4000-8000-000000000001',
      name: '',
      email: null,
      role: null,
      billingRateUsd: { baseline: 175, current: 260 },
    });
  });
});
