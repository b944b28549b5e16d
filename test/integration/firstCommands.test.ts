import * as vscode from 'vscode';
import type { TrackedCertification } from '../../src/core/model/tracking';
import type { CertStudyApi } from '../../src/extension';
import * as assert from './assert';
import { EXTENSION_ID, phase, treeRows } from './support';

// "[fresh profile]" runs only in its own session (test/run-integration.mjs): a new profile, three
// phases with a real window reload between them, and this suite alone in the window, so its
// commands are truly the first thing the window does: they load the app, and Settings Sync starts
// its first writes at the same moment as theirs (the defect: a custom certification added first
// was gone after the reload).

const CUSTOMS = ['Agency MLOps', 'Agency Vector Search', 'Agency Evaluation', 'Agency RAG', 'Agency Guardrails', 'Agency Fine-tuning'];
const CATALOG = ['aws-mla-c01', 'google-pmle', 'databricks-ml-associate', 'nvidia-nca-genl'];
const LATER = ['Agency Agents', 'Agency Observability'];

/** Activates the shell only: the app (and Settings Sync) load on the first command, as in a new window. */
async function shellOnly(): Promise<CertStudyApi> {
  const extension = vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this window`);
  return extension.activate();
}

const run = <T>(command: string, arg: unknown) => vscode.commands.executeCommand<T>(command, arg);
const customKey = (name: string) => `custom:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

async function storedAfterLoad(api: CertStudyApi): Promise<{ tracked: TrackedCertification[]; customNames: string[] }> {
  const container = await api.app();
  await container.ready;
  // Read back from globalState itself, not from the store's copy in memory.
  const raw = (key: string) => (container.context.globalState.get<{ data: unknown[] }>(key)?.data ?? []) as never[];
  return {
    tracked: raw('certStudy.certifications') as TrackedCertification[],
    customNames: (raw('certStudy.customCertifications') as { name: string }[]).map((c) => c.name),
  };
}

describe('the first commands of a fresh window lose nothing [fresh profile]', () => {
  it('keeps ten changes fired at once as the window’s first action, and ten more after each reload', async function () {
    if (phase() === undefined) this.skip(); // asked for by --grep in an ordinary run: it needs its phases
    const api = await shellOnly();
    if (phase() === '1') {
      // Ten adds at once, before anything else has loaded the app: six custom, four from the catalog.
      await Promise.all([
        ...CUSTOMS.map((name) => run('certStudy.addCertification', { custom: { name, provider: 'Agency' }, targetHours: 20 })),
        ...CATALOG.map((key) => run('certStudy.addCertification', { key, targetHours: 40 })),
      ]);
      return;
    }
    if (phase() === '2') {
      // First thing after the reload: ten edits, removals and adds at once over what phase 1 saved
      // (an edit or removal of a certification that was lost would be refused).
      await Promise.all([
        ...CUSTOMS.slice(0, 4).map((name, i) => run('certStudy.editCertification', { key: customKey(name), targetHours: 30 + i })),
        run('certStudy.editCertification', { key: 'aws-mla-c01', examDate: '2027-03-01' }),
        run('certStudy.removeCertification', { key: customKey(CUSTOMS[5]), skipConfirmation: true }),
        run('certStudy.removeCertification', { key: 'nvidia-nca-genl', skipConfirmation: true }),
        ...LATER.map((name) => run('certStudy.addCertification', { custom: { name, provider: 'Agency' } })),
        run('certStudy.setStatus', { key: 'google-pmle', status: 'studying' }),
      ]);
      const { tracked } = await storedAfterLoad(api);
      assert.strictEqual(tracked.length, 10 + LATER.length - 2, tracked.map((c) => c.key).join(', '));
      return;
    }
    // Phase 3: after the second reload, every change of both phases is there.
    const { tracked, customNames } = await storedAfterLoad(api);
    const byKey = new Map(tracked.map((c) => [c.key, c]));
    const expectedKeys = [...CUSTOMS.slice(0, 5).map(customKey), ...CATALOG.slice(0, 3), ...LATER.map(customKey)].sort();
    assert.deepStrictEqual([...byKey.keys()].sort(), expectedKeys);
    CUSTOMS.slice(0, 4).forEach((name, i) => assert.strictEqual(byKey.get(customKey(name))?.targetMinutes, (30 + i) * 60, name));
    assert.strictEqual(byKey.get(customKey(CUSTOMS[4]))?.targetMinutes, 20 * 60);
    assert.strictEqual(byKey.get('aws-mla-c01')?.examDate, '2027-03-01');
    assert.strictEqual(byKey.get('google-pmle')?.status, 'studying');
    // Every custom row has its definition (the other half of the defect: a row showing its raw key).
    for (const name of [...CUSTOMS, ...LATER]) assert.ok(customNames.includes(name), `definition of ${name} kept`);
    const rows = await treeRows(await api.app());
    assert.deepStrictEqual(
      rows.map((r) => String(r.id)).sort(),
      expectedKeys.map((k) => `cert:${k}`),
    );
    for (const row of rows) assert.ok(!String(row.label).startsWith('custom:'), `row ${String(row.id)} shows a name, not its key`);
  });
});
