import type { DashboardData, TableId } from './protocol';
import { planRows } from './charts';
import { el, format } from './dom';

/** The same numbers as each chart, as a table: for screen readers, copying, and checking. */

type Cell = string | number;

function table(caption: string, head: Cell[], rows: Cell[][], rowHeaders = 1): HTMLTableElement {
  const text = (c: Cell) => (typeof c === 'number' ? String(c) : c);
  return el('table', {}, [
    el('caption', {}, [caption]),
    el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [text(h)])))]),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', {}, r.map((c, i) => (i < rowHeaders ? el('th', { scope: 'row' }, [text(c)]) : el('td', { class: typeof c === 'number' ? 'num' : undefined }, [text(c)]))))),
    ),
  ]);
}

function weekly(data: DashboardData): HTMLTableElement {
  const { weekly, weeks, labels } = data;
  const head = [labels.week, ...weekly.series.map((s) => s.name), labels.total];
  const rows = weeks.map((w, i) => [format(labels.weekOf, w.label, w.start), ...weekly.series.map((s) => s.hours[i]), weekly.totals[i]]);
  const caption = weekly.goalHours > 0 ? `${labels.weeklyTitle} (${labels.hours}; ${labels.goal} ${weekly.goalHours} h)` : `${labels.weeklyTitle} (${labels.hours})`;
  return table(caption, head, rows);
}

function target(data: DashboardData): HTMLTableElement {
  const { target, weeks, labels } = data;
  const head = [labels.week, ...target.series.map((s) => s.name)];
  const rows: Cell[][] = weeks.map((w, i) => [format(labels.weekOf, w.label, w.start), ...target.series.map((s) => s.hours[i])]);
  rows.push([labels.target, ...target.series.map((s) => (s.targetHours === null ? '—' : s.targetHours))]);
  return table(`${labels.targetTitle} (${labels.hours})`, head, rows);
}

function practice(data: DashboardData): HTMLElement {
  const { practice, labels } = data;
  const rows = practice.series.flatMap((s) => s.points.map((p) => [p.day, s.name, p.percent, s.pass, s.threshold, p.source ?? '']));
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const scores = table(labels.practiceTitle, [labels.date, labels.certification, labels.score, labels.passMark, labels.readyAt, labels.source], rows);
  if (practice.series.length === 0) return scores;
  // The pass forecast of each certification: the chart's projection and band on its target day.
  const forecasts: Cell[][] = practice.series.map(({ name, forecast: f }) =>
    f.kind === 'forecast' ? [name, f.targetDate, f.expected, `${f.low}–${f.high}`, f.text] : [name, '—', '—', '—', f.text],
  );
  const forecast = table(labels.passForecast, [labels.certification, labels.targetDay, labels.expected, labels.forecastRange, labels.forecastWords], forecasts);
  forecast.classList.add('forecast-table');
  return el('div', {}, [scores, forecast]);
}

function domains(data: DashboardData): HTMLTableElement {
  const { domains, labels } = data;
  const rows: Cell[][] = domains.certs.flatMap((c) => [
    ...c.rows.map((r) => [r.name, c.name, r.hours, r.sharePercent, r.weightKnown ? r.weightPercent : `${r.weightPercent} ${labels.weightUnknown}`]),
    ...(c.untaggedHours > 0 ? [[labels.untagged, c.name, c.untaggedHours, '—', '—']] : []),
  ]);
  return table(labels.domainsTitle, [labels.domain, labels.certification, labels.hours, labels.share, labels.weight], rows);
}

function days(data: DashboardData): HTMLTableElement {
  const { days, labels } = data;
  const rows = days.days.filter((d) => d.minutes > 0).map((d) => [d.day, d.minutes]);
  return table(`${labels.daysTitle}: ${labels.studyDaysOnly}`, [labels.day, labels.minutes], rows);
}

function plans(data: DashboardData): HTMLTableElement {
  const { labels } = data;
  const several = (data.plans?.timelines.length ?? 0) > 1;
  const rows: Cell[][] = planRows(data).map((r) => [
    r.row.name,
    ...(several ? [r.plan] : []),
    `${r.row.plannedFrom} – ${r.row.plannedTo}`,
    r.row.study.length ? r.row.study.map((s) => `${s.month} (${Math.round(s.minutes / 6) / 10} h)`).join(', ') : '—',
    r.row.passedOn ?? '—',
    r.row.stateText,
  ]);
  return table(labels.plansTitle, [labels.certification, ...(several ? [labels.plan] : []), labels.planned, labels.studied, labels.passed, labels.state], rows);
}

const usd = (n: number | null) => (n === null ? '—' : `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} USD`);

function roi(data: DashboardData): HTMLTableElement {
  const { labels } = data;
  const r = data.roi;
  const opt = (n: number | null) => (n === null ? '—' : n);
  const rows: Cell[][] = r
    ? [
        [labels.invested, usd(r.investedUsd)],
        [labels.baselineRate, opt(r.baselineRateUsd)],
        [labels.currentRate, opt(r.currentRateUsd)],
        [labels.rateChange, opt(r.rateChangeUsd)],
        [labels.rateChangedOn, r.rateChangedOn ?? '—'],
        [labels.weeksSinceChange, opt(r.weeksSinceChange)],
        [labels.billableHours, r.billableHoursPerWeek],
        [labels.extraRevenue, usd(r.extraRevenueUsd)],
        [labels.returnMultiple, opt(r.returnMultiple)],
        [labels.withoutCosts, r.withoutCosts.length ? r.withoutCosts.map((c) => c.name).join(', ') : '—'],
      ]
    : [];
  return table(labels.roiTitle, [labels.figure, labels.value], rows);
}

export const TABLE_BUILDERS: Record<TableId, (data: DashboardData) => HTMLElement> = { weekly, target, practice, domains, days, plans, roi };
