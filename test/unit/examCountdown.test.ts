import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { CATALOG_ENTRIES } from '../../src/core/catalog/entries';
import { effectiveStatus, expiresOn } from '../../src/core/certifications/certifications';
import { applyExamResult } from '../../src/core/certifications/examResult';
import { countdownOf, dueRenewalReminder, nextLocalMidnight, readStatusRecord, type ExamItem, type RenewalItem } from '../../src/core/exam/statusCountdown';
import { buildStatusRecord, paceMinutesPerDay } from '../../src/core/exam/statusRecord';
import { calendarDaysUntil as daysUntil } from '../../src/core/time/localDays';
import { formatPlaceholders } from '../../src/core/util/localize';
import { sampleCert, samplePractice, sampleSession } from './support/samples';

const t = formatPlaceholders;
const settings = { renewalWarnDays: 90, paceWarningDays: 14 };

/** Runs `work` as an engineer in `zone`; the unit suite's own zone (Denver) comes back after. */
function inZone<T>(zone: string, work: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return work();
  } finally {
    process.env.TZ = before;
  }
}

const exam = (date: string, overrides: Partial<ExamItem> = {}): ExamItem => ({
  kind: 'exam',
  key: 'aws-mla-c01',
  label: 'AWS MLA-C01',
  date,
  loggedMinutes: 0,
  targetMinutes: null,
  paceMinutesPerDay: 0,
  practice: null,
  ...overrides,
});
const renewal = (date: string, reminded: number[] = []): RenewalItem => ({ kind: 'renewal', key: 'google-pmle', label: 'Google PMLE', date, reminded });

describe('exam countdown in local calendar days', () => {
  it('counts days across the daylight-saving changes in Denver (23- and 25-hour days)', () => {
    inZone('America/Denver', () => {
      assert.equal(daysUntil('2026-03-09', new Date(2026, 2, 7, 23, 30)), 2);
      assert.equal(daysUntil('2026-11-02', new Date(2026, 9, 31, 0, 5)), 2);
      assert.equal(daysUntil('2026-11-01', new Date(2026, 10, 1, 23, 59)), 0);
      assert.deepEqual(nextLocalMidnight(new Date(2026, 2, 7, 22, 0)), new Date(2026, 2, 8));
    });
  });

  it('counts days in Kolkata (no DST, +05:30) and Auckland (DST in April and September)', () => {
    inZone('Asia/Kolkata', () => {
      assert.equal(daysUntil('2026-12-25', new Date(2026, 11, 24, 23, 59)), 1);
    });
    inZone('Pacific/Auckland', () => {
      // Clocks go back on 2026-04-05 and forward on 2026-09-27.
      assert.equal(daysUntil('2026-04-06', new Date(2026, 3, 4, 12, 0)), 2);
      assert.equal(daysUntil('2026-09-28', new Date(2026, 8, 26, 12, 0)), 2);
      assert.equal(nextLocalMidnight(new Date(2026, 8, 26, 23, 0)).getDate(), 27);
    });
  });

  it('knows 29 February 2028', () => {
    inZone('America/Denver', () => {
      assert.equal(daysUntil('2028-03-01', new Date(2028, 1, 28, 9)), 2);
      assert.equal(countdownOf({ v: 1, items: [exam('2028-02-29')] }, new Date(2028, 1, 28, 9), settings, t)?.text, '$(mortar-board) AWS MLA-C01 · tomorrow');
    });
  });

  it('shows the nearest booked exam ("today", "tomorrow", "23d"), before any renewal', () => {
    const now = new Date(2026, 11, 1, 10);
    const record = { v: 1, items: [renewal('2027-01-15'), exam('2026-12-24'), exam('2027-02-01', { key: 'google-pmle', label: 'Google PMLE' })] };
    assert.equal(countdownOf(record, now, settings, t)?.text, '$(mortar-board) AWS MLA-C01 · 23d');
    assert.equal(countdownOf({ v: 1, items: [exam('2026-12-01')] }, now, settings, t)?.text, '$(mortar-board) AWS MLA-C01 · today');
    assert.equal(countdownOf({ v: 1, items: [exam('2026-11-30')] }, now, settings, t), null, 'a past exam is not counted down');
  });

  it('shows the renewal countdown only when no exam is booked and the expiry is within the warning window', () => {
    const now = new Date(2026, 11, 1, 10);
    assert.equal(countdownOf({ v: 1, items: [renewal('2027-01-15')] }, now, settings, t)?.text, '$(history) renew Google PMLE · 45d');
    assert.equal(countdownOf({ v: 1, items: [renewal('2027-06-15')] }, now, settings, t), null);
    assert.match(countdownOf({ v: 1, items: [renewal('2026-11-20')] }, now, settings, t)!.text, /Google PMLE expired/);
  });

  it('warns in the last two weeks only when behind pace, with the hours a day still needed', () => {
    const now = new Date(2026, 11, 1, 10);
    const behind = exam('2026-12-11', { targetMinutes: 100 * 60, loggedMinutes: 60 * 60, paceMinutesPerDay: 60 });
    const c = countdownOf({ v: 1, items: [behind] }, now, settings, t)!;
    assert.equal(c.warning, true, '40 h in 10 days needs 4 h a day; the pace is 1 h');
    assert.match(c.tooltip, /4 h a day still needed; your pace over the last 28 days: 1 h a day/);
    assert.match(c.tooltip, /60 of 100 h logged/);
    assert.equal(countdownOf({ v: 1, items: [{ ...behind, paceMinutesPerDay: 300 }] }, now, settings, t)!.warning, false, 'on pace');
    assert.equal(countdownOf({ v: 1, items: [{ ...behind, date: '2027-01-30' }] }, now, settings, t)!.warning, false, 'too far out to warn');
  });

  it('reminds once at each of 90, 30 and 7 days, the most urgent one crossed', () => {
    const now = new Date(2026, 11, 1, 10);
    assert.equal(dueRenewalReminder(renewal('2027-03-01'), now), 90);
    assert.equal(dueRenewalReminder(renewal('2027-03-01', [90]), now), null);
    assert.equal(dueRenewalReminder(renewal('2026-12-20', [90]), now), 30);
    assert.equal(dueRenewalReminder(renewal('2026-12-05', []), now), 7);
    assert.equal(dueRenewalReminder(renewal('2027-06-01'), now), null);
  });

  it('refuses a stored record of another shape instead of showing nonsense', () => {
    assert.equal(readStatusRecord({ v: 2, items: [] }), null);
    assert.equal(readStatusRecord({ v: 1, items: [{ kind: 'exam', key: 'x', label: 'x', date: 'soon' }] }), null);
    assert.ok(readStatusRecord({ v: 1, items: [exam('2027-01-01')] }));
  });
});

