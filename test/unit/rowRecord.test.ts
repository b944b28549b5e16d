import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import type { StudySnapshot } from '../../src/core/store/studyStore';
import { buildCertTree, certTreeSteps } from '../../src/core/tree/certTree';
import {
  currentRowRecordKey,
  readRowRecord,
  ROW_RECORD_KEY,
  rowRecordOf,
  sameRows,
  type RecordRow,
  type RowRecordKey,
} from '../../src/core/tree/rowRecord';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { RowRecordWriter } from '../../src/features/certifications/rowRecordWriter';
import { MemoryStorage } from './support/memoryStorage';
import { sampleCert, samplePractice, sampleSession } from './support/samples';

const now = new Date('2026-11-26T15:00:00Z');
const catalog = new Catalog();
const key: RowRecordKey = { version: '0.1.0', language: 'en', day: '2026-11-26', settings: '["a"]' };

/** Ten certifications, ten years of sessions (one a day) and practice exams: the sizing case. */
function tenYears(): StudySnapshot {
  const keys = catalog
    .all()
    .slice(0, 10)
    .map((e) => e.key);
  const sessions = [];
  const start = Date.UTC(2016, 10, 26, 15);
  for (let day = 0; day < 3650; day++) {
    const at = new Date(start + day * 86_400_000);
    const end = new Date(at.getTime() + 3_600_000);
    sessions.push(sampleSession({ certKey: keys[day % 10]!, start: at.toISOString().replace('Z', '+00:00'), end: end.toISOString().replace('Z', '+00:00') }));
  }
  const practiceExams = keys.flatMap((k) => [samplePractice({ certKey: k }), samplePractice({ certKey: k, scorePercent: 81 })]);
  const certifications = keys.map((k, i) => sampleCert({ key: k, examDate: i % 2 ? '2027-03-01' : null, status: i % 2 ? 'scheduled' : 'studying' }));
  return { logsLoaded: true, certifications, customCertifications: [], profile: null, sessions, practiceExams };
}

function topRows(snapshot: StudySnapshot): RecordRow[] {
  const tree = buildCertTree({ snapshot, catalog, now, sortBy: 'examDate', t, week: { block: { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, dailyMinimumMinutes: 20, restDays: [] } });
  return tree.rootIds.map((id) => tree.nodes.get(id)!);
}

describe('row record (the view top rows the shell draws at the click)', () => {
  it('gives back the rows, with their hours, when written for the same version, language, day and settings', () => {
    const rows = topRows(tenYears());
    const read = readRowRecord(JSON.parse(JSON.stringify(rowRecordOf(rows, key))), key);
    assert.ok(read);
    assert.equal(read.length, rows.length);
    assert.ok(sameRows(read, rows));
    assert.match(read.find((r) => r.id.startsWith('cert:'))!.description, /^[\d.,]+ \/ [\d.,]+ h/);
  });

  it('stays under 4 KB at ten years with ten certifications (no tooltips, no children)', () => {
    const text = JSON.stringify(rowRecordOf(topRows(tenYears()), key));
    assert.ok(text.length < 4096, `${text.length} bytes`);
    assert.doesNotMatch(text, /tooltip|childIds|parentId/);
  });

  it('is stale for another extension version, display language, local day or row settings', () => {
    const record = rowRecordOf(topRows(tenYears()), key);
    for (const other of [{ version: '0.2.0' }, { language: 'de' }, { day: '2026-11-27' }, { settings: '["b"]' }]) {
      assert.equal(readRowRecord(record, { ...key, ...other }), null, JSON.stringify(other));
    }
  });

  it('is refused whole when damaged: no record, another record version, a row of the wrong shape, two rows with one id', () => {
    const record = rowRecordOf(topRows(tenYears()), key);
    const row = record.rows[0]!;
    const damaged: unknown[] = [
      undefined,
      'text',
      [],
      { ...record, v: 2 },
      { ...record, rows: 'x' },
      { ...record, rows: [{ ...row, label: 7 }] },
      { ...record, rows: [{ ...row, icon: 'book' }] },
      { ...record, rows: [{ ...row, collapsible: 'open' }] },
      { ...record, rows: [{ ...row, id: '' }] },
      { ...record, rows: [{ ...row, command: { id: 'x' } }] },
      { ...record, rows: [row, row] },
    ];
    for (const value of damaged) assert.equal(readRowRecord(value, key), null, JSON.stringify(value)?.slice(0, 80));
  });

  it('tells rows that would draw differently apart', () => {
    const rows = topRows(tenYears());
    const moreHours = rows.map((r, i) => (i === 1 ? { ...r, description: `9${r.description}` } : r));
    assert.ok(sameRows(rows, rows.map((r) => ({ ...r }))));
    assert.ok(!sameRows(rows, moreHours));
    assert.ok(!sameRows(rows, rows.slice(1)));
  });

  it('keys the record by the local day (an evening in Denver is still that day there)', () => {
    const k = currentRowRecordKey('1.0.0', 'en', new Date(2026, 10, 26, 23, 59), () => undefined);
    assert.equal(k.day, '2026-11-26');
    assert.equal(k.settings, JSON.stringify([null, null, null, null, null]));
  });
});

describe('row record writer', () => {
  function source(rows: RecordRow[]) {
    const listeners: Array<() => void> = [];
    return {
      rows,
      completeRows: async () => source.current,
      onDidUpdateRows: (listener: () => void) => {
        listeners.push(listener);
        return { dispose: () => undefined };
      },
      fire: () => listeners.forEach((l) => l()),
    };
  }
  source.current = [] as RecordRow[];

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('writes the record once the rows are complete, once for a burst of changes, and not again while it would say the same', async () => {
    const storage = new MemoryStorage();
    const rows = topRows(tenYears());
    source.current = rows;
    const s = source(rows);
    let day = '2026-11-26';
    const writer = new RowRecordWriter(storage, s as never, () => ({ ...key, day }), (err) => assert.fail(String(err)));
    writer.keepCurrent();
    await settle();
    assert.equal(storage.writes, 1);
    assert.ok(readRowRecord(storage.get(ROW_RECORD_KEY), key));
    s.fire();
    s.fire();
    await settle();
    assert.equal(storage.writes, 1, 'the same rows are not written again');
    source.current = rows.map((r, i) => (i === 0 ? { ...r, description: 'changed' } : r));
    s.fire();
    s.fire();
    s.fire();
    await settle();
    assert.equal(storage.writes, 2, 'one write for the burst');
    assert.equal(readRowRecord(storage.get(ROW_RECORD_KEY), key)![0]!.description, 'changed');
    day = '2026-11-27';
    s.fire();
    await settle();
    assert.equal(storage.writes, 3, 'a new day rewrites it, so the next window can draw it');
    assert.ok(readRowRecord(storage.get(ROW_RECORD_KEY), { ...key, day }));
  });
});

describe('the tree built a step at a time (certTreeSteps)', () => {
  it('has a step for the logs, one for each certification and one for the week row’s days, and builds exactly the tree built in one go', () => {
    const snapshot = tenYears();
    const input = { snapshot, catalog, now, sortBy: 'examDate' as const, t, week: { block: { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const }, dailyMinimumMinutes: 20, restDays: [] } };
    const steps = certTreeSteps(input);
    const names: string[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) names.push(next.value);
    assert.deepEqual(names, ['logs walked', ...snapshot.certifications.map(() => 'certification'), 'minutes by day']);
    assert.deepEqual(next.value, buildCertTree(input));
  });
});
