import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { progressByCertification, progressOf } from '../../src/core/certifications/progress';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { StudyStore } from '../../src/core/store/studyStore';
import { LEDGER_KEY } from '../../src/core/sync/ledger';
import { MACHINE_KEY_PREFIX } from '../../src/core/sync/machineRecord';
import { SyncService } from '../../src/core/sync/syncService';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { sampleCert, samplePractice, sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';

type State = Record<string, unknown>;

/**
 * Settings Sync as VS Code does it for an extension's synced globalState (extensionsMerge.ts,
 * mergeExtensionState): per key, 3-way against what this machine last synced; a key added or
 * changed on the remote wins; a key removed on the remote goes unless changed here; only the
 * keys this machine lists in setKeysForSync take part, so an unlisted key drops off the remote.
 */
class Cloud {
  state: State | undefined;
}

class Machine {
  readonly storage = new MemoryStorage();
  readonly store: StudyStore;
  readonly sync: SyncService;
  /** The state as of this machine's last Settings Sync. */
  private base: State | undefined;

  constructor(
    readonly id: string,
    folder: string,
    now: () => Date,
  ) {
    this.store = new StudyStore(this.storage, new NodeFileAccess(), folder, now);
    this.sync = new SyncService({ storage: this.storage, store: this.store, machineId: id, now });
  }

  async settingsSync(cloud: Cloud): Promise<void> {
    const local: State = {};
    for (const key of this.sync.syncedKeys()) {
      const value = this.storage.get(key);
      if (value !== undefined) local[key] = value;
    }
    const remote = cloud.state;
    let merged: State;
    if (!remote) merged = local;
    else if (Object.keys(local).length === 0) merged = clone(remote);
    else {
      merged = clone(local);
      const base = this.base ?? {};
      const changed = (from: State, to: State, key: string) => !(key in from) || JSON.stringify(from[key]) !== JSON.stringify(to[key]);
      for (const key of Object.keys(remote)) if (changed(base, remote, key)) merged[key] = clone(remote[key]);
      for (const key of Object.keys(base)) {
        if (!(key in remote) && !(key in local && changed(base, local, key))) delete merged[key];
      }
    }
    for (const [key, value] of Object.entries(merged)) {
      if (JSON.stringify(this.storage.get(key)) !== JSON.stringify(value)) await this.storage.update(key, value);
    }
    for (const key of Object.keys(local)) if (!(key in merged)) await this.storage.update(key, undefined);
    cloud.state = clone(merged);
    this.base = clone(merged);
  }

  certs(): TrackedCertification[] {
    return this.store.state.get('certifications');
  }

  minutesOf(key: string): number {
    const snapshot = this.store.snapshot();
    return progressOf(progressByCertification(snapshot.sessions, snapshot.practiceExams), key).studyMinutes;
  }
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('Settings Sync between two machines (core/sync)', () => {
  const temp = useTempFolder();
  let clock = new Date('2026-11-26T15:00:00Z');
  const now = () => clock;
  const later = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  let cloud: Cloud;
  let a: Machine;
  let b: Machine;

  beforeEach(async () => {
    clock = new Date('2026-11-26T15:00:00Z');
    cloud = new Cloud();
    a = new Machine('machine-aaaa', path.join(temp.path(), 'a'), now);
    b = new Machine('machine-bbbb', path.join(temp.path(), 'b'), now);
    await a.store.load();
    await b.store.load();
  });

  /** What the host does: publish after a change, Settings Sync uploads; later it downloads, and a focus pulls. */
  const upload = async (m: Machine) => {
    await m.sync.publish();
    await m.settingsSync(cloud);
  };
  const download = async (m: Machine) => {
    await m.settingsSync(cloud);
    const problems = await m.sync.pull();
    await m.sync.publish();
    return problems;
  };
  const exchange = async (first = a, second = b) => {
    await upload(first);
    await upload(second);
    assert.deepEqual(await download(first), []);
    assert.deepEqual(await download(second), []);
    await upload(first);
    await upload(second);
  };

  it('(a) a certification added on A shows on B', async () => {
    const cert = sampleCert({ key: 'aws-mla-c01', examDate: '2027-01-15', notes: 'from A' });
    await a.store.setCertifications([cert]);
    await exchange();
    assert.deepEqual(b.certs(), [cert]);
    assert.ok(b.sync.syncedKeys().includes(`${MACHINE_KEY_PREFIX}machine-aaaa`), 'B lists A’s key, so Settings Sync keeps it');
  });

  it('each machine writes only its own key, and never the logs or the ledger into Settings Sync', async () => {
    await a.store.setCertifications([sampleCert()]);
    await a.store.sessions.append(sampleSession());
    await exchange();
    assert.deepEqual(Object.keys(cloud.state!).sort(), [`${MACHINE_KEY_PREFIX}machine-aaaa`, `${MACHINE_KEY_PREFIX}machine-bbbb`]);
    assert.ok(!b.sync.syncedKeys().includes(LEDGER_KEY));
    const bWrites = b.storage.writes;
    const aRecord = JSON.stringify(a.storage.get(a.sync.key));
    await b.store.setCertifications([...b.certs(), sampleCert({ key: 'google-pmle' })]);
    await upload(b);
    await download(a);
    assert.equal(JSON.stringify(b.storage.get(a.sync.key)), aRecord, 'B never wrote A’s key');
    assert.ok(b.storage.writes > bWrites);
  });

  it('(b) both edit different certifications between syncs: both edits are kept', async () => {
    await a.store.setCertifications([sampleCert({ key: 'aws-mla-c01' }), sampleCert({ key: 'google-pmle' })]);
    await exchange();
    later();
    await a.store.updateCertifications((list) => list.map((c) => (c.key === 'aws-mla-c01' ? { ...c, notes: 'A edited' } : c)));
    await a.sync.publish();
    later();
    await b.store.updateCertifications((list) => list.map((c) => (c.key === 'google-pmle' ? { ...c, notes: 'B edited' } : c)));
    await b.sync.publish();
    later();
    await exchange();
    for (const m of [a, b]) {
      const notes = Object.fromEntries(m.certs().map((c) => [c.key, c.notes]));
      assert.deepEqual(notes, { 'aws-mla-c01': 'A edited', 'google-pmle': 'B edited' }, m.id);
    }
  });

  it('(c) both edit the same certification: the later edit wins on both, whichever uploads first', async () => {
    await a.store.setCertifications([sampleCert({ key: 'aws-mla-c01' })]);
    await exchange();
    later();
    await a.store.updateCertifications((list) => list.map((c) => ({ ...c, notes: 'A, earlier', examDate: '2027-02-01' })));
    await a.sync.publish();
    later();
    await b.store.updateCertifications((list) => list.map((c) => ({ ...c, notes: 'B, later' })));
    await b.sync.publish();
    later();
    await exchange(b, a);
    for (const m of [a, b]) {
      assert.equal(m.certs()[0].notes, 'B, later', m.id);
      assert.equal(m.certs()[0].examDate, null, `${m.id}: the whole item is B’s version`);
    }
  });

  it('(d) an edit on B made after A’s older edit is not lost when A’s record arrives before B published', async () => {
    await a.store.setCertifications([sampleCert({ key: 'aws-mla-c01' })]);
    await exchange();
    later();
    await a.store.updateCertifications((list) => list.map((c) => ({ ...c, notes: 'A' })));
    await upload(a);
    later();
    // B's edit is not published yet when A's record arrives and B pulls (focus).
    await b.store.updateCertifications((list) => list.map((c) => ({ ...c, notes: 'B, after A' })));
    await b.settingsSync(cloud);
    assert.deepEqual(await b.sync.pull(), []);
    assert.equal(b.certs()[0].notes, 'B, after A', 'B kept its newer local edit');
    await upload(b);
    await download(a);
    assert.equal(a.certs()[0].notes, 'B, after A');
  });

  it('a pulled change does not bounce back as a local edit: the ledger carries the origin’s stamp', async () => {
    await a.store.setCertifications([sampleCert()]);
    await upload(a);
    const stampA = (a.storage.get(LEDGER_KEY) as { data: Record<string, { updatedAt: string; by: string }> }).data['certifications:aws-mla-c01'];
    later(30);
    await download(b);
    const stampB = (b.storage.get(LEDGER_KEY) as { data: Record<string, { updatedAt: string; by: string }> }).data['certifications:aws-mla-c01'];
    assert.deepEqual({ updatedAt: stampB.updatedAt, by: stampB.by }, { updatedAt: stampA.updatedAt, by: 'machine-aaaa' });
    // Settled: more rounds write nothing on either machine.
    await exchange();
    const writes = [a.storage.writes, b.storage.writes];
    later(5);
    await exchange();
    assert.deepEqual([a.storage.writes, b.storage.writes], writes, 'no churn once both agree');
    assert.equal((await a.sync.publish()).written, false);
  });

  it('(e) a removal on A propagates as a tombstone, and B’s older copy does not bring it back', async () => {
    await a.store.setCertifications([sampleCert({ key: 'aws-mla-c01' }), sampleCert({ key: 'google-pmle' })]);
    await exchange();
    later();
    await a.store.updateCertifications((list) => list.filter((c) => c.key !== 'google-pmle'));
    await upload(a);
    // B publishes its (older) copy with the certification still in it before it pulls A's removal.
    later();
    await b.store.updateCertifications((list) => list.map((c) => (c.key === 'aws-mla-c01' ? { ...c, notes: 'B' } : c)));
    await upload(b);
    await download(a);
    assert.deepEqual(a.certs().map((c) => c.key), ['aws-mla-c01'], 'A did not get it back');
    await download(b);
    assert.deepEqual(b.certs().map((c) => c.key), ['aws-mla-c01'], 'B removed it');
    await exchange();
    await exchange(b, a);
    for (const m of [a, b]) assert.deepEqual(m.certs().map((c) => [c.key, c.notes]), [['aws-mla-c01', 'B']], m.id);
    const entry = (a.storage.get(a.sync.key) as { shared: { items: Record<string, unknown> } }).shared.items['certifications:google-pmle'];
    assert.deepEqual(Object.keys(entry as object).sort(), ['by', 'deleted', 'updatedAt']);
  });

  it('shares plans, costs, custom certifications, profile and ROI inputs, but not the machine-local reminders', async () => {
    await a.store.setCustomCertifications([{ key: 'custom:k8s', name: 'Kubernetes', provider: 'CNCF', domains: [], passMarkPercent: 66, validityMonths: 24 }]);
    await a.store.state.set('costs', { 'aws-mla-c01': [{ kind: 'exam', amountUsd: 150, note: '' }] });
    await a.store.state.set('profile', { engineerId: '00000000-0000-4000-8000-00000000abcd', name: 'Ada', email: null, role: null, billingRateUsd: { baseline: 100, current: 120 } });
    await a.store.state.set('roi', { rateChangedOn: '2026-10-01' });
    await a.store.state.set('plans', [{ id: 'full-stack', startMonth: '2027-01', createdAt: '2026-11-26T08:00:00.000-07:00', items: [] }]);
    await a.store.state.set('practiceReminders', { 'aws-mla-c01': '2026-11-20' });
    await exchange();
    for (const key of ['customCertifications', 'costs', 'profile', 'roi', 'plans'] as const) {
      assert.deepEqual(b.store.state.get(key), a.store.state.get(key), key);
    }
    assert.deepEqual(b.store.state.get('practiceReminders'), {});
    // A machine that never set the ROI inputs does not wipe them with its fallback.
    assert.deepEqual(a.store.state.get('roi'), { rateChangedOn: '2026-10-01' });
  });

  it('(f) 30 min on A and 45 min on B, same day and certification: 75 min on each, after any number of rounds', async () => {
    const cert = sampleCert({ key: 'aws-mla-c01' });
    await a.store.setCertifications([cert]);
    await exchange();
    await a.store.sessions.append(sampleSession({ start: '2026-11-26T08:00:00.000-07:00', end: '2026-11-26T08:30:00.000-07:00' }));
    await b.store.sessions.append(sampleSession({ start: '2026-11-26T19:00:00.000-07:00', end: '2026-11-26T19:45:00.000-07:00' }));
    for (let round = 0; round < 4; round++) {
      await exchange(round % 2 ? a : b, round % 2 ? b : a);
      assert.equal(a.minutesOf('aws-mla-c01'), 75, `A, round ${round}`);
      assert.equal(b.minutesOf('aws-mla-c01'), 75, `B, round ${round}`);
    }
    // The logs hold only their own machine's session, on disk too.
    assert.equal(a.store.sessions.all().length, 1);
    const lines = readFileSync(a.store.sessions.path, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2, 'the header and A’s one session');
    // A later session on B shows on A after the next round.
    await b.store.sessions.append(sampleSession({ start: '2026-11-27T07:00:00.000-07:00', end: '2026-11-27T07:15:00.000-07:00' }));
    await exchange();
    assert.equal(a.minutesOf('aws-mla-c01'), 90);
    assert.equal(b.minutesOf('aws-mla-c01'), 90);
  });

  it('practice scores of another machine show, with the day’s last domain scores', async () => {
    await b.store.practiceExams.append(samplePractice({ takenAt: '2026-11-20T08:00:00.000-07:00', scorePercent: 60 }));
    await b.store.practiceExams.append(samplePractice({ takenAt: '2026-11-20T19:00:00.000-07:00', scorePercent: 72, domainScores: { modeling: 80 } }));
    await exchange();
    const exams = a.store.snapshot().practiceExams;
    assert.deepEqual(exams.map((e) => e.scorePercent), [60, 72]);
    assert.deepEqual(exams.map((e) => e.domainScores), [{}, { modeling: 80 }]);
    assert.equal(a.store.practiceExams.all().length, 0, 'not in A’s log');
  });

  it('the synced records fire a change only when they change', async () => {
    await b.store.sessions.append(sampleSession());
    await upload(b);
    await a.settingsSync(cloud);
    const fired: string[] = [];
    a.store.onDidChange((area) => fired.push(area));
    await a.sync.pull();
    assert.deepEqual(fired, ['sessions']);
    await a.sync.pull();
    assert.deepEqual(fired, ['sessions'], 'an unchanged pull refreshes nothing');
  });

  it('(g) a hostile or malformed record is skipped with a problem naming key and field; local data is untouched', async () => {
    const cert = sampleCert({ key: 'aws-mla-c01', notes: 'mine' });
    await b.store.setCertifications([cert]);
    await b.store.sessions.append(sampleSession());
    await b.sync.publish();
    const before = JSON.stringify(b.store.snapshot());
    const item = (value: unknown) => ({ updatedAt: '2026-11-26T16:00:00.000Z', by: 'evil-machine-1', value });
    const base = { v: 1, writtenAt: '2026-11-26T09:00:00.000-07:00', shared: { items: {} }, summary: { time: [], practice: [] } };
    const seed = (id: string, value: unknown) => b.storage.seed(`${MACHINE_KEY_PREFIX}${id}`, value);
    seed('wrong-types-1', { ...base, machineId: 'wrong-types-1', shared: { items: { 'certifications:aws-mla-c01': item({ ...cert, notes: 42 }) } } });
    seed('newer-version-1', { ...base, v: 2, machineId: 'newer-version-1' });
    seed('huge-string-1', { ...base, machineId: 'huge-string-1', shared: { items: { 'certifications:aws-mla-c01': item({ ...cert, notes: 'x'.repeat(2_000_000) }) } } });
    seed('long-notes-01', { ...base, machineId: 'long-notes-01', shared: { items: { 'certifications:aws-mla-c01': item({ ...cert, notes: 'x'.repeat(20_000) }) } } });
    seed('wrong-key-01', { ...base, machineId: 'someone-else' });
    seed('bad-summary-1', { ...base, machineId: 'bad-summary-1', summary: { time: [['aws-mla-c01', null, [['2026-11-26', -5]]]], practice: [] } });
    seed('future-clock1', { ...base, machineId: 'future-clock1', shared: { items: { 'certifications:aws-mla-c01': { ...item({ ...cert, notes: 'future' }), updatedAt: '2099-01-01T00:00:00.000Z', by: 'future-clock1' } } } });
    seed('wrong-ident-1', { ...base, machineId: 'wrong-ident-1', shared: { items: { 'certifications:aws-mla-c01': item({ ...cert, key: 'google-pmle' }) } } });
    // `__proto__` as an own key, exactly as JSON.parse makes it from a synced settings file.
    b.storage.data.set(
      `${MACHINE_KEY_PREFIX}proto-pollute1`,
      JSON.stringify({ ...base, machineId: 'proto-pollute1' }).replace('"items":{}', '"items":{"__proto__":{"polluted":true},"constructor":{"x":1}}'),
    );
    b.storage.seed(`${MACHINE_KEY_PREFIX}NOT_A_MACHINE`, base);
    const problems = await b.sync.pull();
    const text = problems.map((p) => `${p.where}: ${p.message}`).join('\n');
    const expect = (pattern: RegExp) => assert.match(text, pattern);
    expect(/wrong-types-1\.shared\.items\["certifications:aws-mla-c01"\]\.value\.notes/);
    expect(/newer-version-1\.v: written by a newer version/);
    expect(/huge-string-1: is \d+ characters/);
    expect(/long-notes-01\.shared\.items\["certifications:aws-mla-c01"\]\.value\.notes/);
    expect(/wrong-key-01\.machineId: is someone-else/);
    expect(/bad-summary-1\.summary\.time\[0\]\[2\]\[0\]\[1\]/);
    expect(/future-clock1\.shared\.items\["certifications:aws-mla-c01"\]\.updatedAt: is 2099/);
    expect(/wrong-ident-1\.shared\.items\["certifications:aws-mla-c01"\]\.value\.key: is google-pmle/);
    expect(/proto-pollute1\.shared\.items\["__proto__"\]: is not a shared item id/);
    expect(/proto-pollute1\.shared\.items\["constructor"\]: is not a shared item id/);
    expect(/NOT_A_MACHINE: is not named after a machine id/);
    assert.equal(JSON.stringify(b.store.snapshot()), before, 'nothing changed');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(!b.sync.syncedKeys().includes(`${MACHINE_KEY_PREFIX}NOT_A_MACHINE`));
    assert.ok(b.sync.syncedKeys().includes(`${MACHINE_KEY_PREFIX}newer-version-1`), 'a newer version’s record is kept in sync, not dropped');
  });

  it('(g) a bad item costs only that item; the record’s other items apply', async () => {
    const good = sampleCert({ key: 'google-pmle', notes: 'good' });
    b.storage.seed(`${MACHINE_KEY_PREFIX}mixed-record1`, {
      v: 1,
      machineId: 'mixed-record1',
      writtenAt: '2026-11-26T09:00:00.000-07:00',
      shared: {
        items: {
          'certifications:google-pmle': { updatedAt: '2026-11-26T14:00:00.000Z', by: 'mixed-record1', value: good },
          'certifications:aws-mla-c01': { updatedAt: '2026-11-26T14:00:00.000Z', by: 'mixed-record1', value: { ...sampleCert(), examDate: '2027-02-30' } },
        },
      },
      summary: { time: [], practice: [] },
    });
    const problems = await b.sync.pull();
    assert.equal(problems.length, 1);
    assert.match(problems[0].where, /mixed-record1\.shared\.items\["certifications:aws-mla-c01"\]\.value\.examDate/);
    assert.deepEqual(b.certs(), [good]);
  });

  it('a key this version cannot write (a newer version’s) is reported, and its items are not claimed in the ledger', async () => {
    await a.store.setCertifications([sampleCert()]);
    await upload(a);
    const c = new Machine('machine-cccc', path.join(temp.path(), 'c'), now);
    c.storage.seed('certStudy.certifications', { v: 99, data: [] });
    await c.store.load();
    await c.settingsSync(cloud);
    const problems = await c.sync.pull();
    assert.equal(problems.length, 1);
    assert.match(`${problems[0].where}: ${problems[0].message}`, /Settings Sync certifications: could not be applied: .*newer version/);
    const ledger = c.storage.get(LEDGER_KEY) as { data: Record<string, unknown> } | undefined;
    assert.equal(ledger?.data['certifications:aws-mla-c01'], undefined);
    assert.deepEqual(c.storage.get('certStudy.certifications'), { v: 99, data: [] }, 'left untouched');
  });

  it('refuses a machine id that is not one', () => {
    assert.throws(() => new SyncService({ storage: new MemoryStorage(), store: a.store, machineId: 'Bad Id', now }), /Not a machine id/);
  });
});
