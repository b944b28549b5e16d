import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import type { ChartId, DashboardData, Labels, PlanTimelineData } from './protocol';
import { format } from './dom';
import { withAlpha, type Theme } from './theme';

// Only what the six charts use, so the bundle stays small (Chart.js tree-shakes per part).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController, CategoryScale, LinearScale, Tooltip, Legend);

/** A chart ready to draw, and how the keyboard walks it. */
export interface ChartSpec {
  config: ChartConfiguration;
  /** The datasets whose points the arrow keys visit (not the goal, target or pass lines). */
  navigable: number[];
  /** What a point says when the keyboard lands on it (for the live region). */
  describe(datasetIndex: number, index: number): string;
  /** Canvas height in CSS pixels, when it depends on the data. */
  height?: number;
  /** Left/Right move a week (7 points) and Up/Down a day: the calendar's layout. */
  calendar?: boolean;
}

export interface ChartContext {
  data: DashboardData;
  theme: Theme;
  /** One colour per certification, the same in every chart. */
  colorOf(key: string): string;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 for a `YYYY-MM-DD`, the practice chart's x. */
export const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayOf = (n: number) => new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);
const num = (n: number) => String(n);

/** Shared look: theme colours, no animation, a canvas-drawn tooltip and legend. */
function baseOptions(ctx: ChartContext) {
  const { theme } = ctx;
  const ticks = { color: theme.foreground, font: { family: theme.fontFamily, size: theme.fontSize - 1 } };
  const grid = { color: theme.grid };
  return {
    ticks,
    grid,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      events: ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'] as ('mousemove' | 'mouseout' | 'click' | 'touchstart' | 'touchmove')[],
      color: theme.foreground,
      font: { family: theme.fontFamily, size: theme.fontSize },
      plugins: {
        legend: { labels: { color: theme.foreground, boxWidth: 12, font: { family: theme.fontFamily, size: theme.fontSize } } },
        tooltip: { titleFont: { family: theme.fontFamily }, bodyFont: { family: theme.fontFamily } },
      },
    },
  };
}

