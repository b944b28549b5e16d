// The dashboard page (dist/webview.js, loaded only by the dashboard panel). It draws what the
// host sends and nothing else: every figure comes from the core. The host's figures are not
// checked again here (./pageProtocol.ts says why); the saved view state is. The filter and the
// open tables are kept with setState, so VS Code hands them back after a reload.
import { CHART_IDS, DEFAULT_VIEW_STATE, isDataMessage, savedViewState, type ChartId, type Range, type TableId, type ViewState } from './pageProtocol';
import type { DashboardData, Forecast } from './protocol';
import { Chart, CHART_BUILDERS, chartTitle, type ChartSpec } from './charts';
import { el } from './dom';
import { attachKeyboard } from './keyboard';
import { TABLE_BUILDERS } from './tables';
import { onThemeChange, readTheme } from './theme';
import { vscode } from './vscodeApi';

const started = performance.now();
/** What this panel's page kept before a reload; null for a new panel (the host then decides). */
const saved = savedViewState(vscode.getState());
let state: ViewState = saved ?? DEFAULT_VIEW_STATE;
let data: DashboardData | undefined;
let drawCount = 0;

const problem = (message: string) => vscode.postMessage({ type: 'problem', message: message.slice(0, 2000) });
window.addEventListener('error', (e) => problem(`${e.message} (${e.filename}:${e.lineno})`));
window.addEventListener('unhandledrejection', (e) => problem(`unhandled rejection: ${String(e.reason)}`));
// Nothing should ever be refused; if something is, the extension's log says what.
document.addEventListener('securitypolicyviolation', (e) => problem(`CSP refused ${e.violatedDirective}: ${e.blockedURI || 'inline'}`));

function saveState(next: ViewState): void {
  state = next;
  vscode.setState(state);
}

// ---- page structure (built once, on the first data) ----------------------------------------

interface Card {
  id: ChartId;
  section: HTMLElement;
  title: HTMLHeadingElement;
  summary: HTMLParagraphElement;
  toggle: HTMLButtonElement;
  box: HTMLDivElement;
  canvas: HTMLCanvasElement;
  empty: HTMLParagraphElement;
  tableBox: HTMLDivElement;
  /** Lines under the chart (the practice chart's pass forecasts), read with the chart. */
  notes: HTMLDivElement;
  chart?: Chart;
  spec?: ChartSpec;
}

/** The ROI figures: words and a data table, no chart. */
interface RoiCard {
  title: HTMLHeadingElement;
  headline: HTMLParagraphElement;
  hint: HTMLParagraphElement;
  empty: HTMLParagraphElement;
  toggle: HTMLButtonElement;
  tableBox: HTMLDivElement;
}

let page:
  | {
      range: HTMLSelectElement;
      cert: HTMLSelectElement;
      heading: HTMLHeadingElement;
      forecastTitle: HTMLHeadingElement;
      forecast: HTMLUListElement;
      hint: HTMLParagraphElement;
      live: HTMLDivElement;
      empty: HTMLParagraphElement;
      streaks: HTMLParagraphElement;
      legend: HTMLDivElement;
      cards: Map<ChartId, Card>;
      roi: RoiCard;
    }
  | undefined;