describe('status record and pace', () => {
  const catalog = new Catalog();

  it('averages the last 28 days of study, today included, for the certification', () => {
    const now = new Date('2026-12-01T17:00:00Z');
    const sessions = [
      sampleSession({ start: '2026-11-30T08:00:00.000-07:00', end: '2026-11-30T10:20:00.000-07:00' }), // 140 min
      sampleSession({ start: '2026-10-01T08:00:00.000-06:00', end: '2026-10-01T10:00:00.000-06:00' }), // outside the window
      sampleSession({ certKey: 'google-pmle', start: '2026-11-29T08:00:00.000-07:00', end: '2026-11-29T09:00:00.000-07:00' }),
    ];
    assert.equal(paceMinutesPerDay(sessions, 'aws-mla-c01', now), 5);
  });

  it('lists booked exams ahead with their figures, and held certifications by expiry', () => {
    const now = new Date('2026-12-01T17:00:00Z');
    const record = buildStatusRecord(
      {
        logsLoaded: true,
        certifications: [
          sampleCert({ status: 'scheduled', examDate: '2026-12-24', targetMinutes: 120 * 60 }),
          sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2025-01-15', examDate: '2025-01-15' }),
        ],
        customCertifications: [],
        profile: null,
        sessions: [sampleSession({ start: '2026-11-30T08:00:00.000-07:00', end: '2026-11-30T10:00:00.000-07:00' })],
        practiceExams: [samplePractice({ scorePercent: 78 })],
      } as never,
      catalog,
      now,
      75,
      {},
      t,
    );
    assert.deepEqual(
      record.items.map((i) => [i.kind, i.key, i.date]),
      [
        ['exam', 'aws-mla-c01', '2026-12-24'],
        ['renewal', 'google-pmle', '2027-01-15'],
      ],
    );
    const item = record.items[0] as ExamItem;
    assert.equal(item.loggedMinutes, 120);
    assert.match(item.practice!, /^Latest practice score 78 % \(pass ≈ \d+(\.\d)? %\)$/);
    assert.ok(JSON.stringify(record).length < 2000, 'small enough for globalState at every start');
  });

  it('keeps a custom name as typed: no icon or Markdown image reaches the status bar or its hover', () => {
    const custom = new Catalog(undefined, [{ key: 'custom:x', name: '$(alert) ![](https://x.io/p)', provider: 'Acme', domains: [], passMarkPercent: null, validityMonths: null }]);
    const record = buildStatusRecord(
      { logsLoaded: true, certifications: [sampleCert({ key: 'custom:x', status: 'scheduled', examDate: '2026-12-24' })], customCertifications: [], profile: null, sessions: [], practiceExams: [] } as never,
      custom,
      new Date('2026-12-01T17:00:00Z'),
      75,
      {},
      t,
    );
    const item = record.items[0];
    assert.equal(item.label, '$(alert) ![](https://x.io/p)', 'the record keeps the name as typed');
    const shown = countdownOf(record, new Date('2026-12-01T17:00:00Z'), settings, t)!;
    assert.deepEqual(shown.text.match(/\$\([\w-]+\)/g), ['$(mortar-board)'], 'the status bar draws only its own icon');
    assert.doesNotMatch(shown.text, /\]\(/, 'no Markdown link or image syntax left');
    assert.equal(shown.text.replace(/\u2060/g, ''), '$(mortar-board) $(alert) ![](https://x.io/p) · 23d', 'reads as typed');
    assert.ok(shown.tooltip.startsWith('**&#36;\\(alert\\) \\!\\[\\]\\(https\\://x\\.io/p\\)**: exam on 2026-12-24'), shown.tooltip);
  });

  it('escapes the name in the countdown hover: HTML as entities, nothing stripped (issue 18)', () => {
    const name = '<img src=x onerror="window.__pwned=1">';
    const examHover = countdownOf({ v: 1, items: [exam('2026-12-24', { label: name })] }, new Date(2026, 11, 1, 12), settings, t)!;
    assert.equal(examHover.tooltip.split('\n')[0], '**&lt;img src=x onerror="window\\.\\_\\_pwned=1"&gt;**: exam on 2026-12-24 (in 23 days)');
    assert.equal(examHover.accessibilityLabel, `${name} exam in 23 days`);
    const renewalHover = countdownOf({ v: 1, items: [{ ...renewal('2026-12-24'), label: '$(alert) & <b>' }] }, new Date(2026, 11, 1, 12), settings, t)!;
    assert.equal(renewalHover.tooltip.split('\n')[0], '**&#36;\\(alert\\) &amp; &lt;b&gt;**: expires in 23 days (2026-12-24)');
    assert.deepEqual(renewalHover.text.match(/\$\([\w-]+\)/g), ['$(history)']);
  });
});