export function weeklyChart(ctx: ChartContext): ChartSpec | null {
  const { data, theme, colorOf } = ctx;
  const { weekly, weeks, labels } = data;
  if (weekly.series.length === 0) return null;
  const base = baseOptions(ctx);
  const datasets: ChartDataset<'bar' | 'line', number[]>[] = weekly.series.map((s) => ({
    type: 'bar' as const,
    label: s.name,
    data: s.hours,
    backgroundColor: colorOf(s.key),
    borderColor: theme.border ?? colorOf(s.key),
    borderWidth: theme.border ? 1 : 0,
    stack: 'hours',
  }));
  const navigable = datasets.map((_, i) => i);
  if (weekly.goalHours > 0) {
    datasets.push({
      type: 'line' as const,
      label: `${labels.goal} (${weekly.goalHours} h)`,
      data: weeks.map(() => weekly.goalHours),
      borderColor: theme.goal,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      stack: 'goal',
    });
  }
  return {
    config: {
      type: 'bar',
      data: { labels: weeks.map((w) => w.start.slice(5)), datasets },
      options: {
        ...base.options,
        scales: {
          x: { stacked: true, ticks: { ...base.ticks, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: base.ticks, grid: base.grid, title: { display: true, text: labels.hours, color: theme.muted } },
        },
        plugins: {
          ...base.options.plugins,
          tooltip: { ...base.options.plugins.tooltip, callbacks: { title: (items: TooltipItem<'bar'>[]) => weekTitle(data, items[0]?.dataIndex ?? 0), label: (i: TooltipItem<'bar'>) => `${i.dataset.label}: ${num(i.parsed.y ?? 0)} h` } },
        },
      },
    } as ChartConfiguration,
    navigable,
    describe: (d, i) => `${weekTitle(data, i)}, ${weekly.series[d].name}: ${num(weekly.series[d].hours[i])} h; ${labels.total} ${num(weekly.totals[i])} h`,
  };
}

function weekTitle(data: DashboardData, i: number): string {
  const w = data.weeks[i];
  return w ? format(data.labels.weekOf, w.label, w.start) : '';
}

export function targetChart(ctx: ChartContext): ChartSpec | null {
  const { data, theme, colorOf } = ctx;
  const { target, weeks, labels } = data;
  if (target.series.length === 0) return null;
  const base = baseOptions(ctx);
  const many = weeks.length > 60;
  const datasets: ChartDataset<'line', number[]>[] = [];
  const navigable: number[] = [];
  for (const s of target.series) {
    navigable.push(datasets.length);
    datasets.push({ label: s.name, data: s.hours, borderColor: colorOf(s.key), backgroundColor: colorOf(s.key), borderWidth: 2, pointRadius: many ? 0 : 2, tension: 0 });
    if (s.targetHours !== null) {
      datasets.push({ label: `${s.name}: ${labels.target} ${s.targetHours} h`, data: weeks.map(() => s.targetHours!), borderColor: withAlpha(colorOf(s.key), 0.8), borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 });
    }
  }
  return {
    config: {
      type: 'line',
      data: { labels: weeks.map((w) => w.start.slice(5)), datasets },
      options: {
        ...base.options,
        scales: {
          x: { ticks: { ...base.ticks, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: base.ticks, grid: base.grid, title: { display: true, text: `${labels.hours}; - - - ${labels.target}`, color: theme.muted } },
        },
        plugins: {
          ...base.options.plugins,
          // The dashed target lines share their certification's colour; the legend names the certifications.
          legend: { labels: { ...base.options.plugins.legend.labels, filter: (item: { datasetIndex?: number }) => navigable.includes(item.datasetIndex ?? -1) } },
          tooltip: { ...base.options.plugins.tooltip, callbacks: { title: (items: TooltipItem<'line'>[]) => weekTitle(data, items[0]?.dataIndex ?? 0), label: (i: TooltipItem<'line'>) => `${i.dataset.label}: ${num(i.parsed.y ?? 0)} h` } },
        },
      },
    } as ChartConfiguration,
    navigable,
    describe: (d, i) => {
      const s = target.series[navigable.indexOf(d)];
      return `${weekTitle(data, i)}, ${s.name}: ${num(s.hours[i])} h${s.targetHours !== null ? ` / ${num(s.targetHours)} h` : ''}`;
    },
  };
}

/** A pass forecast's band, which the practice chart fills itself (no Filler plugin: a smaller bundle). */
interface Band {
  /** The legend's dataset for the band: hiding it in the legend hides the band. */
  dataset: number;
  fill: string;
  edge: string;
  points: { x: number; low: number; high: number }[];
}

/**
 * Fills each forecast's 80 % band between its low and high points, under the lines, and draws the
 * interval on the target day as a bar with caps (visible even when the band is one day wide).
 * The canvas's `data-forecast-bands` says how many were drawn (the UI test reads it).
 */
function bandPlugin(bands: readonly Band[]) {
  return {
    id: 'forecastBand',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx: g, chartArea: area } = chart;
      const x = (v: number) => chart.scales.x.getPixelForValue(v);
      const y = (v: number) => chart.scales.y.getPixelForValue(v);
      let drawn = 0;
      g.save();
      g.beginPath();
      g.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      g.clip();
      for (const b of bands) {
        if (!chart.isDatasetVisible(b.dataset) || b.points.length === 0) continue;
        g.beginPath();
        b.points.forEach((p, i) => (i ? g.lineTo(x(p.x), y(p.high)) : g.moveTo(x(p.x), y(p.high))));
        for (const p of [...b.points].reverse()) g.lineTo(x(p.x), y(p.low));
        g.closePath();
        g.fillStyle = b.fill;
        g.fill();
        g.strokeStyle = b.edge;
        g.lineWidth = 1;
        g.setLineDash([]);
        g.stroke();
        const end = b.points[b.points.length - 1];
        g.beginPath();
        g.lineWidth = 2;
        for (const v of [end.low, end.high]) {
          g.moveTo(x(end.x) - 5, y(v));
          g.lineTo(x(end.x) + 5, y(v));
        }
        g.moveTo(x(end.x), y(end.low));
        g.lineTo(x(end.x), y(end.high));
        g.stroke();
        drawn++;
      }
      g.restore();
      chart.canvas.dataset.forecastBands = String(drawn);
    },
  };
}

