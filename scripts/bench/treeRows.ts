// The Certifications tree for ten years of data (3,000 sessions, 300 practice exams, 10
// certifications) in plain Node: the whole tree, and its "This week" row alone. The tree is
// rebuilt after every change and on window focus, so each build is one block of the extension
// host. `node --import tsx scripts/bench/treeRows.ts` prints JSON with the times in ms.
import { Catalog } from '../../src/core/catalog/catalog';
import { buildCertTree } from '../../src/core/tree/certTree';
import { weekRow, type WeekSettings } from '../../src/core/timer/weekRow';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { generateTenYears } from '../../test/support/studyDataGenerator';

const now = new Date();
const data = generateTenYears(42, now);
const catalog = new Catalog();
const week: WeekSettings = { block: { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, dailyMinimumMinutes: 20, restDays: ['sun'] };
const tree = () => buildCertTree({ snapshot: { ...data, logsLoaded: true }, catalog, now, sortBy: 'examDate', t, week });

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const cold = time(tree);
const runs = (fn: () => unknown) => {
  const ms = Array.from({ length: 21 }, () => time(fn)).sort((a, b) => a - b);
  return { min: +ms[0].toFixed(2), median: +ms[10].toFixed(2), max: +ms[20].toFixed(2) };
};
console.log(JSON.stringify({ sessions: data.sessions.length, treeColdMs: +cold.toFixed(2), tree: runs(tree), weekRow: runs(() => weekRow(data.sessions, week, now, t)) }));
