// The dashboard's figures for ten years of data (3,000 sessions, 300 practice exams) in plain
// Node: `node --import tsx scripts/bench/dashboardSeries.ts` prints JSON with the times in ms.
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardData, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders } from '../../src/core/util/localize';
import type { Range } from '../../src/webviews/dashboard/protocol';
import { generateTenYears } from '../../test/support/studyDataGenerator';

const now = new Date();
const data = generateTenYears(42, now);
const settings: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: [] };
const catalog = new Catalog();
const figures = (range: Range) => dashboardData({ snapshot: data, catalog, filter: { range, cert: null }, settings, now }, formatPlaceholders);

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const first = time(() => figures('26w'));
const runs = (range: Range) => {
  const ms = Array.from({ length: 30 }, () => time(() => figures(range))).sort((a, b) => a - b);
  return { min: ms[0], median: ms[15], max: ms[29] };
};
const json = JSON.stringify(figures('all')).length;
console.log(
  JSON.stringify({
    sessions: data.sessions.length,
    practiceExams: data.practiceExams.length,
    firstMs: first,
    '26w': runs('26w'),
    all: runs('all'),
    messageKb: json / 1024,
  }),
);
