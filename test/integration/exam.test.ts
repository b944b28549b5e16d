import * as assert from './assert';
import * as vscode from 'vscode';
import type { TrackedCertification } from '../../src/core/model/tracking';
import type { CertStudyApi } from '../../src/extension';
import { activeContainer, answerWindow, dayFromToday, eventually, EXTENSION_ID, resetCertifications, treeRows } from './support';

const api = () => vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID)!.exports;
const run = <T>(id: string, arg?: unknown) => vscode.commands.executeCommand<T>(id, arg);

describe('exam dates, the status-bar countdown and results', () => {
  beforeEach(async () => {
    const container = await activeContainer();
    if (container.timer.current()) await container.timer.discard();
    await resetCertifications(container);
    await run('certStudy.addCertification', { key: 'aws-mla-c01' });
  });

  it('counts down to the exam set by command, and clears it', async () => {
    await run('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(23) });
    await eventually(() => assert.strictEqual(api().status.text, '$(mortar-board) AWS MLA-C01 · 23d'));
    assert.match(api().status.tooltipText ?? '', /exam on \d{4}-\d\d-\d\d \(in 23 days\)/);
    await run('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(1) });
    await eventually(() => assert.strictEqual(api().status.text, '$(mortar-board) AWS MLA-C01 · tomorrow'));
    const cleared = await run<TrackedCertification>('certStudy.clearExamDate', { key: 'aws-mla-c01' });
    assert.strictEqual(cleared.status, 'planned', 'nothing studied: back to planned');
    await eventually(() => assert.strictEqual(api().status.text, undefined));
  });

  it('gives a running timer the status bar first, and the countdown back after', async () => {
    await run('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(10) });
    await run('certStudy.startTimer', { key: 'aws-mla-c01' });
    assert.match(api().status.text ?? '', /^\$\(watch\) /);
    await run('certStudy.discardTimer', { skipConfirmation: true });
    await eventually(() => assert.strictEqual(api().status.text, '$(mortar-board) AWS MLA-C01 · 10d'));
  });

  it('records a pass: the tree and the status bar move on to the renewal countdown', async () => {
    const container = await activeContainer();
    // Passed long enough ago that the expiry (MLA-C01: three years) is within the 90-day window.
    const window = answerWindow();
    let recorded: TrackedCertification;
    try {
      await run('certStudy.editCertification', { key: 'aws-mla-c01', status: 'scheduled' });
      recorded = await run<TrackedCertification>('certStudy.recordExamResult', { key: 'aws-mla-c01', result: 'passed', date: dayFromToday(-3 * 365 + 40), score: 812 });
    } finally {
      window.restore();
    }
    assert.strictEqual(recorded.status, 'passed');
    assert.strictEqual(recorded.attempts.at(-1)?.score, 812);
    const [row] = await treeRows(container);
    assert.match(String(row.description), /expires in \d+ d/);
    await eventually(() => assert.match(api().status.text ?? '', /^\$\(history\) renew AWS MLA-C01 · \d+d$/));
  });

  it('refuses a score off the exam scale, and a booking after an exam retired, changing nothing', async () => {
    const container = await activeContainer();
    const window = answerWindow();
    try {
      assert.strictEqual(await run('certStudy.recordExamResult', { key: 'aws-mla-c01', result: 'passed', date: dayFromToday(-1), score: 1500 }), undefined);
      assert.strictEqual(container.service.get('aws-mla-c01')?.status, 'planned');
      await run('certStudy.addCertification', { key: 'aws-mls-c01' });
      assert.strictEqual(await run('certStudy.setExamDate', { key: 'aws-mls-c01', date: dayFromToday(30) }), undefined);
      assert.strictEqual(container.service.get('aws-mls-c01')?.examDate, null);
      const text = window.messages.join('\n');
      assert.match(text, /score: 1500 is outside the exam's scale 100-1000/);
      assert.match(text, /retired on 2026-03-31/);
      assert.match(text, /AWS MLA-C01, AWS AIP-C01/);
    } finally {
      window.restore();
    }
  });

  it('asks before recording a past exam date, and records it only when confirmed', async () => {
    const container = await activeContainer();
    const declined = answerWindow();
    try {
      assert.strictEqual(await run('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(-10) }), undefined);
      assert.match(declined.messages[0], /is in the past/);
    } finally {
      declined.restore();
    }
    assert.strictEqual(container.service.get('aws-mla-c01')?.examDate, null);
    const confirmed = await run<TrackedCertification>('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(-10), confirmPast: true });
    assert.strictEqual(confirmed.examDate, dayFromToday(-10));
  });

  it('reminds once of a renewal due within 30 days, and not again', async () => {
    const container = await activeContainer();
    await container.store.state.set('renewalReminders', {});
    // Held since long enough that the three-year validity ends in 20 days.
    await run('certStudy.editCertification', { key: 'aws-mla-c01', status: 'passed' });
    const earned = dayFromToday(-3 * 365 + 20);
    const window = answerWindow();
    try {
      await run('certStudy.recordExamResult', { key: 'aws-mla-c01', result: 'passed', date: earned });
      await container.showRenewalReminders();
      await container.showRenewalReminders();
      const reminders = window.messages.filter((m) => /AWS MLA-C01 expires on/.test(m));
      assert.strictEqual(reminders.length, 1, reminders.join('\n'));
    } finally {
      window.restore();
    }
    const shown = Object.values(container.store.state.get('renewalReminders') as Record<string, number[]>).flat();
    assert.deepStrictEqual([...shown].sort((a, b) => a - b), [30, 90], 'the 30-day reminder also covers the 90-day one');
  });

  it('keeps no timer ticking for the countdown: one timeout for the next local midnight at most', async () => {
    await run('certStudy.setExamDate', { key: 'aws-mla-c01', date: dayFromToday(5) });
    await eventually(() => assert.ok(api().status.text));
    assert.ok(api().scheduledTimers() <= 1, `${api().scheduledTimers()} timers`);
  });
});
