import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardData, type DashboardPlanning, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import type { Plan } from '../../src/core/model/plans';
import type { Profile } from '../../src/core/model/tracking';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { checkHostMessage } from '../../src/webviews/dashboard/protocol';
import { sampleCert, sampleSession } from './support/samples';

// In America/Denver (test/unit/support/timezone.ts). "Today" is Tuesday 2026-12-01.
const NOW = new Date(2026, 11, 1, 10, 0);
const SETTINGS: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: [], billableHoursPerWeek: 32 };
const catalog = new Catalog();

const PLAN: Plan = {
  id: 'enterprise',
  startMonth: '2026-06',
  createdAt: '2026-05-20T10:00:00.000-06:00',
  items: [
    { key: 'aws-mla-c01', slot: 'cloud', startMonth: '2026-06', endMonth: '2026-09' },
    { key: 'google-pmle', slot: 'second-cloud', startMonth: '2026-10', endMonth: '2027-02' },
  ],
};

/** The source article's example: 18,000 USD invested, the rate up from 175 to 260 USD an hour. */
const PROFILE: Profile = { engineerId: 'e-1', name: 'Dana', email: null, role: null, billingRateUsd: { baseline: 175, current: 260 } };
const PLANNING: DashboardPlanning = {
  plans: [PLAN],
  costs: {
    'aws-mla-c01': [
      { kind: 'exam', amountUsd: 150, note: '' },
      { kind: 'course', amountUsd: 9_850, note: 'bootcamp' },
    ],
    'google-pmle': [{ kind: 'course', amountUsd: 8_000, note: '' }],
  },
  // 52 weeks (364 days) before today.
  roi: { rateChangedOn: '2025-12-02' },
  profile: PROFILE,
};

const snapshot = {
  certifications: [
    sampleCert({ key: 'aws-mla-c01', status: 'passed', earnedOn: '2026-10-20' }),
    sampleCert({ key: 'google-pmle', status: 'studying' }),
    sampleCert({ key: 'azure-ai-103', status: 'planned' }),
  ],
  sessions: [
    sampleSession({ certKey: 'aws-mla-c01', start: '2026-07-02T08:00:00.000-06:00', end: '2026-07-02T09:00:00.000-06:00' }),
    sampleSession({ certKey: 'aws-mla-c01', start: '2026-09-30T08:00:00.000-06:00', end: '2026-09-30T09:30:00.000-06:00' }),
    sampleSession({ certKey: 'google-pmle', start: '2026-11-03T08:00:00.000-07:00', end: '2026-11-03T09:00:00.000-07:00' }),
  ],
  practiceExams: [],
};

const figures = (planning: DashboardPlanning | undefined, cert: string | null = null, settings = SETTINGS) =>
  dashboardData({ snapshot, planning, catalog, filter: { range: '26w', cert }, settings, now: NOW }, t);

describe('dashboard: plan timeline and return on investment', () => {
  it('sets each planned certification’s months against the months studied and the day passed', () => {
    const d = figures(PLANNING);
    assert.ok(d.plans);
    assert.equal(d.plans.timelines.length, 1);
    const [tl] = d.plans.timelines;
    assert.equal(tl.id, 'enterprise');
    assert.equal(tl.thisMonth, '2026-12');
    assert.equal(tl.months[0], '2026-06');
    assert.equal(tl.months.at(-1), '2027-08', 'the end of the enterprise stack (15 months from 2026-06)');
    assert.equal(tl.passed, 1);
    assert.deepEqual(
      tl.rows.map((r) => [r.key, r.plannedFrom, r.plannedTo, r.study, r.passedOn, r.state]),
      [
        [
          'aws-mla-c01',
          '2026-06',
          '2026-09',
          [
            { month: '2026-07', minutes: 60 },
            { month: '2026-09', minutes: 90 },
          ],
          '2026-10-20',
          'passed-late',
        ],
        ['google-pmle', '2026-10', '2027-02', [{ month: '2026-11', minutes: 60 }], null, 'current'],
      ],
    );
    assert.equal(tl.rows[0].stateText, 'passed after its planned months');
    assert.match(d.plans.summary, /1 of 2 passed/);
    assert.match(d.plans.summary, /AWS MLA-C01 planned 2026-06 to 2026-09, passed after its planned months \(2026-10-20\)/);
  });

  it('works out the article’s ROI: 18,000 USD invested, 175 → 260 USD/h, 32 h a week for 52 weeks', () => {
    const { roi } = figures(PLANNING);
    assert.ok(roi);
    assert.equal(roi.investedUsd, 18_000);
    assert.equal(roi.baselineRateUsd, 175);
    assert.equal(roi.currentRateUsd, 260);
    assert.equal(roi.rateChangeUsd, 85);
    assert.equal(roi.weeksSinceChange, 52);
    assert.equal(roi.billableHoursPerWeek, 32);
    assert.equal(roi.extraRevenueUsd, 141_440);
    assert.equal(roi.returnMultiple, 7.9);
    assert.deepEqual(roi.withoutCosts, [{ key: 'azure-ai-103', name: 'Azure AI-103' }]);
    assert.equal(roi.headline, 'Invested 18,000 USD · rate 175 → 260 USD/h (+85) · about 141,440 USD extra over 52 weeks at 32 h a week');
    assert.match(roi.hint, /No costs entered for Azure AI-103: run "Edit Costs" \(certStudy\.editCosts\)/);
  });

  it('uses the billable hours setting, and ignores the certification filter', () => {
    const { roi, plans } = figures(PLANNING, 'google-pmle', { ...SETTINGS, billableHoursPerWeek: 20 });
    assert.equal(roi!.extraRevenueUsd, 85 * 20 * 52);
    assert.equal(plans!.timelines[0].rows.length, 2);
  });

  it('says what is missing: no plan, no rates, no costs', () => {
    const none = figures({ plans: [], costs: {}, roi: { rateChangedOn: null }, profile: null });
    assert.equal(none.plans, null);
    assert.equal(none.roi, null);
    assert.equal(figures(undefined).plans, null);
    assert.equal(figures(undefined).roi, null);
    const costsOnly = figures({ ...PLANNING, profile: null, roi: { rateChangedOn: null } }).roi!;
    assert.equal(costsOnly.headline, 'Invested 18,000 USD');
    assert.equal(costsOnly.extraRevenueUsd, null);
    assert.match(costsOnly.hint, /set your baseline billing rate, your current billing rate, the day the rate changed: run "Set Billing Rates" \(certStudy\.setBillingRates\)/);
  });

  it('fits the message schema', () => {
    for (const planning of [PLANNING, undefined]) {
      const checked = checkHostMessage({ type: 'data', data: figures(planning) });
      assert.ok(checked.ok, checked.ok ? '' : checked.reason);
    }
  });
});
