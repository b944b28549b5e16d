import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../support/commandIds';

const root = path.join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const localized = (text: string) => text.replace(/^%(.+)%$/, (_m, key: string) => {
  assert.ok(key in nls, `${key} is in package.nls.json`);
  return nls[key];
});

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents: string[];
}

describe('Getting Started walkthrough', () => {
  const walkthrough = (manifest.contributes.walkthroughs as { id: string; title: string; steps: Step[] }[]).find((w) => w.id === 'certStudy.gettingStarted')!;
  const commands = new Set<string>(Object.values(COMMAND_IDS));

  it('takes a new user through the whole flow, in order', () => {
    assert.ok(walkthrough, 'contributed');
    assert.equal(localized(walkthrough.title), 'Get Started with Cert Study Tracker');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.completionEvents),
      [
        ['onCommand:certStudy.addCertification', 'onCommand:certStudy.applyStack'],
        ['onCommand:certStudy.setExamDate'],
        ['onCommand:certStudy.startTimer'],
        ['onCommand:certStudy.recordPracticeExam'],
        ['onCommand:certStudy.openDashboard'],
        ['onCommand:certStudy.exportTeamFile'],
      ],
    );
  });

  it('gives every step a button that runs a real command, completes it on that command, and has its page', () => {
    for (const step of walkthrough.steps) {
      const description = localized(step.description);
      const links = [...description.matchAll(/\[[^\]]+\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length, `${step.id} has a button`);
      for (const id of links) assert.ok(commands.has(id), `${step.id}: ${id} is a command of the extension`);
      // A button is a link alone on its line; the step's own command is one of them.
      const buttons = description.split('\n').filter((line) => /^\[[^\]]+\]\(command:[\w.]+\)$/.test(line));
      for (const event of step.completionEvents) {
        const id = event.replace(/^onCommand:/, '');
        assert.ok(commands.has(id), `${step.id}: ${id} is a command`);
        assert.ok(buttons.some((b) => b.includes(`(command:${id})`)), `${step.id}: a button runs ${id}`);
      }
      assert.ok(step.media.markdown && existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} exists`);
      localized(step.title);
    }
  });
});
