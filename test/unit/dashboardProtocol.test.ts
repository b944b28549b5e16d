import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardData, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import type { CustomCertification } from '../../src/core/model/tracking';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { dashboardHtml, escapeHtml, newNonce } from '../../src/features/dashboard/dashboardHtml';
import { checkHostMessage, checkWebviewMessage, DEFAULT_VIEW_STATE, savedViewState, viewStateOrDefault } from '../../src/webviews/dashboard/protocol';
import { generateTenYears } from '../support/studyDataGenerator';
import { sampleCert, samplePractice, sampleSession } from './support/samples';

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostileCustom: CustomCertification = { key: 'custom:img-src-x-onerror-alert-1', name: HOSTILE, provider: 'Acme', domains: [], passMarkPercent: 70, validityMonths: null };
const SETTINGS: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: [] };
const NOW = new Date(2026, 11, 1, 10, 0); // Tuesday 2026-12-01 10:00 in Denver

describe('dashboard: messages between the panel and its page', () => {
  it('accepts the page messages of the protocol', () => {
    for (const message of [
      { type: 'ready', state: null },
      { type: 'ready', state: { filter: { range: '12w', cert: 'aws-mla-c01' }, tables: ['weekly', 'days'] } },
      { type: 'ready', state: { filter: { range: '12w', cert: null }, tables: ['plans', 'roi'] } },
      { type: 'filter', filter: { range: 'all', cert: null } },
      { type: 'drawn', reason: 'theme', charts: 5, ms: 12.5 },
      { type: 'problem', message: 'boom' },
    ]) {
      assert.ok(checkWebviewMessage(message).ok, JSON.stringify(message));
    }
  });

  it('refuses unknown and malformed ones, saying where', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /^type: /],
      [{ type: 'filter', filter: { range: '7w', cert: null } }, /^filter\.range: /],
      [{ type: 'filter', filter: { range: '4w', cert: null }, extra: 1 }, /extra/],
      [{ type: 'drawn', reason: 'data', charts: -1, ms: 1 }, /^charts: /],
      [{ type: 'problem', message: 'x'.repeat(3000) }, /^message: /],
      ['ready', /^message: /],
      [null, /^message: /],
    ];
    for (const [raw, reason] of cases) {
      const checked = checkWebviewMessage(raw);
      assert.equal(checked.ok, false, JSON.stringify(raw)?.slice(0, 80));
      if (!checked.ok) {
        assert.match(checked.reason, reason);
        assert.ok(checked.reason.length < 400, 'a short log line, even for a huge message');
      }
    }
  });

  it('falls back to the default view state when the saved one does not fit', () => {
    assert.equal(savedViewState(undefined), null, 'a new panel: the host decides');
    assert.equal(savedViewState({ filter: { range: '3y', cert: null }, tables: [] }), null);
    assert.deepEqual(viewStateOrDefault(undefined), DEFAULT_VIEW_STATE);
    assert.deepEqual(viewStateOrDefault({ filter: { range: '3y', cert: null }, tables: [] }), DEFAULT_VIEW_STATE);
    const saved = { filter: { range: '4w', cert: 'google-pmle' }, tables: ['practice'] };
    assert.deepEqual(viewStateOrDefault(saved), saved);
  });

  it('checks what the host sends: the figures of ten years of data fit the schema, a broken message does not', () => {
    const data = generateTenYears(42, NOW);
    const figures = dashboardData({ snapshot: data, catalog: new Catalog(), filter: { range: 'all', cert: null }, settings: SETTINGS, now: NOW }, t);
    const checked = checkHostMessage({ type: 'data', data: figures });
    assert.ok(checked.ok, checked.ok ? '' : checked.reason);
    assert.equal(checkHostMessage({ type: 'data', data: { ...figures, weeks: 'all of them' } }).ok, false);
    assert.equal(checkHostMessage({ type: 'eval', code: 'alert(1)' }).ok, false);
  });

  it('accepts the plan timeline and ROI figures, and refuses malformed ones', () => {
    const base = dashboardData({ snapshot: { certifications: [], sessions: [], practiceExams: [] }, catalog: new Catalog(), filter: { range: '4w', cert: null }, settings: SETTINGS, now: NOW }, t);
    const plans = {
      timelines: [
        {
          id: 'enterprise',
          name: 'Enterprise ML Engineer',
          months: ['2026-06', '2026-07', '2026-08'],
          thisMonth: '2026-08',
          passed: 1,
          rows: [{ key: 'aws-mla-c01', name: 'AWS MLA-C01', plannedFrom: '2026-06', plannedTo: '2026-07', study: [{ month: '2026-06', minutes: 90 }], passedOn: '2026-07-20', state: 'passed-on-time', stateText: 'passed on time' }],
        },
      ],
      summary: 'Enterprise ML Engineer: 1 of 1 passed.',
    };
    const roi = {
      investedUsd: 18_000,
      baselineRateUsd: 175,
      currentRateUsd: 260,
      rateChangeUsd: 85,
      rateChangedOn: '2025-12-02',
      weeksSinceChange: 52,
      billableHoursPerWeek: 32,
      extraRevenueUsd: 141_440,
      returnMultiple: 7.9,
      withoutCosts: [],
      headline: 'Invested 18,000 USD · rate 175 → 260 USD/h (+85) · about 141,440 USD extra over 52 weeks at 32 h a week',
      hint: '',
    };
    const ok = (data: unknown) => checkHostMessage({ type: 'data', data });
    assert.ok(ok({ ...base, plans, roi }).ok);
    assert.ok(ok({ ...base, plans: null, roi: null }).ok);
    const row = plans.timelines[0].rows[0];
    const broken: [unknown, RegExp][] = [
      [{ ...base, plans, roi: { ...roi, investedUsd: -1 } }, /^data\.roi\.investedUsd: /],
      [{ ...base, plans, roi: { ...roi, extraRevenueUsd: '141440' } }, /^data\.roi\.extraRevenueUsd: /],
      [{ ...base, plans: { ...plans, timelines: [{ ...plans.timelines[0], rows: [{ ...row, plannedFrom: '2026-13' }] }] }, roi }, /^data\.plans\.timelines\.0\.rows\.0\.plannedFrom: /],
      [{ ...base, plans: { ...plans, timelines: [{ ...plans.timelines[0], rows: [{ ...row, state: 'done' }] }] }, roi }, /state/],
      [{ ...base, plans, roi: { ...roi, script: '<img>' } }, /script/],
      [{ ...base, plans: undefined, roi }, /^data\.plans: /],
    ];
    for (const [data, reason] of broken) {
      const checked = ok(data);
      assert.equal(checked.ok, false, JSON.stringify(data).slice(0, 80));
      if (!checked.ok) assert.match(checked.reason, reason);
    }
  });
});