describe('exam results and the status lifecycle', () => {
  const catalog = new Catalog();
  const now = new Date('2026-12-01T17:00:00Z');

  it('computes the expiry from each catalog validity rule, and none where the rule is unknown or never expires', () => {
    for (const entry of CATALOG_ENTRIES) {
      const cert = sampleCert({ key: entry.key, status: 'passed', earnedOn: '2026-01-31' });
      const expiry = expiresOn(cert, entry);
      if (entry.validity.expires === false || entry.validity.months === null) {
        assert.equal(expiry, null, entry.key);
        continue;
      }
      // Independently: 31 January plus whole months, clamped to that month's last day.
      const month = entry.validity.months % 12; // 0-based month after adding
      const year = 2026 + Math.floor(entry.validity.months / 12);
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      assert.equal(expiry, `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(31, lastDay)).padStart(2, '0')}`, entry.key);
    }
    const custom = new Catalog(undefined, [{ key: 'custom:acme-ml', name: 'Acme ML', provider: 'Acme', domains: [], passMarkPercent: 70, validityMonths: 18 }]);
    assert.equal(expiresOn(sampleCert({ key: 'custom:acme-ml', status: 'passed', earnedOn: '2026-05-10' }), custom.get('custom:acme-ml')), '2027-11-10', 'a custom validity rule');
    const pmle = catalog.get('google-pmle')!;
    assert.equal(expiresOn(sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2026-01-31' }), pmle), `2028-01-31`);
    assert.equal(expiresOn(sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2028-02-29' }), pmle), `2030-02-28`, 'a leap-day pass expires on the last day of February');
  });

  it('moves planned → studying → scheduled → passed → expired, and failed keeps the plan', () => {
    const entry = catalog.get('aws-mla-c01');
    const booked = sampleCert({ status: 'scheduled', examDate: '2026-11-28', targetMinutes: 6000 });
    const failed = applyExamResult(booked, entry, { passed: false, date: '2026-11-28', score: 640 }, now, t);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.targetMinutes, 6000, 'the plan stays');
    assert.deepEqual(failed.attempts, [{ takenOn: '2026-11-28', passed: false, score: 640, scale: '100-1000' }]);
    const passed = applyExamResult(failed, entry, { passed: true, date: '2026-11-30', score: 812 }, now, t);
    assert.equal(passed.status, 'passed');
    assert.equal(passed.earnedOn, '2026-11-30');
    assert.equal(passed.attempts.length, 2);
    const expiry = expiresOn(passed, entry)!;
    assert.equal(effectiveStatus(passed, entry, now), 'passed');
    const [y, m, d] = expiry.split('-').map(Number);
    assert.equal(effectiveStatus(passed, entry, new Date(y, m - 1, d, 23, 59)), 'passed', 'valid through its last day');
    assert.equal(effectiveStatus(passed, entry, new Date(y, m - 1, d + 1, 0, 1)), 'expired');
  });

  it('refuses a score off the scale, a future date, and a result after the exam retired', () => {
    const mla = catalog.get('aws-mla-c01');
    const cert = sampleCert();
    assert.throws(() => applyExamResult(cert, mla, { passed: true, date: '2026-11-30', score: 1200 }, now, t), /score: 1200 is outside the exam's scale 100-1000/);
    assert.throws(() => applyExamResult(cert, mla, { passed: true, date: '2026-12-05', score: null }, now, t), /is in the future/);
    const mls = catalog.get('aws-mls-c01');
    assert.throws(() => applyExamResult(sampleCert({ key: 'aws-mls-c01' }), mls, { passed: true, date: '2026-06-01', score: null }, now, t), /retired on 2026-03-31/);
    assert.equal(applyExamResult(sampleCert({ key: 'aws-mls-c01' }), mls, { passed: true, date: '2026-03-01', score: null }, now, t).status, 'passed', 'earned before retirement: valid');
  });
});
