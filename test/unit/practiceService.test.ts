import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CertificationService } from '../../src/core/certifications/certificationService';
import { parseCommandArg } from '../../src/core/certifications/commandArgs';
import { DeletePracticeArgSchema, EditPracticeArgSchema, practiceRowArg, RecordPracticeArgSchema } from '../../src/core/practice/args';
import { PracticeService } from '../../src/core/practice/practiceService';
import { StudyStore } from '../../src/core/store/studyStore';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { useTempFolder } from './support/tempFolder';

describe('PracticeService: record, edit, delete', () => {
  const temp = useTempFolder();
  const clock = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver
  const setup = async () => {
    const store = new StudyStore(new MemoryStorage(), new NodeFileAccess(), temp.path(), () => clock);
    await store.load();
    await new CertificationService(store, () => clock).add('aws-mla-c01');
    return { store, practice: new PracticeService(store, () => clock) };
  };

  it('records a raw, a scaled and a percent score with the date, source and domain scores, and saves at once', async () => {
    const { store, practice } = await setup();
    const raw = await practice.record({ key: 'aws-mla-c01', date: '2026-11-20', score: '38/50', source: ' Tutorials Dojo ', domains: { 'data-preparation': 64, 'ml-model-development': '20/25' } });
    assert.equal(raw.scorePercent, 76);
    assert.deepEqual(raw.entered, { kind: 'raw', correct: 38, total: 50 });
    assert.deepEqual(raw.domainScores, { 'data-preparation': 64, 'ml-model-development': 80 });
    assert.equal(raw.source, 'Tutorials Dojo');
    assert.equal(raw.takenAt, '2026-11-20T12:00:00.000-07:00', 'a past day without a time: noon that day');
    const scaled = await practice.record({ key: 'aws-mla-c01', score: '780/1000' });
    assert.equal(scaled.scorePercent, 75.6);
    assert.equal(scaled.takenAt, '2026-11-26T08:00:00.000-07:00', 'today: now');
    assert.equal((await practice.record({ key: 'aws-mla-c01', score: 81 })).scorePercent, 81);
    const lines = readFileSync(store.practiceExams.path, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 4, 'the header and three records');
    assert.deepEqual(practice.examsOf('aws-mla-c01').map((e) => e.scorePercent), [81, 75.6, 76], 'latest first; at the same instant, the one recorded last');
  });

  it('refuses bad input with a clear message and saves nothing', async () => {
    const { store, practice } = await setup();
    const cases: [Parameters<PracticeService['record']>[0], RegExp][] = [
      [{ key: 'aws-mla-c01', score: '1100/1000' }, /score: 1100 is above the top of its scale \(100–1000\)/],
      [{ key: 'aws-mla-c01', score: '52/50' }, /score: 52\/50: more correct answers \(52\) than questions \(50\)/],
      [{ key: 'aws-mla-c01', score: 101 }, /score: 101 is above 100/],
      [{ key: 'aws-mla-c01', score: 70, domains: { modeling: 60 } }, /domains: "modeling" is not a domain of AWS MLA-C01; its domains are data-preparation, ml-model-development/],
      [{ key: 'aws-mla-c01', score: 70, domains: { 'data-preparation': 120 } }, /domains\.data-preparation: 120 is above 100/],
      [{ key: 'aws-mla-c01', score: 70, date: '2026-11-27' }, /date: 2026-11-27 is in the future: record a practice exam once you have taken it \(today is 2026-11-26\)/],
      [{ key: 'google-pmle', score: 70 }, /google-pmle is not among your certifications/],
    ];
    for (const [input, message] of cases) await assert.rejects(practice.record(input), message);
    assert.deepEqual(store.practiceExams.all(), []);
  });

  it('edits only the given fields, keeps the time of an unchanged day, and refuses a bad edit whole', async () => {
    const { store, practice } = await setup();
    const exam = await practice.record({ key: 'aws-mla-c01', date: '2026-11-20', score: 70, domains: { 'data-preparation': 50 } });
    const edited = await practice.update(exam.id, { score: '39/50', source: 'Udemy', domains: { 'ml-model-development': 72 } });
    assert.deepEqual([edited.scorePercent, edited.source, edited.takenAt], [78, 'Udemy', exam.takenAt]);
    assert.deepEqual(edited.domainScores, { 'ml-model-development': 72 }, 'domains replaces them all');
    assert.equal((await practice.update(exam.id, { date: '2026-11-19' })).takenAt, '2026-11-19T12:00:00.000-07:00');
    await assert.rejects(practice.update(exam.id, { score: 78, date: '2026-12-01' }), /in the future/);
    assert.equal(store.practiceExams.all()[0].scorePercent, 78, 'nothing of the refused edit was saved');
    assert.equal(store.practiceExams.all()[0].source, 'Udemy');
    await assert.rejects(practice.update('00000000-0000-4000-8000-000000000999', { score: 1 }), /No practice exam with id/);
  });

  it('deletes, and puts it back on undo (once)', async () => {
    const { store, practice } = await setup();
    const a = await practice.record({ key: 'aws-mla-c01', date: '2026-11-10', score: 60 });
    const b = await practice.record({ key: 'aws-mla-c01', score: 70 });
    const removed = await practice.remove(a.id);
    assert.deepEqual(store.practiceExams.all().map((e) => e.id), [b.id]);
    await practice.restore(removed);
    await practice.restore(removed);
    assert.deepEqual(practice.examsOf('aws-mla-c01').map((e) => e.id), [b.id, a.id], 'latest first');
  });
});

