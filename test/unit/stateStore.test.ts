import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import { BackupWriter } from '../../src/core/store/backup';
import { STATE_SPECS } from '../../src/core/store/stateSpecs';
import { VersionedStateStore } from '../../src/core/store/stateStore';
import type { VersionedSpec } from '../../src/core/store/versioned';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { sampleCert } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../fixtures/state', name), 'utf8'));
const now = () => new Date('2026-11-26T15:00:00Z');

describe('VersionedStateStore (globalState)', () => {
  const temp = useTempFolder();
  const files = new NodeFileAccess();
  const backupsIn = () => path.join(temp.path(), 'backups');
  const makeStore = (storage: MemoryStorage) => new VersionedStateStore(storage, STATE_SPECS, new BackupWriter(files, backupsIn()), now);
  const backupFiles = () => {
    try {
      return readdirSync(backupsIn());
    } catch {
      return [];
    }
  };

  it('round-trips every value through a versioned envelope', async () => {
    const storage = new MemoryStorage();
    const store = makeStore(storage);
    assert.deepEqual(await store.load(), []);
    const cert = sampleCert({ costUsd: 0, targetMinutes: 0 });
    await store.set('certifications', [cert]);
    assert.deepEqual(storage.get('certStudy.certifications'), { v: 1, data: [cert] });

    const reopened = makeStore(storage);
    assert.deepEqual(await reopened.load(), []);
    assert.deepEqual(reopened.get('certifications'), [cert]);
    assert.equal(reopened.get('certifications')[0].costUsd, 0, 'a stored 0 stays 0');
    assert.equal(reopened.get('profile'), null);
  });

  it('fires its change event with the key that changed', async () => {
    const store = makeStore(new MemoryStorage());
    await store.load();
    const seen: string[] = [];
    store.onDidChange((k) => seen.push(String(k)));
    await store.set('customCertifications', []);
    assert.deepEqual(seen, ['customCertifications']);
  });

  it('refuses to write invalid data', async () => {
    const storage = new MemoryStorage();
    const store = makeStore(storage);
    await store.load();
    await assert.rejects(store.set('certifications', [sampleCert({ examDate: '2026-02-30' })]));
    assert.equal(storage.get('certStudy.certifications'), undefined);
  });

  it('backs up a corrupt value whole, reports the exact field and keeps the valid rest', async () => {
    const storage = new MemoryStorage();
    const original = fixture('certifications-v1-one-corrupt.json');
    storage.seed('certStudy.certifications', original);
    const store = makeStore(storage);
    const problems = await store.load();

    assert.equal(problems.length, 1);
    assert.equal(problems[0].where, 'globalState certStudy.certifications[1].examDate');
    assert.match(problems[0].message, /YYYY-MM-DD/);
    assert.ok(problems[0].backupPath);
    assert.deepEqual(JSON.parse(readFileSync(problems[0].backupPath!, 'utf8')), original, 'the backup holds the original, whole');
    assert.deepEqual(store.get('certifications').map((c) => c.key), ['aws-mla-c01']);
    assert.deepEqual((storage.get('certStudy.certifications') as { data: unknown[] }).data.length, 1, 'the cleaned value is written back');

    // Reported once: the next load finds nothing wrong and writes no new backup.
    assert.deepEqual(await makeStore(storage).load(), []);
    assert.equal(backupFiles().length, 1);
  });

  it('treats a value without an envelope as corrupt but salvages valid items', async () => {
    const storage = new MemoryStorage();
    storage.seed('certStudy.certifications', [sampleCert()]);
    const problems = await makeStore(storage).load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /envelope/);
    assert.equal(backupFiles().length, 1);
    assert.deepEqual(storage.get('certStudy.certifications'), { v: 1, data: [sampleCert()] });
  });

  it('leaves data from a newer version untouched and refuses to overwrite it', async () => {
    const storage = new MemoryStorage();
    const newer = { v: 99, data: [{ key: 'aws-mla-c01', somethingNew: true }] };
    storage.seed('certStudy.certifications', newer);
    const store = makeStore(storage);
    const problems = await store.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /newer version/);
    await assert.rejects(store.set('certifications', []), /newer version/);
    assert.deepEqual(storage.get('certStudy.certifications'), newer);
  });

  it('recognises newer data even when its envelope has keys this version does not know', async () => {
    const storage = new MemoryStorage();
    const newer = { v: 2, data: [], meta: 1 };
    storage.seed('certStudy.certifications', newer);
    const problems = await makeStore(storage).load();
    assert.match(problems[0].message, /newer version/);
    assert.deepEqual(storage.get('certStudy.certifications'), newer);
    assert.equal(backupFiles().length, 0);
  });

  it('keeps the first of two entries for the same certification and reports the second', async () => {
    const storage = new MemoryStorage();
    storage.seed('certStudy.certifications', { v: 1, data: [sampleCert({ notes: 'first' }), sampleCert({ notes: 'second' })] });
    const store = makeStore(storage);
    const problems = await store.load();
    assert.deepEqual(problems.map((p) => p.where), ['globalState certStudy.certifications[1]']);
    assert.match(problems[0].message, /second entry for aws-mla-c01/);
    assert.deepEqual(store.get('certifications').map((c) => c.notes), ['first']);
    assert.equal(backupFiles().length, 1);
  });

  it('leaves a value alone, read-only, when its backup cannot be written', async () => {
    const storage = new MemoryStorage();
    const original = fixture('certifications-v1-one-corrupt.json');
    storage.seed('certStudy.certifications', original);
    writeFileSync(backupsIn(), 'a file where the backup folder should be');
    const store = makeStore(storage);
    const problems = await store.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /could not be read or backed up/);
    await assert.rejects(store.set('certifications', []));
    assert.deepEqual(storage.get('certStudy.certifications'), original, 'never overwritten without a backup');
  });

  it('re-reads a value before changing it, so another window’s write is not lost', async () => {
    const storage = new MemoryStorage();
    const a = makeStore(storage);
    const b = makeStore(storage);
    await a.load();
    await b.load();
    await b.update('certifications', (list) => [...list, sampleCert({ key: 'google-pmle' })]);
    await a.update('certifications', (list) => [...list, sampleCert({ key: 'aws-mla-c01' })]);
    assert.deepEqual(a.get('certifications').map((c) => c.key), ['google-pmle', 'aws-mla-c01']);
  });

  it('keeps other keys working when one is corrupt', async () => {
    const storage = new MemoryStorage();
    storage.seed('certStudy.profile', { v: 1, data: { engineerId: 'not-a-uuid' } });
    storage.seed('certStudy.certifications', { v: 1, data: [sampleCert()] });
    const store = makeStore(storage);
    const problems = await store.load();
    assert.equal(problems.length, 1);
    assert.match(problems[0].where, /certStudy\.profile/);
    assert.equal(store.get('profile'), null);
    assert.equal(store.get('certifications').length, 1);
  });

  describe('migrations (a fixture schema at version 2)', () => {
    // A test-only schema history: v1 stored hours as a float, v2 stores whole minutes.
    const Item = z.object({ key: z.string(), targetMinutes: z.number().int() }).strict();
    const spec: VersionedSpec<z.infer<typeof Item>[]> = {
      name: 'items',
      version: 2,
      schema: z.array(Item),
      itemSchema: Item,
      fallback: [],
      migrations: {
        1: (old) => (old as { key: string; targetHours: number }[]).map((o) => ({ key: o.key, targetMinutes: Math.round(o.targetHours * 60) })),
      },
    };

    it('migrates v1 to v2 after backing up the original', async () => {
      const storage = new MemoryStorage();
      const original = fixture('legacy-v1-target-hours.json');
      storage.seed('certStudy.items', original);
      const store = new VersionedStateStore(storage, { items: spec }, new BackupWriter(files, backupsIn()), now);
      assert.deepEqual(await store.load(), []);
      assert.deepEqual(store.get('items'), [{ key: 'aws-mla-c01', targetMinutes: 7230 }]);
      assert.deepEqual(storage.get('certStudy.items'), { v: 2, data: [{ key: 'aws-mla-c01', targetMinutes: 7230 }] });
      const backups = backupFiles();
      assert.equal(backups.length, 1);
      assert.match(backups[0], /items-v1/);
      assert.deepEqual(JSON.parse(readFileSync(path.join(backupsIn(), backups[0]), 'utf8')), original);
    });

    it('reports a missing migration step instead of guessing', async () => {
      const storage = new MemoryStorage();
      storage.seed('certStudy.items', { v: 0, data: [] });
      const store = new VersionedStateStore(storage, { items: spec }, new BackupWriter(files, backupsIn()), now);
      const problems = await store.load();
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /no migration from version 0 to 1/);
      assert.equal(backupFiles().length, 1);
    });
  });
});
