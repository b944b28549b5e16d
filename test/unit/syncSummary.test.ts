import assert from 'node:assert/strict';
import { PracticeExamSchema, StudySessionSchema, type StudySession } from '../../src/core/model/logs';
import { progressByCertification } from '../../src/core/certifications/progress';
import { StudyStore } from '../../src/core/store/studyStore';
import { millisBetween } from '../../src/core/time/clock';
import { SyncSummarySchema } from '../../src/core/sync/machineRecord';
import { summarizeLogs, summaryRecords } from '../../src/core/sync/summary';
import { SyncService } from '../../src/core/sync/syncService';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { generateTenYears, seededRandom } from '../support/studyDataGenerator';
import { MemoryStorage } from './support/memoryStorage';
import { samplePractice, sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const NOW = new Date('2026-11-26T15:00:00Z');
const KB64 = 64 * 1024;

/** Exact milliseconds per certification (and per certification and domain). */
function msBy(sessions: readonly StudySession[], withDomain = false): Map<string, number> {
  const ms = new Map<string, number>();
  for (const s of sessions) {
    const key = withDomain ? `${s.certKey} ${s.domainId}` : s.certKey;
    ms.set(key, (ms.get(key) ?? 0) + millisBetween(s.start, s.end));
  }
  return ms;
}

describe('Settings Sync summary (core/sync/summary)', () => {
  const temp = useTempFolder();
  const tenYears = generateTenYears(42, NOW);

  it('(h) ten years of study summarise to under 64 KB of JSON, at full detail', () => {
    const summary = summarizeLogs(tenYears.sessions, tenYears.practiceExams);
    const size = JSON.stringify(summary).length;
    assert.ok(size < KB64, `summary is ${size} characters`);
    assert.ok(SyncSummarySchema.safeParse(summary).success);
    // Full detail: day by day from the first of the month 13 months before the newest session's.
    const newest = tenYears.sessions.map((s) => s.start.slice(0, 10)).sort().at(-1)!;
    const days = summary.time.flatMap(([, , buckets]) => buckets.map(([b]) => b)).filter((b) => b.length === 10).sort();
    assert.equal(days.at(-1), newest);
    assert.ok(days[0] <= '2025-10-31' && days[0] >= '2025-10-01', `daily from ${days[0]}`);
    assert.ok(summary.time.some(([, domain, buckets]) => domain !== null && buckets.some(([b]) => b.length === 7)), 'months keep their domain');
    assert.equal(summary.practice.reduce((n, [, d]) => n + d.length, 0), tenYears.practiceExams.length, 'all 300 practice days kept');
  });

  it('(h) the whole record a machine publishes after ten years stays under 64 KB', async () => {
    const storage = new MemoryStorage();
    const store = new StudyStore(storage, new NodeFileAccess(), temp.path(), () => NOW);
    await store.load();
    await store.setCertifications(tenYears.certifications);
    await store.sessions.replaceAll(tenYears.sessions);
    await store.practiceExams.replaceAll(tenYears.practiceExams);
    const sync = new SyncService({ storage, store, machineId: 'ten-years-machine', now: () => NOW });
    assert.equal((await sync.publish()).written, true);
    const size = JSON.stringify(storage.get(sync.key)).length;
    assert.ok(size < KB64, `record is ${size} characters`);
  });

  it('(i) totals per certification and per domain equal the log’s exact time, to the millisecond', () => {
    const summary = summarizeLogs(tenYears.sessions, tenYears.practiceExams);
    const { sessions, practiceExams } = summaryRecords('machine-aaaa', summary);
    assert.deepEqual(msBy(sessions), msBy(tenYears.sessions));
    assert.deepEqual(msBy(sessions, true), msBy(tenYears.sessions, true));
    const minutes = (map: ReturnType<typeof progressByCertification>) => new Map([...map].map(([k, p]) => [k, { total: p.studyMinutes, byDomain: p.minutesByDomain }]));
    assert.deepEqual(minutes(progressByCertification(sessions, [])), minutes(progressByCertification(tenYears.sessions, [])));
    for (const s of sessions) assert.ok(StudySessionSchema.safeParse(s).success, JSON.stringify(s));
    for (const p of practiceExams) assert.ok(PracticeExamSchema.safeParse(p).success, JSON.stringify(p));
    assert.equal(new Set([...sessions, ...practiceExams].map((r) => r.id)).size, sessions.length + practiceExams.length, 'ids are unique');
  });

  it('(i) totals stay exact at every coarser level, when the summary must shrink', () => {
    for (const budget of [30_000, 8_000, 3_000, 1]) {
      const summary = summarizeLogs(tenYears.sessions, tenYears.practiceExams, budget);
      assert.deepEqual(msBy(summaryRecords('machine-aaaa', summary).sessions), msBy(tenYears.sessions), `budget ${budget}`);
      if (budget >= 8_000) assert.ok(JSON.stringify(summary).length <= budget, `budget ${budget}`);
    }
  });

  it('keeps odd durations exact, a session over midnight on its start day, and spring-forward days whole', () => {
    const logs = [
      sampleSession({ start: '2026-03-08T00:30:00.000-07:00', end: '2026-03-08T03:30:00.000-06:00' }), // 2 h on the DST night
      sampleSession({ start: '2026-11-26T23:00:00.123-07:00', end: '2026-11-27T00:40:00.456-07:00' }),
      sampleSession({ start: '2026-11-26T08:00:00.000-07:00', end: '2026-11-26T08:00:07.001-07:00', domainId: 'modeling' }),
      sampleSession({ start: '2024-03-01T08:00:00.000-07:00', end: '2024-03-01T09:00:00.000-07:00' }), // a month bucket over a DST change
      sampleSession({ start: '2024-03-30T08:00:00.000-06:00', end: '2024-03-30T09:00:00.000-06:00' }),
    ];
    const summary = summarizeLogs(logs, []);
    const records = summaryRecords('machine-aaaa', summary).sessions;
    assert.deepEqual(msBy(records, true), msBy(logs, true));
    const days = records.map((s) => [s.start.slice(0, 10), millisBetween(s.start, s.end)]);
    assert.deepEqual(days.sort(), [
      ['2024-03-01', 2 * 3_600_000],
      ['2026-03-08', 2 * 3_600_000],
      ['2026-11-26', 7_001],
      ['2026-11-26', 100 * 60_000 + 333],
    ].sort());
    // Every synthetic session starts at local midnight of its day, in this machine's offset then.
    assert.deepEqual(records.map((s) => s.start).sort(), ['2024-03-01T00:00:00.000-07:00', '2026-03-08T00:00:00.000-07:00', '2026-11-26T00:00:00.000-07:00', '2026-11-26T00:00:00.000-07:00']);
  });

  it('is the same JSON whatever order the logs are in, and the same records every time', () => {
    const random = seededRandom(7);
    const shuffled = [...tenYears.sessions].sort(() => random() - 0.5);
    assert.equal(JSON.stringify(summarizeLogs(shuffled, tenYears.practiceExams)), JSON.stringify(summarizeLogs(tenYears.sessions, tenYears.practiceExams)));
    const summary = summarizeLogs(tenYears.sessions.slice(0, 50), []);
    assert.deepEqual(summaryRecords('machine-aaaa', summary), summaryRecords('machine-aaaa', summary));
    assert.notEqual(summaryRecords('machine-aaaa', summary).sessions[0].id, summaryRecords('machine-bbbb', summary).sessions[0].id);
  });

  it('practice: the day’s scores in the order taken (last ten), the last one’s domains, the most recent 400 days', () => {
    const exams = [
      samplePractice({ takenAt: '2026-11-20T19:00:00.000-07:00', scorePercent: 70, domainScores: { modeling: 75 } }),
      samplePractice({ takenAt: '2026-11-20T08:00:00.000-07:00', scorePercent: 55, domainScores: { modeling: 40 } }),
      ...Array.from({ length: 12 }, (_, i) => samplePractice({ certKey: 'google-pmle', takenAt: `2026-11-21T0${Math.floor(i / 6)}:${String(i * 5).padStart(2, '0')}:00.000-07:00`, scorePercent: 50 + i })),
    ];
    const summary = summarizeLogs([], exams);
    assert.deepEqual(summary.practice, [
      ['aws-mla-c01', [['2026-11-20', [55, 70], [['modeling', 75]]]]],
      ['google-pmle', [['2026-11-21', [52, 53, 54, 55, 56, 57, 58, 59, 60, 61], []]]],
    ]);
    const records = summaryRecords('machine-aaaa', summary).practiceExams.filter((p) => p.certKey === 'aws-mla-c01');
    assert.deepEqual(records.map((p) => [p.takenAt, p.scorePercent, p.domainScores]), [
      ['2026-11-20T00:00:00.000-07:00', 55, {}],
      ['2026-11-20T00:01:00.000-07:00', 70, { modeling: 75 }],
    ]);

    const many = Array.from({ length: 450 }, (_, d) => samplePractice({ takenAt: new Date(Date.UTC(2025, 0, 1 + d, 15)).toISOString().replace('Z', '+00:00') }));
    const kept = summarizeLogs([], many).practice[0][1];
    assert.equal(kept.length, 400);
    assert.equal(kept[0][0], '2025-02-20', 'the oldest 50 days went');
  });
});
