import * as vscode from 'vscode';
import * as assert from './assert';
import type { TrackedCertification } from '../../src/core/model/tracking';
import type { MachineRecord } from '../../src/core/sync/machineRecord';
import { activeContainer, dayFromToday, resetCertifications } from './support';
import type { Container } from '../../src/app/container';

const OTHER = 'laptop-0000-4000-8000-000000000002';
const OTHER_KEY = `certStudy.sync.machine.${OTHER}`;

/** Minutes of study on `key` in everything the views show (this machine's log plus synced summaries). */
function shownMinutes(container: Container, key: string): number {
  return container.store
    .snapshot()
    .sessions.filter((s) => s.certKey === key)
    .reduce((sum, s) => sum + (Date.parse(s.end) - Date.parse(s.start)) / 60_000, 0);
}

function ownRecord(container: Container): MachineRecord {
  const own = container.context.globalState.keys().filter((k) => k.startsWith('certStudy.sync.machine.') && k !== OTHER_KEY);
  assert.strictEqual(own.length, 1, `one record of this machine's own: ${own.join(', ')}`);
  const value = container.context.globalState.get<MachineRecord | string>(own[0]!);
  return (typeof value === 'string' ? JSON.parse(value) : value) as MachineRecord;
}

/**
 * Settings Sync in a real VS Code (either extension host): this machine's record in its own
 * globalState key, listed for sync; another machine's record, as Sync would write it into
 * globalState, taken in on focus. The two-machine exchange with Sync's per-key merge is
 * simulated end to end in test/unit/syncTwoMachines.test.ts.
 */
describe('Settings Sync: this machine publishes its own key, and takes in another machine\'s', () => {
  let container: Container;
  before(async () => {
    container = await activeContainer();
    await container.syncReady;
    await resetCertifications(container);
  });
  after(async () => {
    await container.storage.update(OTHER_KEY, undefined);
    await resetCertifications(container);
    await container.sync.pull();
  });

  it('publishes the tracked certifications and its own study time, and lists only sync keys for Sync', async () => {
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    await vscode.commands.executeCommand('certStudy.logStudyTime', { key: 'aws-mla-c01', start: `${dayFromToday(-1)}T07:00`, minutes: 30 });
    await container.sync.publish();
    const record = ownRecord(container);
    assert.ok(record.shared.items['certifications:aws-mla-c01']?.value, 'the certification is in the record');
    const ownMs = record.summary.time.filter(([key]) => key === 'aws-mla-c01').flatMap(([, , buckets]) => buckets).reduce((sum, [, ms]) => sum + ms, 0);
    assert.strictEqual(ownMs / 60_000, shownMinutes(container, 'aws-mla-c01'), 'the summary holds exactly this machine\'s logged time');
    const keys = container.sync.syncedKeys();
    assert.ok(keys.every((k) => k.startsWith('certStudy.sync.machine.')), `only machine records are synced: ${keys.join(', ')}`);
    assert.ok(!keys.includes('certStudy.certifications') && !keys.includes('certStudy.syncLedger'));
  });

  it('shows another machine\'s certification and hours after a focus, counts nothing twice, and keeps a newer local edit', async () => {
    const before = shownMinutes(container, 'aws-mla-c01');
    const mine = ownRecord(container);
    const aws = mine.shared.items['certifications:aws-mla-c01']!.value as TrackedCertification;
    const longAgo = new Date(Date.now() - 86_400_000).toISOString();
    const other: MachineRecord = {
      v: 1,
      machineId: OTHER,
      writtenAt: mine.writtenAt,
      shared: {
        items: {
          'certifications:google-pmle': { updatedAt: longAgo, by: OTHER, value: { ...aws, key: 'google-pmle' } },
          // An older edit of a certification this machine changed since: it must not win.
          'certifications:aws-mla-c01': { updatedAt: '2020-01-01T00:00:00.000Z', by: OTHER, value: { ...aws, examDate: null, notes: 'older laptop note' } },
        },
      },
      summary: { time: [['aws-mla-c01', null, [[dayFromToday(-1), 45 * 60_000]]]], practice: [] },
    };
    // Through the one queue every globalState write takes (core/store/serialStorage.ts): written
    // straight to globalState while this machine's publish is in flight, the publish's echo of
    // the whole state can restore the older copy (microsoft/vscode#137132).
    await container.storage.update(OTHER_KEY, other);
    await container.sync.pull();

    const tracked = container.service.tracked().map((c) => c.key);
    assert.ok(tracked.includes('google-pmle'), `the laptop's certification arrived: ${tracked.join(', ')}`);
    assert.strictEqual(container.service.tracked().find((c) => c.key === 'aws-mla-c01')?.notes, aws.notes, 'the newer local version is kept');
    assert.strictEqual(shownMinutes(container, 'aws-mla-c01'), before + 45, 'the laptop\'s 45 minutes are added once');
    assert.ok(container.sync.syncedKeys().includes(OTHER_KEY), 'the laptop\'s key stays listed for sync, so Sync does not drop it');

    // More rounds, as every focus brings: still counted once, and this machine's own record
    // still holds only its own time.
    await container.sync.publish();
    await container.sync.pull();
    await container.sync.publish();
    assert.strictEqual(shownMinutes(container, 'aws-mla-c01'), before + 45);
    const ownMs = ownRecord(container).summary.time.filter(([key]) => key === 'aws-mla-c01').flatMap(([, , b]) => b).reduce((s, [, ms]) => s + ms, 0);
    assert.strictEqual(ownMs / 60_000, before, 'the laptop\'s minutes are not republished as this machine\'s');

    // A newer edit from the laptop wins.
    const newer = new Date(Date.now() + 1_000).toISOString();
    other.shared.items['certifications:aws-mla-c01'] = { updatedAt: newer, by: OTHER, value: { ...aws, notes: 'newer laptop note' } };
    await container.storage.update(OTHER_KEY, other);
    await container.sync.pull();
    assert.strictEqual(container.service.tracked().find((c) => c.key === 'aws-mla-c01')?.notes, 'newer laptop note');
  });
});
