import assert from 'node:assert/strict';
import { CertificationService } from '../../src/core/certifications/certificationService';
import { SerialStorage, serialStorageFor, StorageWriteLostError } from '../../src/core/store/serialStorage';
import type { KeyValueStorage } from '../../src/core/store/ports';
import { StudyStore } from '../../src/core/store/studyStore';
import { SyncService } from '../../src/core/sync/syncService';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { Workbench } from './support/echoingMemento';
import { MemoryStorage } from './support/memoryStorage';
import { useTempFolder } from './support/tempFolder';

/** A small deterministic generator, so a failing interleaving can be replayed by its seed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two parts writing globalState at once, as Settings Sync and a command do in the first second of
 * a window: each writes its keys in turn with small random pauses. Returns the keys a reload lost.
 */
async function twoWriters(write: (key: string, value: unknown) => Promise<void>, workbench: Workbench, seed: number): Promise<string[]> {
  const random = seeded(seed);
  const delays = Array.from({ length: 16 }, () => Math.floor(random() * 8));
  const written: string[] = [];
  const writer = async (prefix: string, offset: number) => {
    for (let i = 0; i < 8; i++) {
      await pause(delays[offset + i]);
      const key = `${prefix}${i}`;
      await write(key, { i });
      written.push(key);
    }
  };
  await Promise.all([writer('sync.', 0), writer('command.', 8)]);
  const reloaded = workbench.open();
  return written.filter((key) => reloaded.get(key) === undefined);
}

describe('SerialStorage: every globalState write on one path', () => {
  const temp = useTempFolder();

  it('the echo model loses writes made at once straight to the Memento (the defect it guards against)', async () => {
    let lost = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const workbench = new Workbench();
      const memento = workbench.open();
      lost += (await twoWriters((k, v) => memento.update(k, v), workbench, seed)).length;
    }
    assert.ok(lost > 0, 'without the queue, some interleaving must lose a write, or the model proves nothing');
  });

  it('loses nothing when the same writes go through the queue, in every interleaving', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const workbench = new Workbench();
      const serial = new SerialStorage(workbench.open());
      assert.deepEqual(await twoWriters((k, v) => serial.update(k, v), workbench, seed), [], `seed ${seed}`);
    }
  });

  it('runs a change again from a fresh read when its write was undone meanwhile (another window)', async () => {
    const inner = new MemoryStorage();
    let undo = true;
    const flaky: KeyValueStorage = {
      get: (key) => inner.get(key),
      keys: () => inner.keys(),
      update: async (key, value) => {
        await inner.update(key, value);
        if (undo) {
          undo = false;
          await inner.update(key, ['from another window']); // lands right after ours
        }
      },
    };
    const serial = new SerialStorage(flaky);
    let runs = 0;
    const result = await serial.transact(async (tx) => {
      runs++;
      const next = [...(tx.get<string[]>('list') ?? []), 'ours'];
      await tx.write('list', next);
      return next;
    });
    assert.equal(runs, 2);
    assert.deepEqual(result, ['from another window', 'ours']);
    assert.deepEqual(inner.get('list'), ['from another window', 'ours'], 'both kept');
  });

  it('tells the caller when a write never sticks, instead of saying it saved', async () => {
    const inner = new MemoryStorage();
    const hostile: KeyValueStorage = { get: (k) => inner.get(k), keys: () => inner.keys(), update: async (k) => void (await inner.update(k, 'older copy')) };
    await assert.rejects(new SerialStorage(hostile).update('key', 'ours'), StorageWriteLostError);
  });

  it('gives every part holding one storage object the same queue', () => {
    const storage = new MemoryStorage();
    const serial = serialStorageFor(storage);
    assert.equal(serialStorageFor(storage), serial);
    assert.equal(serialStorageFor(serial), serial);
    assert.notEqual(serialStorageFor(new MemoryStorage()), serial);
  });

  it('keeps ten certifications added at once beside Settings Sync publishing and pulling, after a reload', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const workbench = new Workbench();
      const now = () => new Date('2026-12-05T08:00:00-07:00');
      const memento = workbench.open();
      const store = new StudyStore(memento, new NodeFileAccess(), temp.path(), now);
      await store.load();
      const service = new CertificationService(store, now);
      const sync = new SyncService({ storage: memento, store, machineId: 'machine-one', now });
      const random = seeded(seed);
      const customs = Array.from({ length: 5 }, (_, i) => ({ name: `Custom ${seed}-${i}`, provider: 'Agency', domains: [], passMarkPercent: null, validityMonths: null }));
      const catalog = ['aws-mla-c01', 'google-pmle', 'aws-aip-c01', 'databricks-ml-associate', 'azure-ai-103'];
      await Promise.all([
        ...customs.map(async (c) => {
          await pause(Math.floor(random() * 3));
          await service.addCustom(c);
        }),
        ...catalog.map(async (key) => {
          await pause(Math.floor(random() * 3));
          await service.add(key);
        }),
        sync.pull().then(() => sync.publish()),
        pause(1).then(() => sync.publish()),
      ]);
      const reopened = new StudyStore(workbench.open(), new NodeFileAccess(), temp.path(), now);
      await reopened.load();
      const keys = reopened.state.get('certifications').map((c) => c.key);
      assert.equal(keys.length, 10, `seed ${seed}: ${keys.join(', ')}`);
      assert.equal(reopened.state.get('customCertifications').length, 5, `seed ${seed}`);
      for (const key of keys.filter((k) => !catalog.includes(k))) {
        assert.ok(reopened.state.get('customCertifications').some((c) => c.key === key), `seed ${seed}: ${key} has its definition`);
      }
      store.dispose();
      reopened.dispose();
    }
  });
});
