import * as vscode from 'vscode';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import type { ApplyStackResult } from '../../src/features/plans/planCommands';
import type { ExportCalendarResult } from '../../src/features/plans/calendarCommands';
import type { Plan } from '../../src/core/model/plans';
import type { TrackedCertification } from '../../src/core/model/tracking';
import type { RoiFigures } from '../../src/core/roi/roi';
import type { Container } from '../../src/app/container';
import * as assert from './assert';
import { readText, remove, tempFolder } from './files';
import { activeContainer, answerWindow, loadedBundles, resetCertifications, treeRows } from './support';

// ical.js is an ES module: loaded with import() (the suites are CommonJS; esbuild bundles it in).
let ICAL: typeof ICALModule;

function calendarModuleLoaded(): boolean {
  return loadedBundles().includes('calendar');
}

async function resetPlans(container: Container): Promise<void> {
  await resetCertifications(container);
  await container.store.state.set('plans', []);
  await container.store.state.set('costs', {});
  await container.store.state.set('roi', { rateChangedOn: null });
  await container.store.state.set('profile', null);
  await container.store.sessions.replaceAll([]);
  await container.store.practiceExams.replaceAll([]);
}

describe('plans, costs and the calendar export (driven with arguments)', () => {
  let dir: vscode.Uri;
  before(async () => {
    dir = await tempFolder('cert-study-plans-');
    ICAL = (await import('ical.js')).default;
  });
  beforeEach(async () => resetPlans(await activeContainer()));
  after(async () => {
    if (dir) await remove(dir);
    await resetPlans(await activeContainer());
  });

  it('applies a stack: the plan row and its months in the tree, a tracked certification skipped and left as it was', async () => {
    const container = await activeContainer();
    const mine = await vscode.commands.executeCommand<TrackedCertification>('certStudy.addCertification', { key: 'aws-mla-c01', targetHours: 33 });
    const window = answerWindow();
    let applied: ApplyStackResult | undefined;
    try {
      applied = await vscode.commands.executeCommand<ApplyStackResult>('certStudy.applyStack', { stack: 'enterprise', startMonth: '2027-01' });
    } finally {
      window.restore();
    }
    assert.ok(applied, 'the command returns what it did');
    assert.deepStrictEqual(applied.added, ['azure-ai-103', 'google-pmle']);
    assert.deepStrictEqual(applied.skipped, ['aws-mla-c01']);
    assert.strictEqual(window.messages.length, 1);
    assert.match(window.messages[0], /Applied the Enterprise ML Engineer stack, 2027-01 to 2028-03\./);
    assert.match(window.messages[0], /Skipped, already tracked and left as they were: AWS MLA-C01\./);
    assert.deepStrictEqual(container.store.state.get('certifications').find((c) => c.key === 'aws-mla-c01'), mine, 'left exactly as it was');

    // The plan row comes after the week row, before the certifications (which stay where they were).
    const roots = await container.tree.getChildren();
    assert.deepStrictEqual(
      roots.filter((id) => id !== 'week'),
      ['plan:enterprise', 'cert:aws-mla-c01', 'cert:azure-ai-103', 'cert:google-pmle'],
    );
    if (roots.includes('week')) assert.strictEqual(roots.indexOf('plan:enterprise'), roots.indexOf('week') + 1);
    assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), ['cert:aws-mla-c01', 'cert:azure-ai-103', 'cert:google-pmle']);
    const plan = container.tree.getTreeItem('plan:enterprise');
    assert.strictEqual(plan.label, 'Enterprise ML Engineer plan');
    assert.strictEqual(plan.description, '2027-01 – 2028-03 · 0 of 3 passed');
    assert.strictEqual(plan.contextValue, 'plan');
    const children = await treeRows(container, 'plan:enterprise');
    assert.deepStrictEqual(
      children.map((c) => [c.id, c.label, c.description]),
      [
        ['plan:enterprise/aws-mla-c01', 'AWS MLA-C01', '2027-01 – 2027-04 · planned'],
        ['plan:enterprise/azure-ai-103', 'Azure AI-103', '2027-05 – 2027-09 · planned'],
        ['plan:enterprise/google-pmle', 'Google PMLE', '2027-10 – 2028-03 · planned'],
      ],
    );
    assert.strictEqual(container.tree.getParent('plan:enterprise/azure-ai-103'), 'plan:enterprise');
    assert.match((children[1].tooltip as vscode.MarkdownString).value, /Azure AI-102 retired on 2026-06-30, and Azure AI-103 is its successor/);
    // Targets from the catalog's study hours: AI-103 borrows AI-102's 80–120 h.
    assert.strictEqual((await treeRows(container)).find((r) => r.id === 'cert:azure-ai-103')!.description, '0 / 80 h');
  });

  it('shifts the plan and sets one certification’s months; refuses a start month after the end month and saves nothing', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.applyStack', { stack: 'full-stack', startMonth: '2027-01' });
    const shifted = await vscode.commands.executeCommand<Plan>('certStudy.editPlan', { plan: 'full-stack', startMonth: '2027-03' });
    assert.deepStrictEqual(shifted?.items.map((i) => i.startMonth), ['2027-07', '2027-12', '2028-05']);
    await vscode.commands.executeCommand('certStudy.editPlan', { plan: 'full-stack', key: 'google-pmle', endMonth: '2028-09' });
    assert.strictEqual((await treeRows(container, 'plan:full-stack')).find((r) => r.id === 'plan:full-stack/google-pmle')!.description, '2028-05 – 2028-09 · planned');
    const before = JSON.stringify(container.store.state.get('plans'));
    const window = answerWindow();
    try {
      const refused = await vscode.commands.executeCommand('certStudy.editPlan', { plan: 'full-stack', key: 'google-pmle', startMonth: '2028-10' });
      assert.strictEqual(refused, undefined);
    } finally {
      window.restore();
    }
    assert.strictEqual(window.messages.length, 1);
    assert.match(window.messages[0], /start month 2028-10 is after the end month 2028-09/);
    assert.strictEqual(JSON.stringify(container.store.state.get('plans')), before, 'nothing saved');
    // The closed TensorFlow certificate's slot says why it is empty.
    const slot = container.tree.getTreeItem('plan:full-stack/slot:foundation');
    assert.strictEqual(slot.description, '2027-03 – 2027-06 · no exam');
  });

  it('costs and billing rates: the return on investment, and bad input refused with nothing saved', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle' });
    const costs = await vscode.commands.executeCommand<{ totalUsd: number }>('certStudy.editCosts', {
      key: 'google-pmle',
      items: [
        { kind: 'exam', amountUsd: 200 },
        { kind: 'course', amountUsd: 17_800, note: 'bootcamp' },
      ],
    });
    assert.strictEqual(costs?.totalUsd, 18_000);
    assert.strictEqual(container.store.state.get('certifications')[0].costUsd, 18_000, 'the team file’s cost is the sum');
    const today = new Date(container.shell.now());
    const weeksAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 70);
    const changedOn = `${weeksAgo.getFullYear()}-${String(weeksAgo.getMonth() + 1).padStart(2, '0')}-${String(weeksAgo.getDate()).padStart(2, '0')}`;
    await vscode.commands.executeCommand('certStudy.setBillingRates', { baseline: 175, current: 260, changedOn });
    const window = answerWindow();
    let figures: RoiFigures | undefined;
    try {
      figures = await vscode.commands.executeCommand<RoiFigures>('certStudy.showRoi');
      // Bad input: a negative cost, a rate that is not a number.
      assert.strictEqual(await vscode.commands.executeCommand('certStudy.editCosts', { key: 'google-pmle', items: [{ kind: 'exam', amountUsd: -200 }] }), undefined);
      assert.strictEqual(await vscode.commands.executeCommand('certStudy.setBillingRates', { current: 'lots' }), undefined);
    } finally {
      window.restore();
    }
    assert.strictEqual(figures?.investedUsd, 18_000);
    assert.strictEqual(figures.rateChangeUsd, 85);
    assert.strictEqual(figures.weeksSinceChange, 10);
    assert.strictEqual(figures.extraRevenueUsd, 85 * 32 * 10, 'certStudy.billableHoursPerWeek defaults to 32');
    // The field and the rule, never the whole argument (issue 18).
    assert.strictEqual(window.messages[1], 'Cert Study: certStudy.editCosts: items[0].amountUsd: a cost cannot be negative, got -200');
    assert.strictEqual(window.messages[2], 'Cert Study: certStudy.setBillingRates: current: expected a billing rate in USD an hour (a number), got "lots"');
    assert.strictEqual(container.store.state.get('certifications')[0].costUsd, 18_000, 'nothing saved');
    assert.strictEqual(container.store.state.get('profile')?.billingRateUsd.current, 260, 'nothing saved');
  });

  it('exports a calendar file (loading dist/calendar.js only then) that ical.js reads back, with stable UIDs', async () => {
    await activeContainer();
    assert.strictEqual(calendarModuleLoaded(), false, 'not loaded with the app');
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    await vscode.commands.executeCommand('certStudy.setExamDate', { key: 'aws-mla-c01', date: '2099-03-01' });
    const file = vscode.Uri.joinPath(dir, 'study.ics');
    const result = await vscode.commands.executeCommand<ExportCalendarResult>('certStudy.exportCalendar', { path: file.fsPath });
    assert.strictEqual(calendarModuleLoaded(), true);
    assert.strictEqual(result?.path, file.fsPath);
    const root = new ICAL.Component(ICAL.parse(await readText(file)));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const exam = events.find((e) => e.summary === 'Exam: AWS MLA-C01');
    assert.ok(exam, 'the exam date');
    assert.strictEqual(exam.startDate.toString(), '2099-03-01');
    assert.strictEqual(exam.startDate.isDate, true);
    const block = events.find((e) => e.summary === 'Morning study block');
    assert.ok(block, 'the morning block (on by default)');
    assert.strictEqual(block.isRecurring(), true);
    const recur = block.component.getFirstPropertyValue('rrule') as ICALModule.Recur;
    assert.strictEqual(recur.freq, 'WEEKLY');
    assert.deepStrictEqual(recur.parts.BYDAY, ['MO', 'TU', 'WE', 'TH', 'FR']);
    if (zone !== 'UTC' && zone !== 'Etc/UTC') {
      assert.deepStrictEqual(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')), [zone]);
      assert.strictEqual(block.component.getFirstProperty('dtstart')!.getParameter('tzid'), zone);
    }
    assert.strictEqual(block.startDate.hour, 8);
    const firstText = await readText(file);
    assert.ok(firstText.endsWith('END:VCALENDAR\r\n'), 'the last line ends with CRLF too (RFC 5545)');
    const sequences = (text: string) => {
      const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      return new Map(parsed.map((e) => [e.summary, e.sequence]));
    };
    const before = sequences(firstText);
    // A second export after the date moved, at once (the same minute): the same UIDs, the new
    // date, and a higher SEQUENCE for the exam only (issue 18: both carried minutes since 2026).
    await vscode.commands.executeCommand('certStudy.setExamDate', { key: 'aws-mla-c01', date: '2099-04-01' });
    const again = await vscode.commands.executeCommand<ExportCalendarResult>('certStudy.exportCalendar', { path: file.fsPath });
    assert.deepStrictEqual(again?.events.map((e) => e.uid).sort(), result.events.map((e) => e.uid).sort());
    const secondText = await readText(file);
    assert.match(secondText, /DTSTART;VALUE=DATE:20990401/);
    const after = sequences(secondText);
    assert.strictEqual(after.get('Exam: AWS MLA-C01'), before.get('Exam: AWS MLA-C01')! + 1, 'the moved exam is a newer revision');
    assert.strictEqual(after.get('Morning study block'), before.get('Morning study block'), 'the unchanged block keeps its SEQUENCE');
    assert.strictEqual(again.events.find((e) => e.summary === 'Exam: AWS MLA-C01')?.sequence, after.get('Exam: AWS MLA-C01'));
  });
});