function buildPage(): NonNullable<typeof page> {
  const app = document.getElementById('app')!;
  app.replaceChildren();
  const range = el('select', { id: 'range' });
  const cert = el('select', { id: 'cert' });
  const heading = el('h1');
  const rangeLabel = el('label', { for: 'range', id: 'range-label' });
  const certLabel = el('label', { for: 'cert', id: 'cert-label' });
  const forecastTitle = el('h2', { id: 'forecast-title' });
  const forecast = el('ul', { class: 'forecast-list' });
  const hint = el('p', { id: 'keyboard-hint', class: 'hint' });
  const live = el('div', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const empty = el('p', { class: 'empty', hidden: '' });
  const streaks = el('p', { class: 'streaks' });
  const legend = el('div', { class: 'heat-legend', 'aria-hidden': 'true' });
  range.addEventListener('change', () => changeFilter({ range: range.value as Range }));
  cert.addEventListener('change', () => changeFilter({ cert: cert.value === '' ? null : cert.value }));

  const cards = new Map<ChartId, Card>();
  const sections: HTMLElement[] = [];
  for (const id of CHART_IDS) {
    const title = el('h2', { id: `title-${id}` });
    const summary = el('p', { class: 'summary', id: `summary-${id}` });
    const tableBox = el('div', { class: 'table-box', id: `table-${id}`, hidden: '' });
    const toggle = el('button', { type: 'button', class: 'table-toggle', 'aria-expanded': 'false', 'aria-controls': `table-${id}`, 'data-chart': id });
    toggle.addEventListener('click', () => toggleTable(id));
    const notes = el('div', { class: 'chart-notes', id: `notes-${id}` });
    const canvas = el('canvas', { id: `chart-${id}`, role: 'img', tabindex: '0', 'aria-describedby': `summary-${id} notes-${id} keyboard-hint` });
    const box = el('div', { class: 'canvas-box' }, [canvas]);
    const emptyNote = el('p', { class: 'no-data', hidden: '' });
    const extra = id === 'days' ? [streaks] : [];
    const section = el('section', { class: `card card-${id}`, 'aria-labelledby': `title-${id}`, 'data-chart': id }, [
      el('div', { class: 'card-head' }, [title, toggle]),
      ...extra,
      summary,
      box,
      ...(id === 'days' ? [legend] : []),
      notes,
      emptyNote,
      tableBox,
    ]);
    const card: Card = { id, section, title, summary, toggle, box, canvas, empty: emptyNote, tableBox, notes };
    attachKeyboard(canvas, () => (card.chart && card.spec ? { chart: card.chart, spec: card.spec } : undefined), (text) => (live.textContent = text));
    cards.set(id, card);
    sections.push(section);
  }
  const roi: RoiCard = {
    title: el('h2', { id: 'title-roi' }),
    headline: el('p', { class: 'roi-headline', id: 'summary-roi' }),
    hint: el('p', { class: 'summary roi-hint' }),
    empty: el('p', { class: 'no-data', hidden: '' }),
    toggle: el('button', { type: 'button', class: 'table-toggle', 'aria-expanded': 'false', 'aria-controls': 'table-roi', 'data-chart': 'roi' }),
    tableBox: el('div', { class: 'table-box', id: 'table-roi', hidden: '' }),
  };
  roi.toggle.addEventListener('click', () => toggleTable('roi'));
  sections.push(
    el('section', { class: 'card card-roi', 'aria-labelledby': 'title-roi', 'aria-describedby': 'summary-roi', 'data-chart': 'roi' }, [
      el('div', { class: 'card-head' }, [roi.title, roi.toggle]),
      roi.headline,
      roi.hint,
      roi.empty,
      roi.tableBox,
    ]),
  );
  app.append(
    el('header', { class: 'toolbar' }, [heading, el('div', { class: 'filters' }, [rangeLabel, range, certLabel, cert])]),
    el('section', { class: 'forecast', 'aria-labelledby': 'forecast-title' }, [forecastTitle, forecast]),
    empty,
    el('div', { class: 'cards' }, sections),
    hint,
    live,
  );
  app.removeAttribute('aria-busy');
  return { range, cert, heading, forecastTitle, forecast, hint, live, empty, streaks, legend, cards, roi };
}

function changeFilter(change: Partial<ViewState['filter']>): void {
  const filter = { ...state.filter, ...change };
  saveState({ ...state, filter });
  vscode.postMessage({ type: 'filter', filter });
}

function toggleTable(id: TableId): void {
  const tables = state.tables.includes(id) ? state.tables.filter((t) => t !== id) : [...state.tables, id];
  saveState({ ...state, tables });
  if (data && page) showTable(id === 'roi' ? { id, ...page.roi } : page.cards.get(id)!, data);
}

function showTable(card: { id: TableId; toggle: HTMLButtonElement; tableBox: HTMLDivElement }, d: DashboardData): void {
  const open = state.tables.includes(card.id);
  card.toggle.textContent = open ? d.labels.hideTable : d.labels.showTable;
  card.toggle.setAttribute('aria-expanded', String(open));
  card.tableBox.hidden = !open;
  if (open) card.tableBox.replaceChildren(TABLE_BUILDERS[card.id](d));
  else card.tableBox.replaceChildren();
}

function renderRoi(p: NonNullable<typeof page>, d: DashboardData): void {
  const { roi } = p;
  roi.title.textContent = d.labels.roiTitle;
  roi.headline.textContent = d.roi?.headline ?? '';
  roi.headline.hidden = !d.roi;
  roi.hint.textContent = d.roi?.hint ?? '';
  roi.hint.hidden = !d.roi?.hint;
  roi.empty.textContent = d.labels.roiEmpty;
  roi.empty.hidden = !!d.roi;
  roi.toggle.hidden = !d.roi;
  showTable({ id: 'roi', ...roi }, d);
}

// ---- rendering -------------------------------------------------------------------------------

const MARKS: Record<Forecast['verdict'], string> = {
  'on-track': '✓',
  reached: '✓',
  behind: '⚠',
  'exam-today': '⚠',
  'exam-past': '⚠',
  'no-pace': '⚠',
  'no-exam': '•',
  'no-target': '•',
};

function renderForecast(p: NonNullable<typeof page>, d: DashboardData): void {
  p.forecastTitle.textContent = d.labels.forecastTitle;
  if (d.forecast.length === 0) {
    p.forecast.replaceChildren(el('li', { class: 'forecast-item none' }, [d.labels.forecastNone]));
    return;
  }
  p.forecast.replaceChildren(
    ...d.forecast.map((f) =>
      el('li', { class: `forecast-item verdict-${f.verdict}`, 'data-cert': f.key }, [
        el('span', { class: 'mark', 'aria-hidden': 'true' }, [MARKS[f.verdict]]),
        el('div', { class: 'forecast-text' }, [
          el('p', { class: 'headline' }, [el('span', { class: 'cert-name' }, [f.name]), ': ', el('strong', {}, [f.headline])]),
          el('p', { class: 'detail' }, [f.detail]),
        ]),
      ]),
    ),
  );
}

/**
 * A line under the practice chart per certification: its pass forecast in words (the hover's
 * sentence), or why there is none yet; then what the forecast cannot know.
 */
function forecastNotes(d: DashboardData): HTMLParagraphElement[] {
  const { series, forecastLimits } = d.practice;
  const lines = series.map((s) =>
    el('p', { class: s.forecast.kind === 'forecast' ? 'summary forecast-note' : 'no-data forecast-note', 'data-cert': s.key, 'data-forecast': s.forecast.kind }, [`${s.name}: ${s.forecast.text}`]),
  );
  return forecastLimits ? [...lines, el('p', { class: 'hint forecast-limits' }, [forecastLimits])] : lines;
}

function renderFilters(p: NonNullable<typeof page>, d: DashboardData): void {
  const { labels } = d;
  p.heading.textContent = labels.title;
  document.title = labels.title;
  document.getElementById('range-label')!.textContent = labels.range;
  document.getElementById('cert-label')!.textContent = labels.certification;
  const ranges: [Range, string][] = [
    ['4w', labels.range4w],
    ['12w', labels.range12w],
    ['26w', labels.range26w],
    ['all', labels.rangeAll],
  ];
  p.range.replaceChildren(...ranges.map(([value, text]) => el('option', { value }, [text])));
  p.range.value = d.filter.range;
  p.cert.replaceChildren(el('option', { value: '' }, [labels.allCertifications]), ...d.certifications.map((c) => el('option', { value: c.key }, [c.name])));
  p.cert.value = d.filter.cert ?? '';
  p.hint.textContent = labels.keyboardHint;
}

/** Draws every chart with the theme's current colours; returns how many were drawn. */
function drawCharts(p: NonNullable<typeof page>, d: DashboardData): number {
  const theme = readTheme();
  Chart.defaults.color = theme.foreground;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.font.family = theme.fontFamily;
  const order = [...d.certifications.map((c) => c.key)];
  const colorOf = (key: string) => {
    let i = order.indexOf(key);
    if (i < 0) i = order.push(key) - 1;
    return theme.series[i % theme.series.length];
  };
  let drawn = 0;
  for (const card of p.cards.values()) {
    card.chart?.destroy();
    card.chart = undefined;
    const spec = CHART_BUILDERS[card.id]({ data: d, theme, colorOf });
    card.spec = spec ?? undefined;
    card.box.hidden = !spec;
    card.empty.hidden = !!spec;
    if (!spec) continue;
    if (spec.height) card.box.style.height = `${spec.height}px`;
    card.chart = new Chart(card.canvas, spec.config);
    drawn++;
  }
  return drawn;
}

function render(d: DashboardData, reason: 'data' | 'theme'): void {
  const t0 = performance.now();
  page ??= buildPage();
  const p = page;
  if (reason === 'data') {
    renderFilters(p, d);
    renderForecast(p, d);
    p.empty.textContent = d.labels.empty;
    p.empty.hidden = d.certifications.length > 0;
    p.legend.replaceChildren(el('span', {}, [d.labels.less]), ...[0, 1, 2, 3, 4].map((l) => el('span', { class: `heat heat-${l}` })), el('span', {}, [d.labels.more]));
    p.streaks.replaceChildren(el('strong', {}, [d.days.streaks]));
    for (const card of p.cards.values()) {
      const title = chartTitle(card.id, d.labels);
      card.title.textContent = title;
      const summary = { weekly: d.weekly.summary, target: d.target.summary, practice: d.practice.summary, domains: d.domains.summary, days: d.days.summary, plans: d.plans?.summary ?? '' }[card.id];
      card.summary.textContent = summary;
      card.canvas.setAttribute('aria-label', summary ? `${title}: ${summary}` : title);
      card.empty.textContent = card.id === 'plans' ? d.labels.plansEmpty : d.labels.noData;
      card.toggle.hidden = card.id === 'plans' && !d.plans;
      card.notes.replaceChildren(...(card.id === 'practice' ? forecastNotes(d) : []));
      showTable(card, d);
    }
    renderRoi(p, d);
  }
  const charts = drawCharts(p, d);
  const ms = performance.now() - (reason === 'data' && drawCount === 0 ? started : t0);
  drawCount++;
  document.body.dataset.drawn = String(drawCount);
  // Wall-clock time, comparable with the bench's clock outside the browser.
  document.body.dataset.drawnAt = String(Date.now());
  document.body.dataset.drawnReason = reason;
  vscode.postMessage({ type: 'drawn', reason, charts, ms });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isDataMessage<DashboardData>(event.data)) {
    console.warn('[cert-study dashboard] ignored a message that is not the host’s data');
    return;
  }
  data = event.data.data;
  saveState({ ...state, filter: data.filter });
  render(data, 'data');
});

onThemeChange(() => {
  if (data) render(data, 'theme');
});

vscode.postMessage({ type: 'ready', state: saved });
