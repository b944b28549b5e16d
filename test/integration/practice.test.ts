import * as assert from './assert';
import * as vscode from 'vscode';
import type { PracticeExam } from '../../src/core/model/logs';
import type { Container } from '../../src/app/container';
import { buildTeamFile } from '../../src/core/team/exportTeam';
import { activeContainer, answerWindow, dayFromToday, eventually, resetCertifications, treeRows } from './support';

async function practiceRows(container: Container, key = 'aws-mla-c01') {
  const practice = (await treeRows(container, `cert:${key}`)).find((r) => r.id === `cert:${key}/practice`);
  assert.ok(practice, 'the Practice exams row');
  return { practice, children: await treeRows(container, `cert:${key}/practice`) };
}

async function resetPractice(container: Container): Promise<void> {
  await container.store.practiceExams.replaceAll([]);
  await container.store.state.set('practiceReminders', {});
}

describe('practice exams (driven with arguments)', () => {
  beforeEach(async () => {
    const container = await activeContainer();
    await resetCertifications(container);
    await resetPractice(container);
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
  });
  after(async () => {
    const container = await activeContainer();
    await resetPractice(container);
    await resetCertifications(container);
  });

  it('records practice exams through the command; the tree shows the latest score against the pass mark, the trend and the next due date', async () => {
    const container = await activeContainer();
    const first = await vscode.commands.executeCommand<PracticeExam>('certStudy.recordPracticeExam', {
      key: 'aws-mla-c01',
      date: dayFromToday(-3),
      score: '38/50',
      source: 'Official practice test',
      domains: { 'data-preparation': 64 },
    });
    assert.strictEqual(first?.scorePercent, 76);
    assert.deepStrictEqual(first?.entered, { kind: 'raw', correct: 38, total: 50 });
    assert.deepStrictEqual(first?.domainScores, { 'data-preparation': 64 });
    await eventually(async () => {
      const { practice, children } = await practiceRows(container);
      assert.strictEqual(practice.description, 'latest 76 % · pass ≈ 68.9 % · next in 11 d');
      assert.strictEqual(children[0].id, 'cert:aws-mla-c01/practice/next');
      assert.strictEqual(children[0].description, `${dayFromToday(11)} · in 11 d`);
      assert.match(String(children[1].description), /^Not yet · 1 of 3 practice exams so far \(76\); each needs ≥ 73\.9; weakest domain Data Preparation for Machine Learning 64 ≥ 58\.9$/);
      assert.strictEqual(children.find((c) => c.id === 'cert:aws-mla-c01/practice/study-next')?.description, 'Data Preparation for Machine Learning: 64 % · weight 28 %');
    });

    const second = await vscode.commands.executeCommand<PracticeExam>('certStudy.recordPracticeExam', { key: 'aws-mla-c01', score: '780/1000' });
    assert.strictEqual(second?.scorePercent, 75.6, '780 on the 100–1000 scale');
    await eventually(async () => {
      const { practice, children } = await practiceRows(container);
      assert.strictEqual(practice.description, 'latest 75.6 % ↓ 0.4 · pass ≈ 68.9 % · next in 14 d');
      assert.strictEqual(children[0].description, `${dayFromToday(14)} · in 14 d`);
      assert.deepStrictEqual(children.slice(-2).map((c) => c.label), [dayFromToday(0), dayFromToday(-3)], 'latest first');
      assert.strictEqual(children.at(-1)?.description, '76 % (38/50) · Official practice test');
    });

    await vscode.workspace.getConfiguration('certStudy').update('practice.intervalDays', 7, vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => assert.strictEqual((await practiceRows(container)).children[0].description, `${dayFromToday(7)} · in 7 d`));
    } finally {
      await vscode.workspace.getConfiguration('certStudy').update('practice.intervalDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('moves a planned certification to studying when a practice exam is recorded, as a study session does (issue 18)', async () => {
    const container = await activeContainer();
    assert.strictEqual(container.service.get('aws-mla-c01')?.status, 'planned');
    await vscode.commands.executeCommand<PracticeExam>('certStudy.recordPracticeExam', { key: 'aws-mla-c01', date: dayFromToday(-1), score: 62 });
    assert.strictEqual(container.service.get('aws-mla-c01')?.status, 'studying', 'the command returns once the status moved');
    await eventually(async () => assert.strictEqual((await treeRows(container)).find((r) => r.id === 'cert:aws-mla-c01')?.contextValue?.split('+')[1], 'studying', 'the tree row'));
    // What the team file says (built as Export for Team builds it; the command itself would load
    // dist/team.js, which the team suite checks is not loaded before a team command runs).
    const teamFile = buildTeamFile({
      ...container.store.snapshot(),
      profile: { engineerId: '00000000-0000-4000-8000-0000000000e1', name: 'Ana', email: null, role: null, billingRateUsd: { baseline: null, current: null } },
      catalog: container.service.catalog(),
      now: container.shell.now(),
      generator: { name: 'cert-study-tracker', version: 'test' },
    });
    assert.deepStrictEqual(teamFile.certifications.map((c) => [c.key, c.status]), [['aws-mla-c01', 'studying']]);
  });

  it('edits a practice exam with arguments, and deletes it with Undo', async () => {
    const container = await activeContainer();
    const exam = await vscode.commands.executeCommand<PracticeExam>('certStudy.recordPracticeExam', { key: 'aws-mla-c01', date: dayFromToday(-1), score: 70 });
    assert.ok(exam);
    const edited = await vscode.commands.executeCommand<PracticeExam>('certStudy.editPracticeExam', { id: exam.id, score: '42/50', source: 'Udemy' });
    assert.deepStrictEqual([edited?.id, edited?.scorePercent, edited?.source], [exam.id, 84, 'Udemy']);
    const row = `cert:aws-mla-c01/practice/${exam.id}`;
    await eventually(async () => assert.strictEqual((await practiceRows(container)).children.find((c) => c.id === row)?.description, '84 % (42/50) · Udemy'));

    const shown = answerWindow((_message, buttons) => (buttons.includes('Undo') ? 'Undo' : undefined));
    try {
      // The row's id, as the context menu passes it.
      const deleted = await vscode.commands.executeCommand<PracticeExam>('certStudy.deletePracticeExam', row);
      assert.strictEqual(deleted?.id, exam.id);
      assert.match(shown.messages[0], new RegExp(`^Deleted the practice exam of ${dayFromToday(-1)} \\(84 %\\) for AWS MLA-C01\\.$`));
      await eventually(async () => assert.ok((await practiceRows(container)).children.some((c) => c.id === row), 'back after Undo'));
    } finally {
      shown.restore();
    }
    assert.deepStrictEqual(container.store.practiceExams.all().map((e) => [e.id, e.scorePercent]), [[exam.id, 84]]);

    const dismissed = answerWindow();
    try {
      await vscode.commands.executeCommand('certStudy.deletePracticeExam', { id: exam.id });
    } finally {
      dismissed.restore();
    }
    await eventually(async () => {
      const { practice, children } = await practiceRows(container);
      // Recording the practice exam moved the certification to studying (issue 18), and deleting
      // it does not move it back: with nothing logged now, the week's diagnostic is due.
      assert.strictEqual(container.service.get('aws-mla-c01')?.status, 'studying');
      assert.strictEqual(practice.description, `none yet · pass ≈ 68.9 % · diagnostic due by ${dayFromToday(6)}`, 'studying, nothing logged: the diagnostic is due');
      assert.ok(!children.some((c) => c.id === row));
    });
  });

  it('refuses a bad score, an unknown domain and a future date with a message, and saves nothing', async () => {
    const container = await activeContainer();
    const shown = answerWindow();
    try {
      const cases: [unknown, RegExp][] = [
        [{ key: 'aws-mla-c01', score: '1100/1000' }, /score: 1100 is above the top of its scale \(100–1000\)/],
        [{ key: 'aws-mla-c01', score: '52/50' }, /more correct answers \(52\) than questions \(50\)/],
        [{ key: 'aws-mla-c01', score: 70, domains: { modeling: 60 } }, /"modeling" is not a domain of AWS MLA-C01/],
        [{ key: 'aws-mla-c01', score: 70, date: dayFromToday(1) }, new RegExp(`${dayFromToday(1)} is in the future`)],
        [{ key: 'aws-mla-c01', score: 'lots' }, /"lots" is not a score/],
      ];
      for (const [arg, told] of cases) {
        assert.strictEqual(await vscode.commands.executeCommand('certStudy.recordPracticeExam', arg), undefined);
        assert.match(shown.messages.at(-1) ?? '', told);
      }
      assert.strictEqual(shown.messages.length, cases.length);
    } finally {
      shown.restore();
    }
    assert.deepStrictEqual(container.store.practiceExams.all(), []);
    assert.strictEqual((await practiceRows(container)).practice.description, 'none yet · pass ≈ 68.9 %');
  });

  it('asks for what the argument leaves out, checking the score as it is typed', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const originals = { showInputBox: window.showInputBox, showQuickPick: window.showQuickPick };
    const prompts: string[] = [];
    const refusals: (string | undefined)[] = [];
    const answers = [undefined, '780/1000', 'Official practice test', '64', '', '16/20', ''];
    window.showInputBox = async (options: vscode.InputBoxOptions) => {
      prompts.push(options.prompt ?? '');
      if (prompts.length === 2) refusals.push(String(await options.validateInput?.('1100/1000')), String(await options.validateInput?.('52/50')));
      // The first box (the date) is answered with the value it offers: today.
      return answers[prompts.length - 1] ?? options.value;
    };
    window.showQuickPick = async (items: readonly (vscode.QuickPickItem & { enter?: boolean })[]) => items.find((i) => i.enter);
    try {
      const exam = await vscode.commands.executeCommand<PracticeExam>('certStudy.recordPracticeExam', { key: 'aws-mla-c01' });
      assert.strictEqual(exam?.takenAt.slice(0, 10), dayFromToday(0));
      assert.strictEqual(exam?.scorePercent, 75.6);
      assert.strictEqual(exam?.source, 'Official practice test');
      assert.deepStrictEqual(exam?.domainScores, { 'data-preparation': 64, 'deployment-and-orchestration': 80 }, 'empty boxes skip a domain');
      assert.match(prompts[1], /a score on the exam's 100–1000 scale as score\/1000$/, 'the score box names the exam’s scale');
      assert.match(prompts[3], /^Data Preparation for Machine Learning \(weight 28 %\)/);
      assert.deepStrictEqual(refusals, ['1100 is above the top of its scale (100–1000)', '52/50: more correct answers (52) than questions (50)']);
    } finally {
      Object.assign(window, originals);
    }
  });

  it('reminds once of a practice exam that falls due today; "Don\'t remind me" turns reminders off', async () => {
    const container = await activeContainer();
    const config = () => vscode.workspace.getConfiguration('certStudy');
    // Any reminder shown from here on (a focus change may run the check too) comes to the stand-in.
    let answered = 0;
    const shown = answerWindow((message, buttons) => (/practice exam for AWS MLA-C01 is due today/.test(message) && answered++ === 0 ? buttons.find((b) => b === "Don't remind me") : undefined));
    try {
      await vscode.commands.executeCommand('certStudy.recordPracticeExam', { key: 'aws-mla-c01', date: dayFromToday(-14), score: 70 });
      await container.practiceReminders.check();
      await eventually(() => assert.deepStrictEqual(shown.messages, ['A practice exam for AWS MLA-C01 is due today.']));
      await eventually(() => assert.strictEqual(config().get('practice.reminders'), false));
      await container.store.state.set('practiceReminders', {});
      assert.deepStrictEqual(await container.practiceReminders.check(), [], 'turned off');
      await config().update('practice.reminders', undefined, vscode.ConfigurationTarget.Global);
      await container.practiceReminders.check();
      assert.strictEqual(shown.messages.length, 2, 'on again: shown again, since what was shown was forgotten above');
      assert.deepStrictEqual(await container.practiceReminders.check(), [], 'but only once');
      assert.strictEqual(shown.messages.length, 2);
    } finally {
      shown.restore();
      await config().update('practice.reminders', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
