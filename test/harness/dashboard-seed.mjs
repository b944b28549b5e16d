// A small, hand-checkable data set for the dashboard's UI test and screenshots, written as a
// seed file for src/platform/demoSeed.ts (imported by the extension into an EMPTY profile when
// CERT_STUDY_DEMO_SEED names it). Dates are relative to today in this machine's local time,
// which is also the extension host's (code-server runs here).
import { writeFileSync } from 'node:fs';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_KEY = 'custom:img-src-x-onerror-alert-1';

const pad = (n) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of a local Date. */
export const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A local wall-clock time with this machine's UTC offset, as the extension stores instants. */
function instant(d) {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${isoDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:00.000${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/**
 * @param {Date} [now]
 * @returns the seed and what the dashboard must show for it (checked by hand in the comments)
 */
export function dashboardSeed(now = new Date()) {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  /** A day of the week `weeksBack` weeks before this one (0 = Monday). */
  const day = (weeksBack, weekday, hours = 8, minutes = 0) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * weeksBack + weekday, hours, minutes);
  const session = (certKey, start, minutes, domainId = null) => ({
    id: uuid(),
    certKey,
    start: instant(start),
    end: instant(new Date(start.getTime() + minutes * 60_000)),
    domainId,
    activity: 'reading',
    source: 'manual',
    note: '',
  });
  const exam = (takenAt, percent) => ({ id: uuid(), certKey: 'aws-mla-c01', takenAt: instant(takenAt), scorePercent: percent, entered: { kind: 'percent', percent }, domainScores: {}, source: 'Official practice question set', note: '' });
  const cert = (key, fields) => ({ key, status: 'studying', examDate: null, targetMinutes: null, costUsd: null, notes: '', addedAt: instant(day(3, 0)), earnedOn: null, expiresOnOverride: null, attempts: [], ...fields });
  const exam28 = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 28);

  const seed = {
    certifications: [
      cert('aws-mla-c01', { status: 'scheduled', examDate: isoDay(exam28), targetMinutes: 90 * 60 }),
      cert(HOSTILE_KEY, { targetMinutes: 10 * 60 }),
    ],
    customCertifications: [{ key: HOSTILE_KEY, name: HOSTILE_NAME, provider: 'Hostile Inc', domains: [], passMarkPercent: 70, validityMonths: null }],
    sessions: [
      // Last week: Monday 60 min and Tuesday 90 min of MLA-C01, Thursday 30 min of the custom one.
      session('aws-mla-c01', day(1, 0), 60, 'data-preparation'),
      session('aws-mla-c01', day(1, 1), 90, 'ml-model-development'),
      session(HOSTILE_KEY, day(1, 3), 30),
      // The week before: Wednesday 120 min of MLA-C01.
      session('aws-mla-c01', day(2, 2), 120, 'data-preparation'),
    ],
    practiceExams: [exam(day(2, 4, 19), 62), exam(day(1, 4, 19), 81)],
  };
  return {
    seed,
    expected: {
      /** Weekly hours: last week 2.5 + 0.5 = 3 h, the week before 2 h. */
      lastWeek: { start: isoDay(day(1, 0)), mla: '2.5', hostile: '0.5', total: '3' },
      weekBefore: { start: isoDay(day(2, 0)), mla: '2', total: '2' },
      /**
       * Pace: 270 min in the last 28 days (all of it) = 9.6 min a day; 5,130 min to go, 28 days
       * left: 270 more at this pace, so 4,860 min = 81 h behind; 5,130 / 28 = 183 min = 3.1 h a day.
       */
      forecast: '81 hours behind, 3.1 h/day needed',
      practice: [
        { day: isoDay(day(2, 4)), percent: '62' },
        { day: isoDay(day(1, 4)), percent: '81' },
      ],
      /** Domains: Data Preparation 180 min (66.7 %), ML Model Development 90 min (33.3 %). */
      domains: { dataPrep: { hours: '3', share: '66.7', weight: '28' }, modelDev: { hours: '1.5', share: '33.3', weight: '26' } },
      studyDays: [
        { day: isoDay(day(2, 2)), minutes: '120' },
        { day: isoDay(day(1, 0)), minutes: '60' },
        { day: isoDay(day(1, 1)), minutes: '90' },
        { day: isoDay(day(1, 3)), minutes: '30' },
      ],
    },
  };
}

/** Writes the seed file; returns the expectations. */
export function writeDashboardSeed(file, now = new Date()) {
  const { seed, expected } = dashboardSeed(now);
  writeFileSync(file, JSON.stringify(seed));
  return expected;
}

/**
 * The dashboard page inside the workbench: a webview is an iframe (the host page) holding the
 * page's own iframe (#active-frame).
 * @param {import('playwright-core').Page} page
 */
export function dashboardFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
