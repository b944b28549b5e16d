import * as assert from './assert';
import { Catalog } from '../../src/core/catalog/catalog';
import type { StudySnapshot } from '../../src/core/store/studyStore';
import { CertificationTreeProvider, type TreeInputs } from '../../src/features/certifications/certificationTree';
import { sampleCert, sampleSession } from '../unit/support/samples';

// The Certifications view's provider on its own, in the real extension host (its own instance,
// over data the test changes, not the extension's): when it rebuilds after changes, a step per
// turn of the event loop, and what it shows.
const now = new Date('2026-11-26T15:00:00Z');
const catalog = new Catalog();
const keys = catalog
  .all()
  .slice(0, 3)
  .map((e) => e.key);

/** A turn of the event loop, as the provider takes them (core/util/turns.ts: setImmediate in Node, setTimeout(0) in the web worker). */
const schedule = (run: () => void) => (typeof setImmediate === 'function' ? void setImmediate(run) : void setTimeout(run, 0));
const turn = () => new Promise<void>((resolve) => schedule(resolve));

describe('the Certifications view’s rebuilds (CertificationTreeProvider)', () => {
  const Provider = CertificationTreeProvider;
  const providers: CertificationTreeProvider[] = [];
  afterEach(() => providers.splice(0).forEach((provider) => provider.dispose()));

  /** A provider over data the test changes; counts the rebuilds that read it and the rows it refreshed. */
  async function shownProvider() {
    let snapshot: StudySnapshot = {
      logsLoaded: true,
      certifications: keys.map((key) => sampleCert({ key })),
      customCertifications: [],
      profile: null,
      sessions: keys.map((certKey) => sampleSession({ certKey })),
      practiceExams: [],
    };
    const state = { reads: 0, onRead: () => {} };
    const inputs: TreeInputs = {
      snapshot: () => snapshot,
      catalog: () => catalog,
      sortBy: () => {
        // Read once per build, when it starts.
        state.reads++;
        state.onRead();
        return 'name';
      },
      now: () => now,
    };
    const provider = new Provider(inputs, Promise.resolve(), Promise.resolve());
    providers.push(provider);
    await provider.getChildren();
    const refreshed: (string | undefined)[][] = [];
    provider.onDidChangeTreeData((id) => refreshed[refreshed.length - 1]?.push(id));
    /** Changes the second certification's target hours (its row's description), as a store change would. */
    const setTarget = (hours: number) => {
      snapshot = { ...snapshot, certifications: snapshot.certifications.map((c) => (c.key === keys[1] ? { ...c, targetMinutes: hours * 60 } : c)) };
    };
    /** Turns until the provider refreshes rows, counted from the moment a rebuild reads the data. */
    const turnsToRefresh = async (): Promise<number | undefined> => {
      refreshed.push([]);
      let turns: number | undefined;
      state.onRead = () => {
        turns = 0;
        const tick = () => {
          if (refreshed[refreshed.length - 1].length) return;
          turns!++;
          schedule(tick);
        };
        schedule(tick);
      };
      for (let i = 0; i < 100 && !refreshed[refreshed.length - 1].length; i++) await new Promise((resolve) => setTimeout(resolve, 1));
      state.onRead = () => {};
      return turns;
    };
    return { provider, state, refreshed, setTarget, turnsToRefresh, readsBefore: state.reads };
  }

  const description = (provider: CertificationTreeProvider) => provider.node(`cert:${keys[1]}`)!.description;

  it('rebuilds once for a burst of changes, a step per turn, and refreshes only the row that changed', async () => {
    const { provider, state, refreshed, setTarget, turnsToRefresh, readsBefore } = await shownProvider();
    const roots = (await provider.getChildren()).length;
    setTarget(77);
    provider.refresh();
    provider.refresh();
    provider.refresh();
    // The logs' walk, three certifications and the rest of the build, then the comparison with
    // the rows shown, a root row at a time: a turn each after the first.
    assert.strictEqual(await turnsToRefresh(), 1 + keys.length + 1 + roots);
    assert.strictEqual(state.reads, readsBefore + 1, 'one rebuild for the three changes');
    assert.deepStrictEqual(refreshed, [[`cert:${keys[1]}`]]);
    assert.match(String(description(provider)), / \/ 77 h/);
  });

  it('starts a rebuild again from the new data when a change overtakes it, and shows only the newer one', async () => {
    const { provider, state, refreshed, setTarget, readsBefore } = await shownProvider();
    setTarget(77);
    provider.refresh();
    await new Promise((resolve) => setTimeout(resolve, 1));
    await turn();
    assert.strictEqual(state.reads, readsBefore + 1, 'the first rebuild has started');
    refreshed.push([]);
    setTarget(88);
    provider.refresh();
    for (let i = 0; i < 100 && !refreshed[0].length; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    for (let i = 0; i < 10; i++) await turn();
    assert.deepStrictEqual(refreshed, [[`cert:${keys[1]}`]], 'the rows refreshed once');
    assert.strictEqual(state.reads, readsBefore + 2);
    assert.match(String(description(provider)), / \/ 88 h/);
  });

  it('answers VS Code’s getChildren while a change waits after the rebuild in steps, not with a rebuild in one block', async () => {
    const { provider, state, setTarget, readsBefore } = await shownProvider();
    setTarget(66);
    provider.refresh();
    let turns = 0;
    let answered = false;
    const tick = () => {
      if (answered) return;
      turns++;
      schedule(tick);
    };
    schedule(tick);
    const roots = await provider.getChildren();
    answered = true;
    assert.ok(roots.includes(`cert:${keys[1]}`));
    assert.match(String(description(provider)), / \/ 66 h/);
    assert.strictEqual(state.reads, readsBefore + 1, 'one rebuild, the one in steps');
    // The logs' walk and a step per certification, a turn each: a rebuild at once would answer in this turn.
    assert.ok(turns >= 1 + keys.length, `answered after ${turns} turns`);
  });

  it('does not hold getChildren back while changes keep coming: it waits for one rebuild, then rebuilds at once', async () => {
    const { provider, setTarget } = await shownProvider();
    let hours = 60;
    setTarget(hours);
    provider.refresh();
    let answered = false;
    const children = provider.getChildren().then((roots) => ((answered = true), roots));
    // A change every turn, faster than a rebuild in steps can finish, for 40 turns.
    let changesWhileWaiting = 0;
    for (let i = 0; i < 40 && !answered; i++) {
      await turn();
      if (answered) break;
      setTarget(++hours);
      provider.refresh();
      changesWhileWaiting++;
    }
    assert.ok(answered, `getChildren still waiting after ${changesWhileWaiting} changes`);
    assert.ok((await children).includes(`cert:${keys[1]}`));
    assert.ok(changesWhileWaiting <= 2, `answered after ${changesWhileWaiting} changes`);
  });

  it('rebuilds at once for a read while a change waits, shows nothing stale, and the waiting rebuild then stops', async () => {
    const { provider, state, refreshed, setTarget, readsBefore } = await shownProvider();
    refreshed.push([]);
    setTarget(77);
    provider.refresh();
    assert.match(String(description(provider)), / \/ 77 h/);
    assert.deepStrictEqual(refreshed, [[`cert:${keys[1]}`]]);
    assert.strictEqual(state.reads, readsBefore + 1);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.deepStrictEqual(refreshed, [[`cert:${keys[1]}`]], 'not refreshed again');
    assert.strictEqual(state.reads, readsBefore + 1, 'the rebuild in steps never read the data');
  });
});