export function practiceChart(ctx: ChartContext): ChartSpec | null {
  const { data, theme, colorOf } = ctx;
  const { practice, labels } = data;
  if (practice.series.length === 0) return null;
  const base = baseOptions(ctx);
  const xMin = dayNumber(data.weeks[0].start);
  // The forecasts run to their target day (the exam day): the axis goes on past today to the last one.
  const targets = practice.series.map((s) => (s.forecast.kind === 'forecast' ? dayNumber(s.forecast.targetDate) : -Infinity));
  const lastTarget = Math.max(dayNumber(data.today), ...targets);
  // A little room after a target day past today, so its marker and interval bar are not cut in half.
  const xMax = lastTarget > dayNumber(data.today) ? lastTarget + Math.max(2, Math.round((lastTarget - xMin) * 0.015)) : lastTarget;
  type Point = { x: number; y: number; low?: number; high?: number };
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const navigable: number[] = [];
  const forecastSets: number[] = [];
  const bands: Band[] = [];
  const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
  const single = practice.series.length === 1;
  for (const s of practice.series) {
    const color = colorOf(s.key);
    navigable.push(datasets.length);
    datasets.push({ label: s.name, data: s.points.map((p) => ({ x: dayNumber(p.day), y: p.percent })), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 4, pointHoverRadius: 6 });
    datasets.push({
      label: single ? `${labels.passLine} ${s.pass} %` : `${s.name}: ${labels.passLine} ${s.pass} %`,
      data: [{ x: xMin, y: s.pass }, { x: xMax, y: s.pass }],
      borderColor: single ? theme.pass : color,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
    });
    datasets.push({
      label: single ? `${labels.readyLine} ${s.threshold} %` : `${s.name}: ${labels.readyLine} ${s.threshold} %`,
      data: [{ x: xMin, y: s.threshold }, { x: xMax, y: s.threshold }],
      borderColor: single ? theme.ready : withAlpha(color, 0.7),
      borderDash: [2, 3],
      borderWidth: 1.5,
      pointRadius: 0,
    });
    const f = s.forecast;
    if (f.kind !== 'forecast') continue;
    const points = f.points.map((p) => ({ x: dayNumber(p.day), y: p.expected, low: p.low, high: p.high }));
    const fill = withAlpha(color, highContrast ? 0.35 : theme.kind === 'light' ? 0.16 : 0.22);
    const edge = highContrast ? color : withAlpha(color, 0.55);
    bands.push({ dataset: datasets.length, fill, edge, points });
    forecastSets.push(datasets.length, datasets.length + 1);
    const named = (label: string) => (single ? label : `${s.name}: ${label}`);
    // The band's legend entry (its area is drawn by bandPlugin), then the dashed projection.
    datasets.push({ label: named(labels.forecastBand), data: [], backgroundColor: fill, borderColor: edge, borderWidth: 1, pointRadius: 0 });
    datasets.push({
      label: named(`${labels.forecastLine} ${f.targetDate}`),
      data: points,
      borderColor: color,
      backgroundColor: color,
      borderDash: [10, 4],
      borderWidth: 2,
      pointStyle: 'rectRot',
      pointRadius: points.map((_, i) => (i === points.length - 1 ? 5 : 0)),
      pointHitRadius: 4,
    });
  }
  const series = (d: number) => practice.series[navigable.indexOf(d)];
  const several = !single;
  // Ticks on Mondays, as in the weekly charts, on to the last target day: about eight of them.
  const mondays: number[] = [];
  for (let day = xMin; day <= lastTarget; day += 7) mondays.push(day);
  const every = Math.max(1, Math.ceil(mondays.length / 8));
  const tickDays = mondays.filter((_, i) => i % every === 0);
  return {
    config: {
      type: 'line',
      data: { datasets },
      plugins: [bandPlugin(bands)],
      options: {
        ...base.options,
        scales: {
          x: {
            type: 'linear',
            min: xMin,
            max: xMax,
            afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
              scale.ticks = tickDays.map((value) => ({ value }));
            },
            ticks: { ...base.ticks, maxRotation: 0, autoSkip: false, callback: (v: string | number) => dayOf(Number(v)).slice(5) },
            grid: base.grid,
          },
          y: { min: 0, max: 100, ticks: base.ticks, grid: base.grid, title: { display: true, text: several ? `% (- - ${labels.passLine}, ··· ${labels.readyLine})` : '%', color: theme.muted } },
        },
        plugins: {
          ...base.options.plugins,
          legend: { labels: { ...base.options.plugins.legend.labels, filter: (item: { datasetIndex?: number }) => !several || navigable.includes(item.datasetIndex ?? -1) || forecastSets.includes(item.datasetIndex ?? -1) } },
          tooltip: {
            ...base.options.plugins.tooltip,
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => dayOf(items[0]?.parsed.x ?? 0),
              label: (i: TooltipItem<'line'>) => {
                const p = i.raw as Point;
                return `${i.dataset.label}: ${num(i.parsed.y ?? 0)} %${p.low !== undefined ? ` (${num(p.low)}–${num(p.high ?? 0)} %)` : ''}`;
              },
            },
          },
        },
      },
    } as ChartConfiguration,
    navigable,
    describe: (d, i) => {
      const s = series(d);
      const p = s.points[i];
      const f = s.forecast;
      // The last score also says where the forecast goes from there.
      const forecast = i < s.points.length - 1 ? '' : f.kind === 'forecast' ? `; ${labels.passForecast} ${f.targetDate}: ${num(f.expected)} % (${num(f.low)}–${num(f.high)} %)` : `; ${f.text}`;
      return `${p.day}, ${s.name}: ${num(p.percent)} %; ${labels.passLine} ${num(s.pass)} %, ${labels.readyLine} ${num(s.threshold)} %${forecast}`;
    },
  };
}

