import * as assert from 'node:assert';
import { withWriteLease, type LeaseFiles } from '../../src/core/store/writeLease';

/**
 * An in-memory folder whose every operation yields first, so concurrent callers interleave the
 * way two browser tabs' workspace.fs calls do. createExclusive is atomic here, as the lease needs.
 */
class InterleavingFiles implements LeaseFiles {
  readonly files = new Map<string, string>();
  private async turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }
  async createExclusive(path: string, text: string): Promise<boolean> {
    await this.turn();
    if (this.files.has(path)) return false;
    this.files.set(path, text);
    return true;
  }
  async readText(path: string): Promise<string | undefined> {
    await this.turn();
    return this.files.get(path);
  }
  async remove(path: string): Promise<void> {
    await this.turn();
    this.files.delete(path);
  }
  /** A non-atomic append (read, then write), as workspace.fs offers. */
  async append(path: string, text: string): Promise<void> {
    const before = await this.readText(path);
    await this.turn();
    this.files.set(path, (before ?? '') + text);
  }
}

let tokens = 0;
const options = (now: () => number = Date.now) => ({ now, token: () => `t${++tokens}`, sleep: () => new Promise<void>((r) => setImmediate(r)) });

describe('write lease (appends without an append: two tabs over workspace.fs)', () => {
  it('loses an append without the lease: the interleaving fake reproduces the race', async () => {
    const fs = new InterleavingFiles();
    await Promise.all(Array.from({ length: 10 }, (_, i) => fs.append('log', `${i}\n`)));
    assert.ok(fs.files.get('log')!.split('\n').filter(Boolean).length < 10);
  });

  it('keeps every one of ten concurrent appends under the lease, and releases it', async () => {
    const fs = new InterleavingFiles();
    await Promise.all(Array.from({ length: 10 }, (_, i) => withWriteLease(fs, 'log.lock', () => fs.append('log', `${i}\n`), options())));
    const lines = fs.files.get('log')!.split('\n').filter(Boolean).sort((a, b) => Number(a) - Number(b));
    assert.deepStrictEqual(lines, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.strictEqual(fs.files.has('log.lock'), false);
  });

  it('takes over a lease left by a window that died mid-write once it is stale, not before', async () => {
    const fs = new InterleavingFiles();
    let clock = 1_000_000;
    fs.files.set('log.lock', `${clock} dead-window`);
    // Fresh: waits, and gives up after its timeout with a message naming the file.
    await assert.rejects(
      withWriteLease(fs, 'log.lock', () => Promise.resolve('ran'), { ...options(() => (clock += 1_000)), staleMs: 60_000, timeoutMs: 5_000 }),
      /log\.lock: another window has been writing since/,
    );
    assert.strictEqual(fs.files.get('log.lock'), '1000000 dead-window');
    // Stale: taken over, the work runs, and the lease is gone after.
    clock = 1_000_000 + 11_000;
    const result = await withWriteLease(fs, 'log.lock', () => Promise.resolve('ran'), { ...options(() => clock), staleMs: 10_000 });
    assert.strictEqual(result, 'ran');
    assert.strictEqual(fs.files.has('log.lock'), false);
  });

  it('releases the lease when the work fails, and passes the failure on', async () => {
    const fs = new InterleavingFiles();
    await assert.rejects(withWriteLease(fs, 'log.lock', () => Promise.reject(new Error('disk full')), options()), /disk full/);
    assert.strictEqual(fs.files.has('log.lock'), false);
  });

  it('does not remove a lease another window took over after ours went stale', async () => {
    const fs = new InterleavingFiles();
    await withWriteLease(
      fs,
      'log.lock',
      async () => {
        fs.files.set('log.lock', '999 other-window'); // ours was judged stale and taken over
      },
      options(),
    );
    assert.strictEqual(fs.files.get('log.lock'), '999 other-window');
  });
});
