import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PracticeExam } from '../../src/core/model/logs';
import { BackupWriter } from '../../src/core/store/backup';
import { LogFile, type LogSpec } from '../../src/core/store/logFile';
import { PRACTICE_EXAMS_LOG } from '../../src/core/store/logSpecs';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { samplePractice } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const now = () => new Date('2026-11-26T15:00:00Z');

/** A practice exam as version 1 wrote it: the percent only. */
const V1_RECORD = {
  id: '00000000-0000-4000-8000-0000000000a1',
  certKey: 'aws-mla-c01',
  takenAt: '2026-11-20T19:30:00.000-07:00',
  scorePercent: 71,
  source: 'Official practice question set',
  note: '',
};

describe('practice-exams.jsonl: version 2 (score as entered, domain scores) and the migration from 1', () => {
  const temp = useTempFolder();
  const files = new NodeFileAccess();
  const open = (spec: LogSpec<PracticeExam> = PRACTICE_EXAMS_LOG) =>
    new LogFile<PracticeExam>(files, temp.path(), spec, new BackupWriter(files, path.join(temp.path(), 'backups')), now);
  const backups = () => readdirSync(path.join(temp.path(), 'backups'));

  it('is version 2', () => {
    assert.equal(PRACTICE_EXAMS_LOG.version, 2);
  });

  it('loads a version-1 file: the percent is kept, how it was entered is unknown, no domain scores; the original is backed up', async () => {
    const log = open();
    const original = `{"kind":"cert-study-practice-exams","v":1}\n${JSON.stringify(V1_RECORD)}\n`;
    writeFileSync(log.path, original);
    assert.deepEqual(await log.load(), []);
    assert.deepEqual(log.all(), [{ ...V1_RECORD, entered: null, domainScores: {} }]);
    const lines = readFileSync(log.path, 'utf8').trimEnd().split('\n');
    assert.deepEqual(JSON.parse(lines[0]), { kind: 'cert-study-practice-exams', v: 2 }, 'rewritten as version 2');
    assert.match(backups()[0], /practice-exams\.jsonl\.v1/);
    assert.equal(readFileSync(path.join(temp.path(), 'backups', backups()[0]), 'utf8'), original);
    assert.deepEqual(await open().load(), [], 'the next load is clean');
  });

  it('reports a version-1 line the migration cannot make valid, by line and field, and keeps the rest', async () => {
    const log = open();
    writeFileSync(log.path, `{"kind":"cert-study-practice-exams","v":1}\n${JSON.stringify(V1_RECORD)}\n${JSON.stringify({ ...V1_RECORD, id: '00000000-0000-4000-8000-0000000000a2', scorePercent: 140 })}\n"text"\n`);
    const problems = await log.load();
    assert.deepEqual(problems.map((p) => p.where), ['practice-exams.jsonl line 3, field scorePercent', 'practice-exams.jsonl line 4']);
    assert.equal(log.all().length, 1);
  });

  it('round-trips a version-2 record with the score as entered and domain scores', async () => {
    const log = open();
    await log.load();
    const exam = samplePractice({ scorePercent: 75.6, entered: { kind: 'scaled', score: 780, scaleMin: 100, scaleMax: 1000 }, domainScores: { 'data-preparation': 64 } });
    await log.append(exam);
    const reopened = open();
    assert.deepEqual(await reopened.load(), []);
    assert.deepEqual(reopened.all(), [exam]);
  });

  it('is left untouched by an older version of the extension, which reads version 1 only', async () => {
    const log = open();
    await log.load();
    await log.append(samplePractice());
    const text = readFileSync(log.path, 'utf8');
    const older = open({ ...PRACTICE_EXAMS_LOG, version: 1, migrations: {} });
    const problems = await older.load();
    assert.match(problems[0].message, /newer version of the extension \(v2; this one reads v1\)/);
    await assert.rejects(older.append(samplePractice()), /newer version/);
    assert.equal(readFileSync(log.path, 'utf8'), text, 'not rewritten');
  });
});