describe('PracticeService: a practice exam moves a planned certification to studying (issue 18)', () => {
  const temp = useTempFolder();
  const clock = new Date('2026-11-26T15:00:00Z');
  /** Wired as the container wires it: the practice path tells the certification service. */
  const setup = async () => {
    const store = new StudyStore(new MemoryStorage(), new NodeFileAccess(), temp.path(), () => clock);
    await store.load();
    const service = new CertificationService(store, () => clock);
    const practice = new PracticeService(store, () => clock, t, (key) => service.markStudying(key));
    return { store, service, practice };
  };

  it('moves a planned certification to studying when a practice exam is recorded, as a study session does', async () => {
    const { service, practice } = await setup();
    await service.add('aws-mla-c01');
    assert.equal(service.get('aws-mla-c01')?.status, 'planned');
    await practice.record({ key: 'aws-mla-c01', score: 70 });
    assert.equal(service.get('aws-mla-c01')?.status, 'studying');
  });

  it('leaves any other status as it is, and a refused practice exam changes nothing', async () => {
    const { service, practice } = await setup();
    await service.add('aws-mla-c01', { examDate: '2027-02-01' });
    await service.add('google-pmle');
    assert.equal(service.get('aws-mla-c01')?.status, 'scheduled');
    await practice.record({ key: 'aws-mla-c01', score: 70 });
    assert.equal(service.get('aws-mla-c01')?.status, 'scheduled', 'a booked exam stays booked');
    await assert.rejects(practice.record({ key: 'google-pmle', score: 170 }), /score:/);
    assert.equal(service.get('google-pmle')?.status, 'planned', 'nothing recorded, nothing moved');
  });

  it('is told only of a recorded practice exam, not of an edit or a delete', async () => {
    const { store } = await setup();
    await new CertificationService(store, () => clock).add('aws-mla-c01');
    const told: string[] = [];
    const practice = new PracticeService(store, () => clock, t, async (key) => void told.push(key));
    const exam = await practice.record({ key: 'aws-mla-c01', score: 70 });
    await practice.update(exam.id, { score: 75 });
    await practice.remove(exam.id);
    assert.deepEqual(told, ['aws-mla-c01']);
  });
});

describe('practice command arguments', () => {
  it('takes the documented Record argument and names a bad field', () => {
    const arg = { key: 'aws-mla-c01', date: '2026-11-20', score: '38/50', source: 'Official practice test', domains: { 'data-preparation': 64 } };
    assert.deepEqual(parseCommandArg(RecordPracticeArgSchema, arg, t), arg);
    assert.throws(() => parseCommandArg(RecordPracticeArgSchema, { key: 'aws-mla-c01', score: true }, t), /score: .*got true/);
    assert.throws(() => parseCommandArg(RecordPracticeArgSchema, { key: 'aws-mla-c01', date: '11/20/2026', score: 70 }, t), /date: expected a date as YYYY-MM-DD/);
    assert.throws(() => parseCommandArg(RecordPracticeArgSchema, { key: 'aws-mla-c01', score: 70, when: 'today' }, t), /^ArgumentError: when: not a field this command takes \(it takes key, date, score, source, domains, note\)$/);
  });

  it('reads the rows of the tree: a certification, its Practice exams row, a practice exam', () => {
    const id = '00000000-0000-4000-8000-0000000000a1';
    assert.deepEqual(parseCommandArg(RecordPracticeArgSchema, practiceRowArg('cert:aws-mla-c01'), t), { key: 'aws-mla-c01' });
    assert.deepEqual(parseCommandArg(RecordPracticeArgSchema, practiceRowArg('cert:aws-mla-c01/practice'), t), { key: 'aws-mla-c01' });
    assert.deepEqual(parseCommandArg(EditPracticeArgSchema, practiceRowArg(`cert:aws-mla-c01/practice/${id}`), t), { id });
    assert.deepEqual(parseCommandArg(DeletePracticeArgSchema, practiceRowArg(`cert:aws-mla-c01/practice/${id}`), t), { id });
    assert.deepEqual(parseCommandArg(DeletePracticeArgSchema, { key: 'aws-mla-c01' }, t), { key: 'aws-mla-c01' });
    assert.throws(() => parseCommandArg(DeletePracticeArgSchema, practiceRowArg('cert:aws-mla-c01/practice/next'), t), /is not one this command takes/);
    assert.throws(() => parseCommandArg(EditPracticeArgSchema, { key: 'aws-mla-c01', score: 70 }, t), /^ArgumentError: score: not a field this command takes \(it takes key\)$/, 'values need the id of the exam');
  });
});
