import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { STATE_SPECS, type StateKey } from '../../src/core/store/stateSpecs';
import { StudyStore } from '../../src/core/store/studyStore';
import { buildBackup, readBackup, serializeBackup } from '../../src/core/team/personalBackup';
import { applyRestore, describeRestore, planRestore } from '../../src/core/team/restore';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { samplePractice, sampleCert, sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';
import * as path from 'node:path';

const clock = new Date('2026-11-26T15:00:00Z');
const generator = { name: 'cert-study-tracker', version: '0.1.0' };
const profile = { engineerId: '3f1c2a9e-5b7d-4c1a-9e2f-1a2b3c4d5e6f', name: 'Alice', email: null, role: 'ML Engineer', billingRateUsd: { baseline: 100, current: null } };
const custom = { key: 'custom:snowpro-core', name: 'SnowPro Core', provider: 'Snowflake', domains: [], passMarkPercent: 75, validityMonths: 24 };

describe('personal backup and restore', () => {
  const temp = useTempFolder();
  let n = 0;
  const places = new Map<StudyStore, { storage: MemoryStorage; folder: string }>();
  const newStore = async () => {
    const place = { storage: new MemoryStorage(), folder: path.join(temp.path(), `s${n++}`) };
    const store = new StudyStore(place.storage, new NodeFileAccess(), place.folder, () => clock);
    places.set(store, place);
    await store.load();
    return store;
  };
  const stateOf = (store: StudyStore) => {
    const state = {} as Record<StateKey, unknown>;
    for (const key of Object.keys(STATE_SPECS) as StateKey[]) state[key] = store.state.get(key);
    return { state, sessions: [...store.sessions.all()], practiceExams: [...store.practiceExams.all()] };
  };
  const fill = async (store: StudyStore) => {
    await store.setCustomCertifications([custom]);
    await store.setCertifications([sampleCert({ notes: 'private plan' }), sampleCert({ key: 'custom:snowpro-core', status: 'passed', earnedOn: '2026-01-10' })]);
    await store.state.set('profile', profile);
    await store.state.set('practiceReminders', { 'aws-mla-c01': '2026-11-20' });
    await store.sessions.appendAll([sampleSession({ note: 'chapter 3, hard' }), sampleSession({ start: '2026-11-25T08:00:00.000-07:00', end: '2026-11-25T09:00:00.000-07:00' })]);
    await store.practiceExams.append(samplePractice({ note: 'timed', domainScores: { 'data-preparation': 60 } }));
  };
  const backupText = (store: StudyStore) => serializeBackup(buildBackup(stateOf(store), clock, generator));

  it('back up, then restore into a fresh profile: the same state, notes and all, also after reloading from disk', async () => {
    const a = await newStore();
    await fill(a);
    const read = readBackup('backup.json', backupText(a));
    assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
    const b = await newStore();
    const plan = planRestore(stateOf(b), read.value, 'replace');
    assert.deepEqual(plan.summary.certifications, { added: 2, changed: 0, removed: 0, unchanged: 0, keptHere: 0 });
    assert.equal(plan.summary.profile, 'set');
    await applyRestore(b, plan);
    assert.deepEqual(stateOf(b), stateOf(a));
    const { storage, folder } = places.get(b)!;
    const reopened = new StudyStore(storage, new NodeFileAccess(), folder, () => clock);
    assert.deepEqual(await reopened.load(), []);
    assert.deepEqual(stateOf(reopened), stateOf(a));
    assert.equal(reopened.sessions.all()[0].note, 'chapter 3, hard');
  });

  it('property: any state round-trips through a backup into a fresh profile', async () => {
    const keys = ['aws-mla-c01', 'google-pmle', 'azure-ai-103'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 3 }),
        fc.array(fc.record({ key: fc.constantFrom(...keys), day: fc.integer({ min: 0, max: 300 }), minutes: fc.integer({ min: 1, max: 240 }), note: fc.string({ unit: 'binary', maxLength: 30 }) }), { maxLength: 12 }),
        fc.option(fc.record({ name: fc.string({ minLength: 1, maxLength: 30 }), rate: fc.option(fc.integer({ min: 0, max: 500 })) })),
        async (tracked, sessions, who) => {
          const a = await newStore();
          await a.setCertifications(tracked.map((key) => sampleCert({ key })));
          await a.state.set('profile', who ? { ...profile, name: who.name, billingRateUsd: { baseline: who.rate, current: null } } : null);
          const start = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
          await a.sessions.appendAll(sessions.map((s) => sampleSession({ certKey: s.key, note: s.note, start: start(s.day).toISOString(), end: new Date(start(s.day).getTime() + s.minutes * 60_000).toISOString() })));
          const read = readBackup('b.json', backupText(a));
          if (!read.ok) throw new Error(JSON.stringify(read.problems));
          const b = await newStore();
          await applyRestore(b, planRestore(stateOf(b), read.value, 'replace'));
          assert.deepEqual(stateOf(b), stateOf(a));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the dry run: replace makes it the backup\'s, merge adds what is missing and keeps this machine\'s where both differ', async () => {
    const here = await newStore();
    await here.setCertifications([sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2026-12-10' }), sampleCert({ key: 'nvidia-nca-genl' })]);
    await here.state.set('profile', { ...profile, name: 'Alice (new laptop)' });
    const shared = sampleSession();
    await here.sessions.appendAll([shared, sampleSession()]);
    const there = await newStore();
    await there.setCertifications([sampleCert({ key: 'aws-mla-c01', status: 'studying' }), sampleCert({ key: 'google-pmle' })]);
    await there.state.set('profile', profile);
    await there.sessions.appendAll([shared, sampleSession(), sampleSession()]);
    const read = readBackup('b.json', backupText(there));
    assert.ok(read.ok);

    const replace = planRestore(stateOf(here), read.value, 'replace');
    assert.deepEqual(replace.summary.certifications, { added: 1, changed: 1, removed: 1, unchanged: 0, keptHere: 0 });
    assert.deepEqual(replace.summary.sessions, { added: 2, changed: 0, removed: 1, unchanged: 1, keptHere: 0 });
    assert.equal(replace.summary.profile, 'replaced');
    const merge = planRestore(stateOf(here), read.value, 'merge');
    assert.deepEqual(merge.summary.certifications, { added: 1, changed: 0, removed: 0, unchanged: 0, keptHere: 1 });
    assert.deepEqual(merge.summary.sessions, { added: 2, changed: 0, removed: 0, unchanged: 1, keptHere: 0 });
    assert.equal(merge.summary.profile, 'kept here');
    assert.deepEqual(describeRestore(merge.summary).slice(0, 3), [
      'Certifications: 1 added, 1 kept as on this machine (the backup\'s differ)',
      'Custom certifications: no change',
      'Study sessions: 2 added (1 already the same)',
    ]);

    await applyRestore(here, merge);
    assert.deepEqual(here.state.get('certifications').map((c) => [c.key, c.status]), [['aws-mla-c01', 'scheduled'], ['nvidia-nca-genl', 'studying'], ['google-pmle', 'studying']]);
    assert.equal(here.sessions.all().length, 4);
    assert.equal(here.state.get('profile')?.name, 'Alice (new laptop)');
  });

  it('all or nothing: a write that fails puts back what was written before it', async () => {
    const store = await newStore();
    await fill(store);
    const before = stateOf(store);
    const other = await newStore();
    await other.setCertifications([sampleCert({ key: 'google-pmle' })]);
    await other.practiceExams.append(samplePractice({ certKey: 'google-pmle' }));
    const read = readBackup('b.json', backupText(other));
    assert.ok(read.ok);
    const plan = planRestore(before, read.value, 'replace');
    const realReplace = store.practiceExams.replaceAll.bind(store.practiceExams);
    let calls = 0;
    store.practiceExams.replaceAll = async (records) => {
      if (calls++ === 0) throw new Error('disk full');
      return realReplace(records);
    };
    await assert.rejects(applyRestore(store, plan), /The restore stopped and what it had changed was put back: disk full/);
    assert.deepEqual(stateOf(store), before);
  });

  describe('a backup that cannot be restored is refused whole, with the file, the JSON path and a plain message', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const refuse = async (change: (b: any) => unknown) => {
      const store = await newStore();
      await fill(store);
      const backup = JSON.parse(backupText(store));
      const text = change(backup);
      // A change that returns text replaces the whole file.
      const r = readBackup('backup.json', typeof text === 'string' ? text : JSON.stringify(backup));
      assert.ok(!r.ok, 'refused');
      for (const p of r.problems) assert.equal(p.file, 'backup.json');
      return r.problems.map((p) => `${p.path}: ${p.message}`);
    };

    it('a broken record', async () => {
      assert.deepEqual(await refuse((b) => void (b.logs.sessions.records[1].end = '2026-02-30T09:00:00.000-07:00')), [
        '$.logs.sessions.records[1].end: expected an ISO 8601 timestamp with offset on a real calendar day, e.g. 2026-11-26T08:15:00-07:00',
      ]);
    });

    it('a broken certification', async () => {
      assert.deepEqual(await refuse((b) => void (b.state.certifications.data[0].status = 'booked')), [`$.state.certifications.data[0].status: Invalid option: expected one of "planned"|"studying"|"scheduled"|"passed"|"failed"|"expired"`]);
    });

    it('a part from a newer version, a part it does not know, a missing part', async () => {
      assert.deepEqual(await refuse((b) => (b.logs.practiceExams.v = 3)), ['$.logs.practiceExams.v: written by a newer version of the extension (v3; this one reads v2); update the extension']);
      assert.deepEqual(await refuse((b) => (b.state.badges = { v: 1, data: [] })), ['$.state.badges: not a part this version of the extension knows']);
      assert.deepEqual(await refuse((b) => delete b.state.profile), ['$.state.profile: missing (required)']);
    });

    it('a team file, a newer backup version, not JSON, a __proto__ key', async () => {
      assert.deepEqual(await refuse(() => '{"format":"cert-study-team","version":1}'), ['$.format: expected "cert-study-backup": not a Cert Study backup']);
      assert.deepEqual(await refuse((b) => (b.version = 2)), ['$.version: version 2 is not one this extension knows (it reads version 1); update the extension']);
      assert.match((await refuse(() => '{'))[0], /^\$: not JSON/);
      assert.deepEqual(await refuse((b) => JSON.stringify(b).replace('"state":{', '"state":{"__proto__":{"x":1},')), ['$.state.__proto__: the key __proto__ or constructor is not allowed']);
    });

    it('the same record twice', async () => {
      let id = '';
      const problems = await refuse((b) => {
        id = b.logs.sessions.records[0].id;
        b.logs.sessions.records.push(b.logs.sessions.records[0]);
      });
      assert.deepEqual(problems, [`$.logs.sessions.records[2]: a second record with the id ${id}`]);
    });
  });

  it('an older part is migrated on restore: practice exams of log version 1', async () => {
    const store = await newStore();
    await fill(store);
    const backup = JSON.parse(backupText(store));
    backup.logs.practiceExams = { v: 1, records: backup.logs.practiceExams.records.map(({ entered: _e, domainScores: _d, ...rest }: Record<string, unknown>) => rest) };
    const r = readBackup('old.json', JSON.stringify(backup));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.value.practiceExams[0].entered, null);
    assert.deepEqual(r.value.practiceExams[0].domainScores, {});
  });
});
