import * as vscode from 'vscode';
import * as assert from './assert';
import type { Container } from '../../src/app/container';
import type { DashboardData, HostMessage } from '../../src/webviews/dashboard/protocol';
import { readText } from './files';
import { activeContainer, answerWindow, eventually, resetCertifications } from './support';

/** A local calendar day, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DDTHH:mm` today-relative, with this machine's offset, as the store keeps instants. */
function instant(offsetDays: number, hours: number, minutes = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  d.setHours(hours, minutes, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${day(offsetDays)}T${pad(hours)}:${pad(minutes)}:00.000${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** Resolves with the next figures the panel posts to its page that pass `accept`. */
function nextData(container: Container, accept: (d: DashboardData) => boolean = () => true, timeoutMs = 20_000): Promise<DashboardData> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('the dashboard posted no matching figures'));
    }, timeoutMs);
    const listener = container.dashboard.onDidPost((m: HostMessage) => {
      if (m.type === 'data' && accept(m.data)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(m.data);
      }
    });
  });
}

/** The extension's log so far: a log output channel is written to "<channel name>.log" in its log folder. */
function logText(container: Container): Promise<string> {
  return readText(vscode.Uri.joinPath(container.context.logUri, `${container.log.channel.name}.log`));
}

describe('dashboard panel (the real webview, driven from the host)', () => {
  let container: Container;

  before(async () => {
    container = await activeContainer();
    await resetCertifications(container);
    await container.store.sessions.replaceAll([]);
    await container.store.practiceExams.replaceAll([]);
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', examDate: day(28), targetHours: 90 });
    await container.store.sessions.appendAll([
      { id: '00000000-0000-4000-8000-0000000d0001', certKey: 'aws-mla-c01', start: instant(-7, 8), end: instant(-7, 9, 30), domainId: 'data-preparation', activity: 'reading', source: 'manual', note: '' },
      { id: '00000000-0000-4000-8000-0000000d0002', certKey: 'aws-mla-c01', start: instant(-3, 8), end: instant(-3, 9), domainId: null, activity: 'lab', source: 'manual', note: '' },
    ]);
  });

  after(async () => {
    container.dashboard.current?.panel.dispose();
    await container.store.sessions.replaceAll([]);
    await container.store.practiceExams.replaceAll([]);
    await resetCertifications(container);
  });

  it('opens from its command and posts the core figures once the page says it is ready', async () => {
    const posted = nextData(container);
    await vscode.commands.executeCommand('certStudy.openDashboard');
    const data = await posted;
    assert.ok(container.dashboard.current, 'a panel is open');
    assert.deepStrictEqual(data.filter, { range: '26w', cert: null });
    assert.deepStrictEqual(data.certifications, [{ key: 'aws-mla-c01', name: 'AWS MLA-C01' }]);
    // 150 minutes in the last 28 days, 90 h target, 28 days left: 87.5 h to go, 85 h behind.
    assert.strictEqual(data.forecast[0].headline, '85 hours behind, 3.2 h/day needed');
    assert.strictEqual(data.weekly.totals.reduce((a, b) => a + b, 0), 2.5);
    assert.strictEqual(data.domains.certs[0].rows[0].hours, 1.5);
    // The page drew what it was sent: four charts (no practice exam yet, so that one says so instead).
    await eventually(async () => assert.match(await logText(container), /dashboard: 4 charts drawn in [\d.]+ ms \(data\)/), 15_000);
  });

  it('brings the open panel to the front instead of opening a second one', async () => {
    const first = container.dashboard.current;
    await vscode.commands.executeCommand('certStudy.openDashboard');
    assert.strictEqual(container.dashboard.current, first);
  });

  it('turns to the certification and range its argument names (the status bar and tree rows pass one)', async () => {
    let posted = nextData(container, (d) => d.filter.range === '12w');
    await vscode.commands.executeCommand('certStudy.openDashboard', { key: 'aws-mla-c01', range: '12w' });
    assert.deepStrictEqual((await posted).filter, { range: '12w', cert: 'aws-mla-c01' });
    posted = nextData(container, (d) => d.filter.range === '26w');
    await vscode.commands.executeCommand('certStudy.openDashboard', { range: '26w' });
    assert.deepStrictEqual((await posted).filter, { range: '26w', cert: 'aws-mla-c01' }, 'a row id or key stays until another is given');
    const messages = answerWindow();
    try {
      await vscode.commands.executeCommand('certStudy.openDashboard', { range: '3y' });
      assert.match(messages.messages[0] ?? '', /range: .*got "3y"/);
    } finally {
      messages.restore();
    }
    posted = nextData(container, (d) => d.filter.cert === null);
    container.dashboard.current!.setFilter({ range: '26w', cert: null });
    await posted;
  });

  it('updates live when a practice exam is recorded', async () => {
    const posted = nextData(container, (d) => d.practice.series.length > 0);
    await vscode.commands.executeCommand('certStudy.recordPracticeExam', { key: 'aws-mla-c01', score: '780/1000', date: day(-1) });
    const data = await posted;
    assert.deepStrictEqual(
      data.practice.series[0].points.map((p) => [p.day, p.percent]),
      [[day(-1), 75.6]],
    );
    assert.strictEqual(data.practice.series[0].pass, 68.9);
  });

  it('updates live when a study session is saved', async () => {
    const posted = nextData(container, (d) => d.weekly.totals.reduce((a, b) => a + b, 0) === 3.5);
    await container.store.sessions.append({ id: '00000000-0000-4000-8000-0000000d0003', certKey: 'aws-mla-c01', start: instant(-1, 7), end: instant(-1, 8), domainId: null, activity: 'video', source: 'timer', note: '' });
    await posted;
  });

  it('logs and ignores messages from the page that do not fit the protocol; a valid filter re-posts', async () => {
    const panel = container.dashboard.current!;
    const posts: HostMessage[] = [];
    const counting = container.dashboard.onDidPost((m: HostMessage) => posts.push(m));
    try {
      panel.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
      panel.receive({ type: 'filter', filter: { range: '7w', cert: null } });
      panel.receive('ready');
      assert.deepStrictEqual(panel.viewState.filter, { range: '26w', cert: null }, 'the filter did not change');
      await eventually(async () => {
        const log = await logText(container);
        assert.match(log, /dashboard: ignored a message from the page: type: .*runCommand/);
        assert.match(log, /dashboard: ignored a message from the page: filter\.range: /);
      });
      const posted = nextData(container, (d) => d.filter.range === '4w');
      panel.receive({ type: 'filter', filter: { range: '4w', cert: 'aws-mla-c01' } });
      const data = await posted;
      // Messages are handled, and posts go out, in the order they come: a post for any of the three
      // above would have come before this one.
      assert.strictEqual(posts.length, 1, 'nothing was posted for the ignored messages, only for the valid filter');
      assert.strictEqual(data.weeks.length, 4);
      assert.deepStrictEqual(panel.viewState.filter, { range: '4w', cert: 'aws-mla-c01' });
    } finally {
      counting.dispose();
    }
  });
});
