import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import type { StudySession } from '../../src/core/model/logs';
import { BackupWriter } from '../../src/core/store/backup';
import { LogFile, MAX_PROBLEMS_PER_FILE, type LogSpec } from '../../src/core/store/logFile';
import { parseLog } from '../../src/core/store/logParse';
import { SESSIONS_LOG } from '../../src/core/store/logSpecs';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const now = () => new Date('2026-11-26T15:00:00Z');

describe('LogFile (sessions.jsonl)', () => {
  const temp = useTempFolder();
  const files = new NodeFileAccess();
  const open = <T = StudySession>(spec: LogSpec<T> = SESSIONS_LOG as unknown as LogSpec<T>) =>
    new LogFile<T>(files, temp.path(), spec, new BackupWriter(files, path.join(temp.path(), 'backups')), now);
  const backups = () => {
    try {
      return readdirSync(path.join(temp.path(), 'backups'));
    } catch {
      return [];
    }
  };

  it('starts empty, appends with a header, and reads back', async () => {
    const log = open();
    assert.deepEqual(await log.load(), []);
    const a = sampleSession();
    const b = sampleSession({ start: '2026-11-27T08:00:00.000-07:00', end: '2026-11-27T09:00:00.000-07:00' });
    await log.append(a);
    await log.append(b);
    const lines = readFileSync(log.path, 'utf8').trimEnd().split('\n');
    assert.deepEqual(JSON.parse(lines[0]), { kind: 'cert-study-sessions', v: 1 });
    assert.equal(lines.length, 3);
    const reopened = open();
    assert.deepEqual(await reopened.load(), []);
    assert.deepEqual(reopened.all(), [a, b]);
  });

  it('reports bad lines by number and field, backs the file up whole, keeps the rest, counts a duplicate once', async () => {
    const log = open();
    copyFileSync(path.join(__dirname, '../fixtures/state/sessions-mixed.jsonl'), log.path);
    const original = readFileSync(log.path, 'utf8');
    const problems = await log.load();
    assert.deepEqual(
      problems.map((p) => p.where),
      ['sessions.jsonl line 3, field start', 'sessions.jsonl line 6'],
    );
    assert.match(problems[1].message, /not valid JSON/);
    assert.deepEqual(
      log.all().map((s) => s.id.slice(-2)),
      ['a1', 'a3'],
      'the duplicate of a1 on line 5 is not counted twice',
    );
    assert.equal(readFileSync(problems[0].backupPath!, 'utf8'), original);
    // The file now holds the valid rest, so the next load is clean.
    assert.deepEqual(await open().load(), []);
    assert.equal(backups().length, 1);
  });

  it('does not let one line smuggle in two records', async () => {
    const log = open();
    const a = sampleSession();
    const b = sampleSession();
    writeFileSync(log.path, `{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(a)},${JSON.stringify(b)}\n`);
    const problems = await log.load();
    assert.deepEqual(problems.map((p) => [p.where, p.message]), [['sessions.jsonl line 2', 'not valid JSON']]);
    assert.deepEqual(log.all(), []);
  });

  it('reads records even when the header line is missing', async () => {
    const log = open();
    const s = sampleSession();
    writeFileSync(log.path, JSON.stringify(s) + '\n');
    const problems = await log.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /header/);
    assert.deepEqual(log.all(), [s]);
  });

  it('ignores a second header written by another window', async () => {
    const log = open();
    const s = sampleSession();
    writeFileSync(log.path, `{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(s)}\n{"kind":"cert-study-sessions","v":1}\n`);
    assert.deepEqual(await log.load(), []);
    assert.equal(log.all().length, 1);
  });

  it('leaves a file from a newer version untouched and refuses to write it', async () => {
    const log = open();
    const text = '{"kind":"cert-study-sessions","v":7}\n{"whatever":1}\n';
    writeFileSync(log.path, text);
    const problems = await log.load();
    assert.match(problems[0].message, /newer version/);
    await assert.rejects(log.append(sampleSession()), /newer version/);
    assert.equal(readFileSync(log.path, 'utf8'), text);
  });

  it('migrates each record of an older file after a backup', async () => {
    const Rec = z.object({ id: z.string(), minutes: z.number().int() }).strict();
    const spec: LogSpec<z.infer<typeof Rec>> = {
      kind: 'test-log',
      fileName: 'test.jsonl',
      version: 2,
      recordSchema: Rec,
      migrations: { 1: (old) => ({ id: (old as { id: string }).id, minutes: Math.round((old as { hours: number }).hours * 60) }) },
      idOf: (r) => r.id,
    };
    const log = open(spec);
    const original = '{"kind":"test-log","v":1}\n{"id":"x","hours":1.5}\n';
    writeFileSync(log.path, original);
    assert.deepEqual(await log.load(), []);
    assert.deepEqual(log.all(), [{ id: 'x', minutes: 90 }]);
    assert.equal(readFileSync(log.path, 'utf8'), '{"kind":"test-log","v":2}\n{"id":"x","minutes":90}\n');
    assert.equal(backups().length, 1);
    assert.match(backups()[0], /test\.jsonl\.v1/);
    assert.equal(readFileSync(path.join(temp.path(), 'backups', backups()[0]), 'utf8'), original);
  });

  it('starts a new line when the file does not end in one, so no record is glued to another', async () => {
    const log = open();
    const a = sampleSession();
    writeFileSync(log.path, `{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(a)}`); // no final newline
    assert.deepEqual(await log.load(), []);
    const b = sampleSession();
    await log.append(b);
    const reopened = open();
    assert.deepEqual(await reopened.load(), []);
    assert.deepEqual(reopened.all(), [a, b]);
  });

  it('recognises a newer header even when it carries fields this version does not know', async () => {
    const log = open();
    const text = '{"kind":"cert-study-sessions","v":2,"segment":0}\n{"id":"x"}\n';
    writeFileSync(log.path, text);
    const problems = await log.load();
    assert.match(problems[0].message, /newer version/);
    assert.equal(readFileSync(log.path, 'utf8'), text, 'nothing rewritten');
  });

  it('leaves a file it cannot read alone, reports it, and refuses to write over it', async () => {
    const log = open();
    mkdirSync(log.path); // reading a directory fails with EISDIR
    const problems = await log.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /could not be read.*left untouched/);
    await assert.rejects(log.append(sampleSession()), /could not be read/);
  });

  it('reads a log saved with a UTF-8 byte-order mark silently: no problem, no backup, no rewrite', async () => {
    const log = open();
    const a = sampleSession();
    const text = `\uFEFF{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(a)}\n`;
    writeFileSync(log.path, text);
    assert.deepEqual(await log.load(), []);
    assert.deepEqual(log.all(), [a]);
    assert.deepEqual(backups(), []);
    assert.equal(readFileSync(log.path, 'utf8'), text, 'the file is not rewritten');
  });

  it('treats a newer-version header in the middle of the log as newer data: reported, untouched, not written over', async () => {
    const log = open();
    const a = sampleSession();
    const text = `{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(a)}\n{"kind":"cert-study-sessions","v":3}\n{"id":"y","somethingNew":true}\n`;
    writeFileSync(log.path, text);
    const problems = await log.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /newer version of the extension \(v3/);
    await assert.rejects(log.append(sampleSession()), /newer version/);
    assert.equal(readFileSync(log.path, 'utf8'), text, 'nothing rewritten');
    assert.deepEqual(backups(), []);
  });

  it('becomes writable again on the next reload once an unreadable log is readable', async () => {
    const log = open();
    mkdirSync(log.path);
    assert.equal((await log.load()).length, 1);
    await assert.rejects(log.append(sampleSession()), /could not be read/);
    rmdirSync(log.path); // the user removes the folder; the next focus reloads
    assert.deepEqual(await log.reloadIfChanged(), []);
    const s = sampleSession();
    await log.append(s);
    assert.deepEqual(log.all(), [s]);
  });

  it('validates a large log in slices, yielding to the host between them, and reads every record', async () => {
    const sessions = Array.from({ length: 500 }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return sampleSession({ start: `${day}T15:00:00.000Z`, end: `${day}T16:00:00.000Z` });
    });
    const text = ['{"kind":"cert-study-sessions","v":1}', ...sessions.map((x) => JSON.stringify(x))].join('\n') + '\n';
    let yields = 0;
    const countYield = async () => {
      yields++;
    };
    // A zero-length slice yields before every record; an endless one never yields.
    const sliced = await parseLog(text, SESSIONS_LOG, countYield, 0);
    assert.equal(sliced.records.length, 500);
    assert.ok(yields >= 500, `yielded ${yields} times`);
    yields = 0;
    const whole = await parseLog(text, SESSIONS_LOG, countYield, Number.POSITIVE_INFINITY);
    assert.equal(yields, 0);
    assert.deepEqual(whole.records, sliced.records);
  });

  it('names a broken line deep in a large log and reads every other record, whichever chunk it falls in', async () => {
    const sessions = Array.from({ length: 1_300 }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return sampleSession({ start: `${day}T15:00:00.000Z`, end: `${day}T16:00:00.000Z` });
    });
    const lines = sessions.map((x) => JSON.stringify(x));
    // Line numbers count the header as line 1: record i is on line i + 2.
    lines[700] = lines[700].slice(0, -5);
    lines[1_200] = `${lines[1_200]},${lines[1_200]}`;
    const text = ['{"kind":"cert-study-sessions","v":1}', ...lines].join('\n') + '\n';
    const parsed = await parseLog(text, SESSIONS_LOG, async () => undefined, 0);
    assert.deepEqual(
      parsed.problems.map((p) => p.where),
      ['sessions.jsonl line 702', 'sessions.jsonl line 1202'],
    );
    assert.equal(parsed.records.length, 1_298);
    assert.ok(!parsed.records.some((r) => r.id === sessions[700].id || r.id === sessions[1_200].id));
  });

  it('caps the problems reported for a garbage file', async () => {
    const log = open();
    writeFileSync(log.path, '{"kind":"cert-study-sessions","v":1}\n' + 'garbage\n'.repeat(500));
    const problems = await log.load();
    assert.equal(problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.match(problems.at(-1)!.message, /and 480 more lines/);
  });

  it('keeps what another window appended when this one rewrites the file', async () => {
    const here = open();
    const there = open();
    await here.load();
    await there.load();
    const mine = sampleSession();
    const theirs = sampleSession();
    await here.append(mine);
    await there.append(theirs);
    // This window deletes nothing and edits its own record: the other window's record survives.
    await here.replaceAll([{ ...mine, note: 'edited' }]);
    const reopened = open();
    await reopened.load();
    assert.deepEqual(reopened.all().map((r) => [r.id, r.note]), [
      [mine.id, 'edited'],
      [theirs.id, ''],
    ]);
  });

  it('notices another window’s appends when asked to reload', async () => {
    const here = open();
    const there = open();
    await here.load();
    await there.load();
    await there.append(sampleSession());
    assert.equal(here.all().length, 0);
    await here.reloadIfChanged();
    assert.equal(here.all().length, 1);
  });

  it('replaces all records atomically', async () => {
    const log = open();
    await log.load();
    const a = sampleSession();
    await log.append(a);
    await log.append(sampleSession());
    await log.replaceAll([a]);
    const reopened = open();
    await reopened.load();
    assert.deepEqual(reopened.all(), [a]);
    assert.deepEqual(readdirSync(temp.path()).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
  });
});
