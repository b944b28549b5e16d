// The dashboard's figures for ten years of data (3,000 sessions, 300 practice exams) in plain
// Node, computed as the panel does (runInSlices: a turn of the event loop between slices):
//   node --expose-gc --import tsx scripts/bench/dashboardSeries.ts [26w|all]
// prints JSON with the times in ms: the first computation in this fresh process (cold) for the
// range given (26w by default), slice by slice; then 30 warm runs of each range.
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardSteps, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders } from '../../src/core/util/localize';
import { runInSlices } from '../../src/core/util/slices';
import type { Range } from '../../src/webviews/dashboard/protocol';
import { generateTenYears } from '../../test/support/studyDataGenerator';

const coldRange = (process.argv[2] ?? '26w') as Range;
const now = new Date();
const data = generateTenYears(42, now);
const settings: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: [] };
const catalog = new Catalog();
const figures = (range: Range) => runInSlices(dashboardSteps({ snapshot: data, catalog, filter: { range, cert: null }, settings, now }, formatPlaceholders));

const round = (ms: number) => Math.round(ms * 100) / 100;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: round(s[0]), median: round(s[Math.floor(s.length / 2)]), max: round(s[s.length - 1]) };
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const warm = async (range: Range) => {
  const runs = [];
  for (let i = 0; i < 30; i++) runs.push((await figures(range)).slices);
  const totals = runs.map((slices) => sum(slices.map((s) => s.ms)));
  const longest = runs.map((slices) => Math.max(...slices.map((s) => s.ms)));
  return { total: stats(totals), longestSlice: stats(longest), slices: stats(runs.map((r) => r.length)), allSlices: stats(runs.flat().map((s) => s.ms)) };
};
async function main() {
  // Not the generator's garbage: a collection it leaves due would land in the first slices.
  (globalThis as { gc?: () => void }).gc?.();
  const cold = await figures(coldRange);
  const out = {
  sessions: data.sessions.length,
  practiceExams: data.practiceExams.length,
  cold: { range: coldRange, totalMs: round(sum(cold.slices.map((s) => s.ms))), slices: cold.slices.map((s) => ({ ms: round(s.ms), steps: s.steps.join(', ') })) },
  '26w': await warm('26w'),
  all: await warm('all'),
  messageKb: JSON.stringify((await figures('all')).value).length / 1024,
  };
  console.log(JSON.stringify(out));
}

void main();
