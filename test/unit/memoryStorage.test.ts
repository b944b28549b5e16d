import assert from 'node:assert/strict';
import { MemoryStorage } from './support/memoryStorage';

describe('MemoryStorage (the test Memento)', () => {
  it('returns stored 0, false and empty string, not the default', async () => {
    const m = new MemoryStorage();
    await m.update('zero', 0);
    await m.update('no', false);
    await m.update('empty', '');
    assert.equal(m.get('zero', 42), 0);
    assert.equal(m.get('no', true), false);
    assert.equal(m.get('empty', 'x'), '');
    assert.equal(m.get('missing', 7), 7);
  });

  it('forgets a key updated to undefined, as VS Code does', async () => {
    const m = new MemoryStorage();
    await m.update('k', 1);
    await m.update('k', undefined);
    assert.deepEqual(m.keys(), []);
  });
});