export function domainsChart(ctx: ChartContext): ChartSpec | null {
  const { data, theme } = ctx;
  const { domains, labels } = data;
  const rows = domains.certs.flatMap((c) => c.rows.map((r) => ({ cert: c, row: r })));
  if (rows.length === 0) return null;
  const base = baseOptions(ctx);
  const several = domains.certs.length > 1;
  const share = theme.series[0];
  const weight = theme.series[1];
  return {
    config: {
      type: 'bar',
      data: {
        labels: rows.map(({ cert, row }) => (several ? [shorten(row.name), cert.name] : shorten(row.name))),
        datasets: [
          { label: labels.share, data: rows.map(({ row }) => row.sharePercent), backgroundColor: share, borderColor: theme.border ?? share, borderWidth: theme.border ? 1 : 0 },
          { label: labels.weight, data: rows.map(({ row }) => row.weightPercent), backgroundColor: withAlpha(weight, 0.85), borderColor: theme.border ?? weight, borderWidth: theme.border ? 1 : 0 },
        ],
      },
      options: {
        ...base.options,
        indexAxis: 'y',
        scales: {
          x: { beginAtZero: true, suggestedMax: 50, ticks: { ...base.ticks, callback: (v: string | number) => `${v} %` }, grid: base.grid },
          y: { ticks: base.ticks, grid: { display: false } },
        },
        plugins: {
          ...base.options.plugins,
          tooltip: {
            ...base.options.plugins.tooltip,
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => {
                const r = rows[items[0]?.dataIndex ?? 0];
                return r ? `${r.row.name} (${r.cert.name})` : '';
              },
              label: (i: TooltipItem<'bar'>) => `${i.dataset.label}: ${num(i.parsed.x ?? 0)} %${i.datasetIndex === 0 ? ` (${num(rows[i.dataIndex].row.hours)} h)` : ''}`,
            },
          },
        },
      },
    } as ChartConfiguration,
    navigable: [0, 1],
    height: Math.max(180, rows.length * (several ? 46 : 38) + 70),
    describe: (d, i) => {
      const { cert, row } = rows[i];
      return `${row.name} (${cert.name}): ${labels.share} ${num(row.sharePercent)}, ${num(row.hours)} h; ${labels.weight} ${num(row.weightPercent)}${row.weightKnown ? '' : ` ${labels.weightUnknown}`}`;
    },
  };
}

function shorten(name: string): string {
  return name.length > 48 ? `${name.slice(0, 47)}…` : name;
}

