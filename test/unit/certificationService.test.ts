import assert from 'node:assert/strict';
import { CertificationService } from '../../src/core/certifications/certificationService';
import { expiresOn } from '../../src/core/certifications/certifications';
import { StudyStore } from '../../src/core/store/studyStore';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';

describe('CertificationService', () => {
  const temp = useTempFolder();
  let clock = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver
  const setup = async () => {
    const storage = new MemoryStorage();
    const store = new StudyStore(storage, new NodeFileAccess(), temp.path(), () => clock);
    await store.load();
    return { storage, store, service: new CertificationService(store, () => clock) };
  };
  beforeEach(() => {
    clock = new Date('2026-11-26T15:00:00Z');
  });

  it('adds a catalog certification as planned, with the article’s lower estimate as target', async () => {
    const { service, storage } = await setup();
    const cert = await service.add('google-pmle');
    assert.equal(cert.status, 'planned');
    assert.equal(cert.targetMinutes, 100 * 60);
    assert.equal(cert.addedAt, '2026-11-26T08:00:00.000-07:00');
    assert.equal((storage.get('certStudy.certifications') as { data: unknown[] }).data.length, 1, 'saved at once');
  });

  it('leaves the target empty where the article gives no estimate', async () => {
    const { service } = await setup();
    assert.equal((await service.add('aws-mla-c01')).targetMinutes, null);
  });

  it('refuses unknown keys and duplicates with a message naming them', async () => {
    const { service } = await setup();
    await assert.rejects(service.add('aws-nope'), /aws-nope is not in the catalog/);
    await service.add('aws-mla-c01');
    await assert.rejects(service.add('aws-mla-c01'), /already in your list/);
  });

  it('booking a future exam date moves a planned certification to scheduled', async () => {
    const { service } = await setup();
    await service.add('aws-mla-c01');
    const updated = await service.update('aws-mla-c01', { examDate: '2026-12-19', targetHours: 90.5 });
    assert.equal(updated.status, 'scheduled');
    assert.equal(updated.targetMinutes, 5430);
    const cleared = await service.update('aws-mla-c01', { examDate: null });
    assert.equal(cleared.examDate, null);
  });

  it('passing records today (local) as the day earned; expiry follows the catalog rule', async () => {
    const { service } = await setup();
    await service.add('aws-mla-c01');
    clock = new Date('2026-11-27T05:30:00Z'); // 22:30 on the 26th in Denver
    const passed = await service.update('aws-mla-c01', { status: 'passed' });
    assert.equal(passed.earnedOn, '2026-11-26');
    assert.equal(expiresOn(passed, service.catalog().get('aws-mla-c01')), '2029-11-26');
    const overridden = await service.update('aws-mla-c01', { expiresOn: '2029-06-30' });
    assert.equal(expiresOn(overridden, service.catalog().get('aws-mla-c01')), '2029-06-30');
  });

  it('reuses a removed custom certification’s key when it is defined again, so its hours come back', async () => {
    const { service } = await setup();
    const definition = { name: 'SnowPro Core', provider: 'Snowflake', domains: [], passMarkPercent: null, validityMonths: null };
    const first = await service.addCustom(definition);
    await service.remove(first.key);
    const again = await service.addCustom({ ...definition, name: 'snowpro core ' });
    assert.equal(again.key, first.key);
  });

  it('a renewal after expiry is a new pass: today becomes the day earned and an old expiry entry goes', async () => {
    const { service } = await setup();
    await service.add('aws-mla-c01');
    clock = new Date('2023-01-10T15:00:00Z');
    await service.update('aws-mla-c01', { status: 'passed' });
    await service.update('aws-mla-c01', { expiresOn: '2026-01-10' });
    await service.update('aws-mla-c01', { status: 'expired' });
    clock = new Date('2026-03-01T15:00:00Z');
    const renewed = await service.update('aws-mla-c01', { status: 'passed' });
    assert.equal(renewed.earnedOn, '2026-03-01');
    assert.equal(renewed.expiresOnOverride, null);
    assert.equal(expiresOn(renewed, service.catalog().get('aws-mla-c01')), '2029-03-01');
    const stillPassed = await service.update('aws-mla-c01', { status: 'passed' });
    assert.equal(stillPassed.earnedOn, '2026-03-01', 'setting passed again keeps the day earned');
  });

  it('does not lose a certification another window added meanwhile', async () => {
    const storage = new MemoryStorage();
    const files = new NodeFileAccess();
    const windowA = new StudyStore(storage, files, temp.path(), () => clock);
    const windowB = new StudyStore(storage, files, temp.path(), () => clock);
    await windowA.load();
    await windowB.load();
    await new CertificationService(windowB, () => clock).add('google-pmle');
    // Window A has not been focused since: its cached list is stale.
    await new CertificationService(windowA, () => clock).add('aws-mla-c01');
    const stored = storage.get<{ data: { key: string }[] }>('certStudy.certifications')!.data.map((c) => c.key);
    assert.deepEqual(stored, ['google-pmle', 'aws-mla-c01']);
  });

  it('removes and restores a certification at its old position', async () => {
    const { service } = await setup();
    await service.add('aws-mla-c01');
    await service.add('google-pmle');
    await service.add('databricks-ml-associate');
    const { removed, index } = await service.remove('google-pmle');
    assert.deepEqual(service.tracked().map((c) => c.key), ['aws-mla-c01', 'databricks-ml-associate']);
    await service.restore(removed, index);
    assert.deepEqual(service.tracked().map((c) => c.key), ['aws-mla-c01', 'google-pmle', 'databricks-ml-associate']);
  });

  it('defines custom certifications with unique keys and domain ids', async () => {
    const { service } = await setup();
    const a = await service.addCustom({ name: 'SnowPro Core', provider: 'Snowflake', domains: ['Architecture', 'Data Loading', 'Architecture'], passMarkPercent: 75, validityMonths: 24 });
    const b = await service.addCustom({ name: 'SnowPro Core', provider: 'Another Vendor', domains: [], passMarkPercent: null, validityMonths: null });
    assert.equal(a.key, 'custom:snowpro-core');
    assert.equal(b.key, 'custom:snowpro-core-2');
    const entry = service.catalog().get('custom:snowpro-core')!;
    assert.deepEqual(entry.domains.map((d) => d.id), ['architecture', 'data-loading', 'architecture-2']);
    assert.deepEqual(entry.passingScore, { score: 75, scaleMin: 0, scaleMax: 100 });
    assert.equal(entry.validity.months, 24);
  });
  describe('rules the issue-7 review found missing', () => {
    it('keeps an expiry given together with the pass: it belongs to that pass', async () => {
      const { service } = await setup();
      await service.add('aws-mla-c01');
      const passed = await service.update('aws-mla-c01', { status: 'passed', expiresOn: '2029-06-30' });
      assert.equal(passed.earnedOn, '2026-11-26');
      assert.equal(passed.expiresOnOverride, '2029-06-30');
      assert.equal(expiresOn(service.get('aws-mla-c01')!, service.catalog().get('aws-mla-c01')), '2029-06-30');
    });

    it('refuses an expiry given before there is any pass, on add and on edit, and changes nothing', async () => {
      const { service } = await setup();
      await assert.rejects(service.add('google-pmle', { expiresOn: '2029-06-30' }), /not passed.*expiry date belongs to a pass/);
      assert.deepEqual(service.tracked(), [], 'nothing was added');
      const added = await service.add('google-pmle');
      await assert.rejects(service.update('google-pmle', { expiresOn: '2029-06-30' }), /Google PMLE is not passed/);
      assert.deepEqual(service.get('google-pmle'), added, 'nothing changed');
    });

    it('refuses an expiry before the day earned, naming both dates', async () => {
      const { service } = await setup();
      await service.add('aws-mla-c01');
      const passed = await service.update('aws-mla-c01', { status: 'passed' });
      await assert.rejects(service.update('aws-mla-c01', { expiresOn: '2000-01-01' }), /2000-01-01 is before the day AWS MLA-C01 was earned \(2026-11-26\)/);
      assert.deepEqual(service.get('aws-mla-c01'), passed);
      await service.add('google-pmle');
      await assert.rejects(service.update('google-pmle', { status: 'passed', expiresOn: '2026-11-25' }), /before the day/);
      assert.equal(service.get('google-pmle')!.status, 'planned', 'the pass given with it is refused too');
      const sameDay = await service.update('aws-mla-c01', { expiresOn: '2026-11-26' });
      assert.equal(sameDay.expiresOnOverride, '2026-11-26', 'the day earned itself is not before it');
    });

    it('refuses to book a retired exam after its retirement date, naming the date and the successors', async () => {
      const { service } = await setup();
      await assert.rejects(service.add('aws-mls-c01', { examDate: '2027-01-15' }), (err: Error) => {
        assert.match(err.message, /AWS MLS-C01 was retired on 2026-03-31/);
        assert.match(err.message, /2027-01-15/);
        assert.match(err.message, /AWS MLA-C01.*AWS AIP-C01/);
        return true;
      });
      assert.deepEqual(service.tracked(), [], 'nothing was added');
      const added = await service.add('aws-mls-c01');
      await assert.rejects(service.update('aws-mls-c01', { examDate: '2026-04-01' }), /retired on 2026-03-31/);
      assert.deepEqual(service.get('aws-mls-c01'), added, 'nothing changed');
      const history = await service.update('aws-mls-c01', { examDate: '2026-03-31' });
      assert.equal(history.examDate, '2026-03-31', 'an exam on or before the last exam day is history, and allowed');
    });

    it('refuses a future exam on an exam closed at an unknown date, and allows a past one', async () => {
      const { service } = await setup();
      await assert.rejects(service.add('tensorflow-developer', { examDate: '2026-12-01' }), /no longer offered/);
      const past = await service.add('tensorflow-developer', { examDate: '2023-05-02' });
      assert.equal(past.examDate, '2023-05-02');
    });

    it('clearing the exam date of a booked exam goes back to planned, or to studying once study is logged', async () => {
      const { service, store } = await setup();
      await service.add('aws-mla-c01', { examDate: '2027-01-15' });
      assert.equal(service.get('aws-mla-c01')!.status, 'scheduled');
      assert.equal((await service.update('aws-mla-c01', { examDate: null })).status, 'planned');
      await service.update('aws-mla-c01', { examDate: '2027-01-15' });
      await store.sessions.append(sampleSession({ certKey: 'aws-mla-c01' }));
      const cleared = await service.update('aws-mla-c01', { examDate: null });
      assert.equal(cleared.status, 'studying');
      assert.equal(cleared.examDate, null);
    });

    it('refuses a study target that rounds to zero minutes, instead of storing no target', async () => {
      const { service } = await setup();
      const added = await service.add('aws-mla-c01', { targetHours: 90 });
      await assert.rejects(service.update('aws-mla-c01', { targetHours: 0.004 }), /targetHours 0\.004 rounds to 0 minutes/);
      await assert.rejects(service.update('aws-mla-c01', { targetHours: 0 }), /rounds to 0 minutes/);
      await assert.rejects(service.add('google-pmle', { targetHours: 0.001 }), /rounds to 0 minutes/);
      assert.deepEqual(service.tracked(), [added], 'nothing changed');
      assert.equal((await service.update('aws-mla-c01', { targetHours: 0.01 })).targetMinutes, 1);
      assert.equal((await service.update('aws-mla-c01', { targetHours: null })).targetMinutes, null, 'null still means no target');
    });
  });
});
