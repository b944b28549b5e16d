import assert from 'node:assert/strict';
import { STATE_SPECS } from '../../src/core/store/stateSpecs';
import { hashValue, stableUuid } from '../../src/core/util/hash';
import { mergeRemote, sharedEntries, stampLocalChanges, type Ledger } from '../../src/core/sync/ledger';
import type { MachineRecord, SharedEntry } from '../../src/core/sync/machineRecord';
import type { SharedState } from '../../src/core/sync/sharedItems';
import { UuidSchema } from '../../src/core/model/primitives';
import { sampleCert } from './support/samples';

const T0 = new Date('2026-11-26T15:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const empty = (): SharedState => ({
  certifications: [],
  customCertifications: [],
  plans: [],
  costs: {},
  profile: STATE_SPECS.profile.fallback,
  roi: STATE_SPECS.roi.fallback,
});
const withCerts = (...notes: [string, string][]): SharedState => ({ ...empty(), certifications: notes.map(([key, n]) => sampleCert({ key, notes: n })) });
const remote = (machineId: string, items: Record<string, SharedEntry>): MachineRecord => ({
  v: 1,
  machineId,
  writtenAt: '2026-11-26T08:00:00.000-07:00',
  shared: { items },
  summary: { time: [], practice: [] },
});

describe('Settings Sync ledger (core/sync/ledger)', () => {
  it('stamps new and changed items now, keeps unchanged ones as they were, and tombstones removals', () => {
    const first = stampLocalChanges({}, withCerts(['aws-mla-c01', ''], ['google-pmle', '']), at(0), 'machine-aaaa');
    assert.deepEqual(Object.keys(first).sort(), ['certifications:aws-mla-c01', 'certifications:google-pmle']);
    assert.equal(first['certifications:aws-mla-c01'].updatedAt, at(0).toISOString());
    assert.deepEqual(stampLocalChanges(first, withCerts(['aws-mla-c01', ''], ['google-pmle', '']), at(5), 'machine-aaaa'), first, 'nothing changed');
    const next = stampLocalChanges(first, withCerts(['aws-mla-c01', 'edited']), at(5), 'machine-aaaa');
    assert.equal(next['certifications:aws-mla-c01'].updatedAt, at(5).toISOString());
    assert.deepEqual(next['certifications:google-pmle'], { updatedAt: at(5).toISOString(), by: 'machine-aaaa', hash: '', deleted: true });
  });

  it('prunes tombstones after 400 days, and never stamps earlier than the version it replaces', () => {
    const ledger: Ledger = {
      'certifications:google-pmle': { updatedAt: at(0).toISOString(), by: 'machine-aaaa', hash: '', deleted: true },
      'certifications:aws-mla-c01': { updatedAt: at(60).toISOString(), by: 'machine-bbbb', hash: 'old' },
    };
    const day399 = stampLocalChanges(ledger, withCerts(['aws-mla-c01', 'x']), at(399 * 1440), 'machine-aaaa');
    assert.ok(day399['certifications:google-pmle']);
    assert.ok(!stampLocalChanges(ledger, withCerts(['aws-mla-c01', 'x']), at(401 * 1440), 'machine-aaaa')['certifications:google-pmle']);
    // This machine's clock is behind the other's: its edit must still be the newer version.
    const behind = stampLocalChanges(ledger, withCerts(['aws-mla-c01', 'x']), at(10), 'machine-aaaa');
    assert.equal(behind['certifications:aws-mla-c01'].updatedAt, new Date(at(60).getTime() + 1).toISOString());
  });

  it('does not publish a single value left at its fallback: a fresh machine cannot wipe the ROI inputs', () => {
    assert.deepEqual(stampLocalChanges({}, empty(), at(0), 'machine-aaaa'), {});
  });

  it('ties on the instant go to the greater machine id, whatever order the records come in', () => {
    const local = withCerts(['aws-mla-c01', 'local']);
    const ledger = stampLocalChanges({}, local, at(0), 'machine-aaaa');
    const entry = (by: string, notes: string): SharedEntry => ({ updatedAt: at(5).toISOString(), by, value: sampleCert({ notes }) });
    const records = [remote('machine-cccc', { 'certifications:aws-mla-c01': entry('machine-cccc', 'C') }), remote('machine-bbbb', { 'certifications:aws-mla-c01': entry('machine-bbbb', 'B') })];
    for (const order of [records, [...records].reverse()]) {
      const merged = mergeRemote(local, ledger, order, at(6));
      assert.equal(merged.state.certifications[0].notes, 'C');
      assert.deepEqual(merged.changedKeys, ['certifications']);
      assert.equal(merged.ledger['certifications:aws-mla-c01'].by, 'machine-cccc');
      assert.equal(merged.ledger['certifications:aws-mla-c01'].hash, hashValue(sampleCert({ notes: 'C' })));
    }
  });

  it('a newer local entry wins, and an equal value only moves the stamp (no change to apply)', () => {
    const local = withCerts(['aws-mla-c01', 'same']);
    const ledger = stampLocalChanges({}, local, at(10), 'machine-aaaa');
    const older = remote('machine-bbbb', { 'certifications:aws-mla-c01': { updatedAt: at(5).toISOString(), by: 'machine-bbbb', value: sampleCert({ notes: 'older' }) } });
    assert.deepEqual(mergeRemote(local, ledger, [older], at(11)).changedKeys, []);
    const sameValue = remote('machine-bbbb', { 'certifications:aws-mla-c01': { updatedAt: at(20).toISOString(), by: 'machine-bbbb', value: sampleCert({ notes: 'same' }) } });
    const merged = mergeRemote(local, ledger, [sameValue], at(21));
    assert.deepEqual(merged.changedKeys, []);
    assert.equal(merged.ledger['certifications:aws-mla-c01'].updatedAt, at(20).toISOString());
  });

  it('publishes every known item: values and tombstones, sorted', () => {
    const state = withCerts(['google-pmle', '']);
    const ledger = stampLocalChanges(stampLocalChanges({}, withCerts(['aws-mla-c01', ''], ['google-pmle', '']), at(0), 'machine-aaaa'), state, at(1), 'machine-aaaa');
    assert.deepEqual(sharedEntries(ledger, state), {
      'certifications:aws-mla-c01': { updatedAt: at(1).toISOString(), by: 'machine-aaaa', deleted: true },
      'certifications:google-pmle': { updatedAt: at(0).toISOString(), by: 'machine-aaaa', value: state.certifications[0] },
    });
  });

  it('derives UUID-shaped ids that pass the logs’ schema and differ for different inputs', () => {
    const ids = ['a', 'b', 'session\nm\nk\n\n2026-11-26'].map(stableUuid);
    for (const id of ids) assert.ok(UuidSchema.safeParse(id).success, id);
    assert.equal(new Set(ids).size, 3);
    assert.equal(stableUuid('a'), ids[0]);
  });
});
