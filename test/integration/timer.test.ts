import * as vscode from 'vscode';
import type { StudySession } from '../../src/core/model/logs';
import type { TimerRecord } from '../../src/core/model/timerRecord';
import type { CertStudyApi } from '../../src/extension';
import * as assert from './assert';
import { exists, readText, remove, writeText } from './files';
import { activeContainer, answerWindow, eventually, EXTENSION_ID, resetCertifications, treeRows, weekRowOf } from './support';

const api = () => vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID)!.exports;
const statusText = () => api().status.text;
const run = <T>(id: string, arg?: unknown) => vscode.commands.executeCommand<T>(id, arg);

/** Local wall-clock `YYYY-MM-DDTHH:mm` of a Date, as Log Study Time takes it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An instant `minutesAgo` before `now`, as stored. */
const minutesBefore = (now: number, minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

/**
 * A timer record as another window (or a crashed one) left it in timer.json, started
 * `minutesAgo` before `now` (one instant for every field, so the spans between them are exact).
 */
function leftTimer(now: number, minutesAgo: number, fields: Partial<TimerRecord>): TimerRecord {
  const start = minutesBefore(now, minutesAgo);
  return {
    v: 1,
    certKey: 'aws-mla-c01',
    domainId: null,
    activity: 'reading',
    note: '',
    startedAt: start,
    stretches: [],
    running: { id: '22222222-2222-4222-8222-222222222222', start },
    owner: 'a-window-that-is-gone',
    heartbeatAt: start,
    lastActiveAt: start,
    block: null,
    ...fields,
  };
}

/** The timer file in the extension's global storage folder. */
const timerFile = async () => vscode.Uri.joinPath((await activeContainer()).context.globalStorageUri, 'timer.json');

/** Writes timer.json (creating the global storage folder if need be). */
async function writeTimerFile(timer: TimerRecord): Promise<void> {
  await writeText(await timerFile(), JSON.stringify(timer));
}

async function clearTimer(): Promise<void> {
  const container = await activeContainer();
  if (container.timer.current()) await container.timer.discard();
  await remove(await timerFile());
}

describe('study timer', () => {
  beforeEach(async () => {
    const container = await activeContainer();
    await clearTimer();
    await resetCertifications(container);
    await container.store.sessions.replaceAll([]);
    await run('certStudy.addCertification', { key: 'aws-mla-c01' });
  });
  afterEach(clearTimer);

  it('starts, pauses, resumes and stops through commands, shown in the status bar, and saves one session per running stretch', async () => {
    const container = await activeContainer();
    const timer = await run<TimerRecord>('certStudy.startTimer', { key: 'aws-mla-c01', domain: 'ml-model-development', activity: 'lab' });
    assert.strictEqual(timer.certKey, 'aws-mla-c01');
    assert.match(statusText() ?? '', /^\$\(watch\) 00:0\d · AWS MLA-C01$/);
    await run('certStudy.pauseTimer');
    assert.match(statusText() ?? '', /^\$\(debug-pause\) 00:0\d · AWS MLA-C01$/);
    const resumed = await run<TimerRecord>('certStudy.resumeTimer');
    assert.match(statusText() ?? '', /^\$\(watch\) /);
    // The resumed stretch must run over a second to show that seconds are kept: wait until it has,
    // by the extension's own clock (the one the stop reads), from the start the timer recorded.
    const since = Date.parse(resumed.running!.start);
    await eventually(() => assert.ok(container.shell.now().getTime() - since >= 1000, 'the resumed stretch has run a second'));
    const sessions = await run<StudySession[]>('certStudy.stopTimer');
    assert.strictEqual(sessions.length, 2, 'the paused stretch is not study time: two running stretches, two sessions');
    assert.ok(sessions.every((s) => s.source === 'timer' && s.domainId === 'ml-model-development' && s.activity === 'lab'));
    assert.ok(Date.parse(sessions[1].end) - Date.parse(sessions[1].start) >= 1000, 'exact instants, seconds kept');
    assert.deepStrictEqual(
      container.store.sessions.all().map((s) => s.id),
      sessions.map((s) => s.id),
    );
    assert.strictEqual(statusText(), undefined, 'the status bar has nothing to say once stopped');
    assert.strictEqual(container.service.get('aws-mla-c01')?.status, 'studying', 'logged time moves a planned certification to studying');
  });

  it('keeps one timer: a second start shows the running one instead of creating another', async () => {
    const first = await run<TimerRecord>('certStudy.startTimer', { key: 'aws-mla-c01' });
    await run('certStudy.addCertification', { key: 'google-pmle' });
    const window = answerWindow();
    try {
      const second = await run<TimerRecord>('certStudy.startTimer', { key: 'google-pmle', ifRunning: 'keep' });
      assert.strictEqual(second.startedAt, first.startedAt);
      assert.strictEqual(second.certKey, 'aws-mla-c01');
      assert.match(window.messages.join('\n'), /already running/);
    } finally {
      window.restore();
    }
    assert.match(statusText() ?? '', /AWS MLA-C01/);
  });

  it('discards without saving, and ticks nothing while no timer exists', async () => {
    const container = await activeContainer();
    await run('certStudy.startTimer', { key: 'aws-mla-c01' });
    assert.ok(api().scheduledTimers() >= 2, 'a running timer updates the status bar and keeps a heartbeat');
    await run('certStudy.discardTimer', { skipConfirmation: true });
    assert.deepStrictEqual(container.store.sessions.all(), []);
    assert.strictEqual(statusText(), undefined);
    // Idle: at most the one timeout that waits for the next morning block.
    assert.ok(api().scheduledTimers() <= 1, `${api().scheduledTimers()} timers while idle`);
  });

  it('shows the running timer on its certification row and the week summary above', async () => {
    const container = await activeContainer();
    await run('certStudy.startTimer', { key: 'aws-mla-c01' });
    await eventually(async () => {
      const [row] = await treeRows(container);
      assert.strictEqual((row.iconPath as vscode.ThemeIcon).id, 'watch');
      assert.match(String(row.contextValue), /\+timer$/);
    });
    const week = await weekRowOf(container);
    assert.match(String(week?.description), /^(\d of \d morning blocks · )?\d+(\.\d)? h · (no streak yet|\d+-day streak)$/);
  });

  it('recovers a timer whose window disappeared with one question, keeping the time until the editor closed', async () => {
    const container = await activeContainer();
    const now = Date.now();
    await writeTimerFile(leftTimer(now, 60, { heartbeatAt: minutesBefore(now, 15), lastActiveAt: minutesBefore(now, 15) }));
    const window = answerWindow((_message, buttons) => buttons.find((b) => b.startsWith('Keep until ') && b !== 'Keep until now'));
    try {
      await container.timer.load();
      assert.match(window.messages[0], /^You were studying AWS MLA-C01 from \d\d:\d\d; the editor closed around \d\d:\d\d\.$/);
    } finally {
      window.restore();
    }
    const [saved] = container.store.sessions.all();
    assert.strictEqual(saved.id, '22222222-2222-4222-8222-222222222222');
    assert.strictEqual(Date.parse(saved.end) - Date.parse(saved.start), 45 * 60_000, 'from the start until the last heartbeat');
    assert.strictEqual(await exists(await timerFile()), false);
    assert.strictEqual(container.timer.current(), null);
  });

  it('asks about away time on return, and drops only that time when told', async () => {
    const container = await activeContainer();
    const now = Date.now();
    // Another window beats the heartbeat; no window was active for the last 45 of 60 minutes.
    await writeTimerFile(leftTimer(now, 60, { owner: 'another-window', heartbeatAt: new Date(now - 5_000).toISOString(), lastActiveAt: minutesBefore(now, 45), activity: 'video' }));
    await container.timer.load();
    const file = await timerFile();
    const window = answerWindow(async (message, buttons) => {
      if (!message.startsWith('No VS Code window was active')) return buttons[0];
      // While the question is on screen another window marks itself active: the away time is
      // still the time before the question, not before that write (done before answering).
      const onDisk = JSON.parse(await readText(file)) as TimerRecord;
      await writeText(file, JSON.stringify({ ...onDisk, lastActiveAt: new Date().toISOString() }));
      return 'Drop the away time';
    });
    try {
      await container.timer.returned(true);
      assert.match(window.messages.join('\n'), /No VS Code window was active for 45 min .* Reading or a course video is study too/);
    } finally {
      window.restore();
    }
    const sessions = await run<StudySession[]>('certStudy.stopTimer');
    const total = sessions.reduce((ms, s) => ms + Date.parse(s.end) - Date.parse(s.start), 0);
    assert.ok(total >= 15 * 60_000 && total < 16 * 60_000, `kept the 15 minutes before, dropped the 45 away (${total} ms)`);
  });

  it('logs study time after the fact, and refuses an end before the start with nothing saved', async () => {
    const container = await activeContainer();
    const end = new Date(Date.now() - 2 * 60 * 60_000);
    end.setSeconds(0, 0);
    const start = new Date(end.getTime() - 60 * 60_000);
    const window = answerWindow();
    try {
      const refused = await run('certStudy.logStudyTime', { key: 'aws-mla-c01', start: localInput(end), end: localInput(start) });
      assert.strictEqual(refused, undefined);
      assert.match(window.messages.join('\n'), /end: .* is not after the start/);
      assert.deepStrictEqual(container.store.sessions.all(), [], 'nothing saved');
    } finally {
      window.restore();
    }
    const saved = await run<StudySession>('certStudy.logStudyTime', { key: 'aws-mla-c01', start: localInput(start), minutes: 60, activity: 'video', note: 'lecture 4' });
    assert.strictEqual(Date.parse(saved.end) - Date.parse(saved.start), 60 * 60_000);
    assert.strictEqual(saved.source, 'manual');
    const overlap = answerWindow();
    try {
      await run('certStudy.logStudyTime', { key: 'aws-mla-c01', start: localInput(new Date(start.getTime() + 30 * 60_000)), minutes: 60 });
      assert.match(overlap.messages.join('\n'), /overlaps the session/);
      assert.strictEqual(container.store.sessions.all().length, 1);
    } finally {
      overlap.restore();
    }
  });

  it('edits a session and deletes it with Undo', async () => {
    const container = await activeContainer();
    const start = new Date(Date.now() - 5 * 60 * 60_000);
    start.setSeconds(0, 0);
    const saved = await run<StudySession>('certStudy.logStudyTime', { key: 'aws-mla-c01', start: localInput(start), minutes: 30 });
    const edited = await run<StudySession>('certStudy.editSession', { id: saved.id, minutes: 45, note: 'longer' });
    assert.strictEqual(Date.parse(edited.end) - Date.parse(edited.start), 45 * 60_000);
    assert.strictEqual(container.store.sessions.all()[0].note, 'longer');
    const window = answerWindow((message, buttons) => (message.startsWith('Deleted') ? buttons.find((b) => b === 'Undo') : undefined));
    try {
      await run('certStudy.deleteSession', { id: saved.id });
      await eventually(() => assert.deepStrictEqual(container.store.sessions.all().map((s) => s.id), [saved.id], 'Undo put it back'));
    } finally {
      window.restore();
    }
  });

  it('announces a morning block in one window only', async () => {
    const container = await activeContainer();
    const start = new Date(Date.now() - 60_000);
    const block = { start, end: new Date(start.getTime() + 60 * 60_000) };
    await remove(vscode.Uri.joinPath(container.context.globalStorageUri, 'reminders'));
    const window = answerWindow();
    try {
      assert.strictEqual(await container.morningBlockDue(block), true);
      assert.strictEqual(await container.morningBlockDue(block), false, 'the day is claimed: a second window stays quiet');
      await eventually(() => assert.match(window.messages.join('\n'), /^Morning study block \d\d:\d\d–\d\d:\d\d: start the timer for AWS MLA-C01\?$/m));
    } finally {
      window.restore();
    }
  });
});