export function daysChart(ctx: ChartContext): ChartSpec {
  const { data, theme } = ctx;
  const { days, labels } = data;
  const weekdays = [labels.mon, labels.tue, labels.wed, labels.thu, labels.fri, labels.sat, labels.sun];
  const base = baseOptions(ctx);
  const points = days.days.map((d, i) => ({ x: Math.floor(i / 7), y: i % 7, day: d.day, minutes: d.minutes, level: d.level }));
  const weekCount = Math.ceil(days.days.length / 7);
  type Cell = (typeof points)[number];
  const cell = (p: unknown) => p as Cell;
  return {
    config: {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: labels.daysTitle,
            data: points,
            pointStyle: 'rect',
            // Square cells that fill the chart area: 26 columns, 7 rows.
            pointRadius: (c: { chart: Chart }) => {
              const area = c.chart.chartArea;
              if (!area) return 4;
              return Math.max(2, Math.min(area.width / weekCount, area.height / 7) / 2 - 1.5);
            },
            pointHoverRadius: (c: { chart: Chart }) => {
              const area = c.chart.chartArea;
              if (!area) return 5;
              return Math.max(3, Math.min(area.width / weekCount, area.height / 7) / 2);
            },
            backgroundColor: (c: { raw?: unknown }) => theme.heat[cell(c.raw)?.level ?? 0],
            borderColor: (c: { raw?: unknown }) => theme.border ?? theme.heat[cell(c.raw)?.level ?? 0],
            borderWidth: theme.border ? 1 : 0,
            hoverBorderColor: theme.foreground,
            hoverBorderWidth: 2,
          },
        ],
      },
      options: {
        ...base.options,
        scales: {
          x: {
            type: 'linear',
            min: -0.5,
            max: weekCount - 0.5,
            grid: { display: false },
            border: { display: false },
            // One tick per week column (the axis runs from -0.5 so the cells fit).
            afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
              scale.ticks = Array.from({ length: weekCount }, (_, value) => ({ value }));
            },
            ticks: {
              ...base.ticks,
              autoSkip: false,
              maxRotation: 0,
              // A month under the week it starts in.
              callback: (v: string | number) => {
                const i = Number(v) * 7;
                const first = days.days[i]?.day;
                if (!first) return '';
                const before = Number(v) === 0 ? undefined : days.days[i - 7]?.day;
                return before && before.slice(5, 7) === first.slice(5, 7) ? '' : first.slice(0, 7);
              },
            },
          },
          y: {
            type: 'linear',
            min: -0.5,
            max: 6.5,
            reverse: true,
            grid: { display: false },
            border: { display: false },
            afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
              scale.ticks = weekdays.map((_, value) => ({ value }));
            },
            ticks: { ...base.ticks, autoSkip: false, callback: (v: string | number) => weekdays[Number(v)] ?? '' },
          },
        },
        plugins: {
          ...base.options.plugins,
          legend: { display: false },
          tooltip: {
            ...base.options.plugins.tooltip,
            callbacks: {
              title: (items: TooltipItem<'scatter'>[]) => cell(items[0]?.raw)?.day ?? '',
              label: (i: TooltipItem<'scatter'>) => `${cell(i.raw).minutes} min`,
            },
          },
        },
      },
    } as ChartConfiguration,
    navigable: [0],
    calendar: true,
    describe: (_d, i) => {
      const p = points[i];
      return `${weekdays[p.y]} ${p.day}: ${p.minutes} min`;
    },
  };
}

/** One planned certification as the plan timeline draws it. */
export interface PlanRow {
  label: string;
  plan: string;
  row: PlanTimelineData['rows'][number];
}

/** Every plan's rows, labelled with the plan's name when there are several plans. */
export function planRows(data: DashboardData): PlanRow[] {
  const timelines = data.plans?.timelines ?? [];
  return timelines.flatMap((tl) => tl.rows.map((row) => ({ label: timelines.length > 1 ? `${row.name} (${tl.name})` : row.name, plan: tl.name, row })));
}

/** What one row says, in words: the chart's keyboard, its tooltip and nothing else. */
export function describePlanRow(r: PlanRow, labels: Labels): string {
  const studied = r.row.study.length ? r.row.study.map((s) => `${s.month} ${num(Math.round(s.minutes / 6) / 10)} h`).join(', ') : '—';
  const passed = r.row.passedOn ? `; ${labels.passed} ${r.row.passedOn}` : '';
  return `${r.label}: ${labels.planned} ${r.row.plannedFrom} – ${r.row.plannedTo}; ${labels.studied} ${studied}${passed}; ${r.row.stateText}`;
}

/**
 * The plan timeline: a floating bar per planned certification over its planned months, a dot in
 * each month with study logged, and a star on the day the exam was passed.
 */
