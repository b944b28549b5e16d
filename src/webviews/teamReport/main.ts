import { HostMessageSchema, type ReportData, type ReportViewState } from './protocol';

/**
 * The team report's page. Plain DOM: every text from the files goes in through textContent, so
 * nothing in a name or a client can become markup; colours are VS Code's theme variables (see
 * media/team-report/report.css), so light, dark and high-contrast themes all work.
 */
declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: ReportViewState): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('report')!;

window.addEventListener('message', (event: MessageEvent) => {
  const message = HostMessageSchema.safeParse(event.data);
  if (!message.success) {
    // The host does not check its own message a second time: say what did not fit, for its log
    // and the user's error message, instead of leaving a blank panel.
    const issue = message.error.issues[0];
    vscode.postMessage({ type: 'refused', reason: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`.slice(0, 2000) });
    return;
  }
  // The files it was made from, so that a window reload brings the report back, read afresh
  // (the panel serializer gets this state; see src/features/team/reportPanel.ts).
  vscode.setState({ v: 1, sources: message.data.sources });
  render(message.data.report);
});
vscode.postMessage({ type: 'ready' });

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function hours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** A table in a scroll box that a keyboard can reach and scroll. */
function table(caption: string, head: string[], rows: Child[][], options: { rowHeader?: boolean } = {}): HTMLElement {
  const thead = el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { text: h, attrs: { scope: 'col' } }))));
  const tbody = el(
    'tbody',
    {},
    ...rows.map((cells) =>
      el(
        'tr',
        {},
        ...cells.map((c, i) => (options.rowHeader !== false && i === 0 ? el('th', { attrs: { scope: 'row' } }, c) : el('td', {}, c))),
      ),
    ),
  );
  const box = el('div', { className: 'scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': caption } }, el('table', {}, el('caption', { text: caption }), thead, tbody));
  return box;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el('section', { attrs: { 'aria-labelledby': id } }, el('h2', { text: title, attrs: { id } }), ...children);
}

function statusCell(cell: ReportData['matrix'][number][number]): Child {
  if (!cell) return el('span', { className: 'muted', text: '—', attrs: { 'aria-label': 'not tracked' } });
  let label: string = cell.status;
  if (cell.status === 'passed') label = cell.held ? (cell.expiresOn ? `passed · until ${cell.expiresOn}` : 'passed') : `passed · lapsed ${cell.expiresOn ?? ''}`;
  else if (cell.status === 'scheduled') label = cell.examDate ? `scheduled · ${cell.examDate}` : 'scheduled';
  else if (cell.status === 'expired') label = cell.expiresOn ? `expired · ${cell.expiresOn}` : 'expired';
  return el('span', { className: `status status-${cell.held ? 'held' : cell.status === 'passed' ? 'lapsed' : cell.status}`, text: label });
}

function render(report: ReportData): void {
  root.setAttribute('aria-busy', 'false');
  const exportButton = el('button', { text: 'Export CSV', attrs: { type: 'button', title: 'Save the merged table (one row per engineer and certification) as CSV' } });
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));

  const refused = report.refusedFiles.length;
  const summary = [
    `${plural(report.engineers.length, 'engineer')} from ${plural(report.fileCount, 'file')}`,
    refused ? `${plural(refused, 'file')} refused` : '',
    report.superseded.length ? `${plural(report.superseded.length, 'older export')} not used` : '',
    `as of ${report.today}`,
  ]
    .filter(Boolean)
    .join(' · ');

  const parts: Child[] = [
    el('header', {}, el('h1', { text: 'Team report' }), el('p', { className: 'summary', text: summary }), exportButton),
  ];

  if (report.problems.length) {
    parts.push(
      section(
        'refused',
        'Refused files',
        el('p', { className: 'muted', text: 'Nothing of these files is used; the others are merged.' }),
        el('ul', { className: 'problems' }, ...report.problems.map((p) => el('li', {}, el('strong', { text: p.file }), ' ', el('code', { text: p.path }), ': ', p.message))),
      ),
    );
  }

  if (report.requirements) {
    const gaps = report.requirements.filter((r) => r.gap).length;
    parts.push(
      section(
        'requirements',
        gaps ? `Client requirements · ${plural(gaps, 'gap')}` : 'Client requirements · all covered',
        report.requirements.length
          ? table(
              'Client requirements, and who covers them',
              ['Client', 'Platform', 'Requires', 'Covered by'],
              report.requirements.map((r) => [
                r.client,
                r.platform,
                r.requires.map((choice) => choice.map((c) => c.name).join(' or ')).join(' + '),
                r.gap
                  ? el(
                      'span',
                      {},
                      el('span', { className: 'badge gap', text: 'Gap' }),
                      r.inPipeline.length ? ` in the pipeline: ${r.inPipeline.map((p) => (p.examDate ? `${p.engineer} (exam ${p.examDate})` : p.engineer)).join(', ')}` : ' nobody holds or studies it',
                    )
                  : el('span', {}, el('span', { className: 'badge covered', text: 'Covered' }), ' ', r.coveredBy.map((c) => (c.expiresOn ? `${c.engineer} (until ${c.expiresOn})` : c.engineer)).join(', ')),
              ]),
            )
          : el('p', { className: 'muted', text: 'The requirements file lists none.' }),
      ),
    );
  }

  parts.push(
    section(
      'matrix',
      'Certifications',
      report.engineers.length
        ? table(
            'Engineers and their certifications: status and expiry',
            ['Engineer', ...report.columns.map((c) => c.name)],
            report.engineers.map((e, i) => [e.role ? el('span', {}, e.name, el('span', { className: 'muted', text: ` · ${e.role}` })) : e.name, ...report.matrix[i].map(statusCell)]),
          )
        : el('p', { className: 'muted', text: 'No engineer: every file was refused.' }),
    ),
    section(
      'expiring',
      `Expiring within ${report.horizonDays} days`,
      report.expiring.length
        ? table(
            'Certifications that expire soon',
            ['Engineer', 'Certification', 'Expires', 'Days left'],
            report.expiring.map((x) => [x.engineer, x.name, x.expiresOn, el('span', { className: x.daysLeft < 0 ? 'status status-lapsed' : x.daysLeft <= 30 ? 'status status-soon' : '', text: x.daysLeft < 0 ? `lapsed ${-x.daysLeft} d ago` : `${x.daysLeft} d` })]),
          )
        : el('p', { className: 'muted', text: 'None.' }),
    ),
    section(
      'pipeline',
      'Pipeline',
      report.pipeline.length
        ? table(
            'Who is booked on an exam or studying',
            ['Engineer', 'Certification', 'Status', 'Exam date', 'Hours', 'Latest practice'],
            report.pipeline.map((p) => [
              p.engineer,
              p.name,
              p.status,
              p.examDate ?? '—',
              p.targetMinutes === null ? hours(p.studyMinutes) : `${hours(p.studyMinutes)} / ${hours(p.targetMinutes)}`,
              p.latestPracticePercent === null ? '—' : `${p.latestPracticePercent} %`,
            ]),
          )
        : el('p', { className: 'muted', text: 'Nobody is scheduled or studying.' }),
    ),
    section(
      'files',
      'Files',
      el(
        'ul',
        { className: 'files' },
        ...report.engineers.map((e) => el('li', {}, el('strong', { text: e.name }), `: ${e.file}, exported ${e.exportedAt}`)),
        ...report.superseded.map((s) => el('li', { className: 'muted' }, `${s.file}: not used, superseded by ${s.by}`)),
      ),
    ),
  );
  root.replaceChildren(...parts.filter((p): p is Node | string => Boolean(p)));
}