describe('dashboard: the pass forecast in the message', () => {
  const snapshot = {
    certifications: [sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2026-12-29' }), sampleCert({ key: hostileCustom.key, status: 'studying' })],
    sessions: [],
    practiceExams: [
      samplePractice({ takenAt: '2026-11-10T19:00:00.000-07:00', scorePercent: 60 }),
      samplePractice({ takenAt: '2026-11-17T19:00:00.000-07:00', scorePercent: 68 }),
      samplePractice({ takenAt: '2026-11-24T19:00:00.000-07:00', scorePercent: 70 }),
      samplePractice({ certKey: hostileCustom.key, takenAt: '2026-11-24T19:00:00.000-07:00', scorePercent: 70 }),
    ],
  };
  const figures = dashboardData({ snapshot, catalog: new Catalog(undefined, [hostileCustom]), filter: { range: '4w', cert: null }, settings: SETTINGS, now: NOW }, t);

  it('carries each certification’s forecast to its booked exam day, and the reason where there is none', () => {
    const [mla, hostile] = figures.practice.series;
    assert.equal(mla.forecast.kind === 'forecast' && mla.forecast.targetDate, '2026-12-29');
    assert.equal(hostile.name, HOSTILE, 'user text stays as it is: the page shows it as text');
    assert.equal(hostile.forecast.kind, 'insufficient');
    const checked = checkHostMessage({ type: 'data', data: figures });
    assert.ok(checked.ok, checked.ok ? '' : checked.reason);
  });

  it('refuses a forecast off the percent scale, of an unknown kind, or with markup fields', () => {
    const f = figures.practice.series[0].forecast;
    assert.equal(f.kind, 'forecast');
    if (f.kind !== 'forecast') return;
    const withForecast = (forecast: unknown) => ({ ...figures, practice: { ...figures.practice, series: [{ ...figures.practice.series[0], forecast }] } });
    const broken: [unknown, RegExp][] = [
      [{ ...f, high: 101 }, /^data\.practice\.series\.0\.forecast\.high: /],
      [{ ...f, points: [{ ...f.points[0], low: -1 }] }, /^data\.practice\.series\.0\.forecast\.points\.0\.low: /],
      [{ ...f, kind: 'probability' }, /forecast/],
      [{ kind: 'insufficient', reason: 'x', text: 'y', html: '<b>' }, /html/],
      [undefined, /forecast/],
    ];
    for (const [forecast, reason] of broken) {
      const checked = checkHostMessage({ type: 'data', data: withForecast(forecast) });
      assert.equal(checked.ok, false, JSON.stringify(forecast)?.slice(0, 80));
      if (!checked.ok) assert.match(checked.reason, reason);
    }
  });
});

describe('dashboard: the page HTML', () => {
  const input = { cspSource: 'https://webview.example', scriptUri: 'https://webview.example/dist/webview.js', styleUri: 'https://webview.example/media/dashboard.css', title: 'Dashboard', loading: 'Loading…', lang: 'en' };

  it('allows only its own script with this render’s nonce and its own stylesheet: no inline code, eval or remote content', () => {
    const nonce = newNonce();
    const html = dashboardHtml({ ...input, nonce });
    // As the browser reads the attribute: entities decoded.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(csp, `default-src 'none'; style-src https://webview.example; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|https?:\/\/(?!webview\.example)/);
    assert.match(html, new RegExp(`<script nonce="${escapeHtml(nonce).replace(/[+/=]/g, '\\$&')}" src="https://webview.example/dist/webview.js"></script>`));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline one');
  });

  it('draws a fresh 128-bit nonce from crypto on every render', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('escapes what it writes', () => {
    const html = dashboardHtml({ ...input, nonce: 'n', title: HOSTILE, loading: '"><script>alert(1)</script>' });
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});

describe('dashboard: all figures for one filter', () => {
  const snapshot = {
    certifications: [
      sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2026-12-31', targetMinutes: 50 * 60 }),
      sampleCert({ key: 'google-pmle', status: 'passed', targetMinutes: 10 * 60 }),
      sampleCert({ key: hostileCustom.key, status: 'studying', targetMinutes: 60 }),
      sampleCert({ key: 'databricks-ml-associate', status: 'passed', targetMinutes: 60 * 60 }),
    ],
    sessions: [
      sampleSession({ start: '2026-11-30T08:00:00.000-07:00', end: '2026-11-30T09:00:00.000-07:00' }),
      sampleSession({ certKey: 'google-pmle', start: '2026-11-24T08:00:00.000-07:00', end: '2026-11-24T10:00:00.000-07:00' }),
      sampleSession({ certKey: hostileCustom.key, start: '2026-11-26T08:00:00.000-07:00', end: '2026-11-26T08:30:00.000-07:00' }),
      // A certification removed from the list: its time still counts in "all".
      sampleSession({ certKey: 'azure-ai-103', start: '2026-11-25T08:00:00.000-07:00', end: '2026-11-25T08:45:00.000-07:00' }),
      sampleSession({ start: '2025-06-02T08:00:00.000-06:00', end: '2025-06-02T09:00:00.000-06:00' }),
    ],
    practiceExams: [samplePractice({ takenAt: '2026-11-28T19:00:00.000-07:00', scorePercent: 70 })],
  };
  const catalog = new Catalog(undefined, [hostileCustom]);
  const figures = (filter: { range: '4w' | '12w' | '26w' | 'all'; cert: string | null }) => dashboardData({ snapshot, catalog, filter, settings: SETTINGS, now: NOW }, t);

  it('offers the tracked certifications, forecasts the ones being worked on, keeps user names as they are', () => {
    const d = figures({ range: '4w', cert: null });
    assert.equal(d.today, '2026-12-01');
    assert.deepEqual(d.certifications.map((c) => c.name), ['AWS MLA-C01', 'Google PMLE', HOSTILE, 'Databricks ML Assoc']);
    assert.deepEqual(d.forecast.map((f) => f.key), ['aws-mla-c01', hostileCustom.key], 'not the passed one; booked exam first');
    // The custom one: 30 of 60 min, at 30 min in 28 days the rest takes 28 days (today is day 1).
    assert.equal(d.forecast[1].headline, 'Target reached on 2026-12-28 at this pace');
    assert.deepEqual(d.weekly.series.map((s) => s.name), ['AWS MLA-C01', 'Google PMLE', HOSTILE, 'Azure AI-103']);
    assert.deepEqual(d.weekly.totals, [0, 0, 3.3, 1]);
    // Against target: what is being worked on, and a passed one only when studied in the range.
    assert.deepEqual(d.target.series.map((s) => s.key), ['aws-mla-c01', 'google-pmle', hostileCustom.key]);
  });

  it('narrows everything to one certification, and falls back to all when it is gone', () => {
    const one = figures({ range: '4w', cert: 'google-pmle' });
    assert.deepEqual(one.filter, { range: '4w', cert: 'google-pmle' });
    assert.deepEqual(one.weekly.series.map((s) => s.key), ['google-pmle']);
    assert.deepEqual(one.forecast, []);
    assert.deepEqual(one.practice.series, []);
    assert.equal(one.days.days.filter((x) => x.minutes > 0).length, 1);
    assert.deepEqual(figures({ range: '4w', cert: 'azure-ai-103' }).filter, { range: '4w', cert: null });
  });

  it('starts "everything" at the first week logged', () => {
    const all = figures({ range: 'all', cert: null });
    assert.equal(all.weeks[0].start, '2025-06-02');
    assert.equal(all.target.series.find((s) => s.key === 'aws-mla-c01')!.hours.at(-1), 2);
  });
});