export function plansChart(ctx: ChartContext): ChartSpec | null {
  const { data, theme } = ctx;
  const { labels } = data;
  const rows = planRows(data);
  if (rows.length === 0) return null;
  const base = baseOptions(ctx);
  const months = [...new Set((data.plans?.timelines ?? []).flatMap((tl) => tl.months))].sort();
  const at = (month: string) => months.indexOf(month);
  const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  type Mark = { x: number; y: string; text: string };
  const studied: Mark[] = rows.flatMap((r) => r.row.study.map((s) => ({ x: at(s.month), y: r.label, text: `${r.label}: ${labels.studied} ${s.month}, ${num(Math.round(s.minutes / 6) / 10)} h` })));
  const passed: Mark[] = rows.flatMap((r) => {
    const on = r.row.passedOn;
    if (!on) return [];
    const month = on.slice(0, 7);
    return [{ x: at(month) - 0.5 + (Number(on.slice(8, 10)) - 0.5) / daysIn(month), y: r.label, text: `${r.label}: ${labels.passed} ${on}` }];
  });
  const every = Math.max(1, Math.ceil(months.length / 12));
  const thisMonth = data.plans?.timelines[0]?.thisMonth;
  const datasets = [
    {
      type: 'bar' as const,
      label: labels.planned,
      data: rows.map((r) => [at(r.row.plannedFrom) - 0.45, at(r.row.plannedTo) + 0.45]),
      // One colour for every planned bar, so the legend's "Planned" swatch matches them all and
      // no bar can be mistaken for the "Passed" colour; the rows' labels say which is which.
      backgroundColor: withAlpha(theme.foreground, 0.18),
      borderColor: withAlpha(theme.foreground, 0.6),
      borderWidth: 1,
      barPercentage: 0.8,
      categoryPercentage: 0.9,
    },
    {
      type: 'scatter' as const,
      label: labels.studied,
      data: studied,
      pointStyle: 'circle',
      pointRadius: 4,
      pointHoverRadius: 6,
      backgroundColor: theme.foreground,
      borderColor: theme.foreground,
    },
    {
      type: 'scatter' as const,
      label: labels.passed,
      data: passed,
      pointStyle: 'star',
      pointRadius: 9,
      pointHoverRadius: 11,
      borderWidth: 2,
      backgroundColor: theme.ready,
      borderColor: theme.ready,
    },
  ];
  return {
    config: {
      type: 'bar',
      data: { labels: rows.map((r) => r.label), datasets },
      options: {
        ...base.options,
        indexAxis: 'y',
        scales: {
          x: {
            type: 'linear',
            min: -0.5,
            max: months.length - 0.5,
            afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
              scale.ticks = months.map((_, value) => ({ value })).filter((_, i) => i % every === 0);
            },
            ticks: { ...base.ticks, autoSkip: false, maxRotation: 0, callback: (v: string | number) => months[Number(v)] ?? '' },
            grid: { color: (c: { tick?: { value: number } }) => (c.tick && months[c.tick.value] === thisMonth ? theme.goal : theme.grid) },
          },
          y: { type: 'category', ticks: base.ticks, grid: { display: false } },
        },
        plugins: {
          ...base.options.plugins,
          tooltip: {
            ...base.options.plugins.tooltip,
            callbacks: {
              title: () => '',
              label: (i: TooltipItem<'bar'>) => (i.datasetIndex === 0 ? describePlanRow(rows[i.dataIndex], labels) : (i.raw as Mark).text),
            },
          },
        },
      },
    } as unknown as ChartConfiguration,
    navigable: [0],
    height: Math.max(160, rows.length * 36 + 80),
    describe: (_d, i) => describePlanRow(rows[i], labels),
  };
}

export const CHART_BUILDERS: Record<ChartId, (ctx: ChartContext) => ChartSpec | null> = {
  weekly: weeklyChart,
  target: targetChart,
  practice: practiceChart,
  domains: domainsChart,
  days: daysChart,
  plans: plansChart,
};

export function chartTitle(id: ChartId, labels: Labels): string {
  return { weekly: labels.weeklyTitle, target: labels.targetTitle, practice: labels.practiceTitle, domains: labels.domainsTitle, days: labels.daysTitle, plans: labels.plansTitle }[id];
}

export { Chart };
