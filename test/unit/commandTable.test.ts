import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../src/app/commandTable';
import { COMMAND_IDS } from '../support/commandIds';

// The one command table (src/app/commandTable.ts) against what package.json contributes.
const ROOT = path.join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; category?: string }[] };
};
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const declared = manifest.contributes.commands.map((c) => c.command);
const tabled = Object.values(COMMANDS).map((c) => c.id);

describe('the command table', () => {
  it('has every command package.json contributes', () => {
    assert.deepEqual(declared.filter((id) => !tabled.includes(id as never)), []);
  });

  it('contributes every command it has, in the Cert Study category', () => {
    assert.deepEqual(tabled.filter((id) => !declared.includes(id)), []);
    // package.json names its strings `%key%`, resolved from package.nls.json.
    const resolved = (text = '') => text.replace(/^%(.+)%$/, (_, key: string) => nls[key]);
    for (const c of manifest.contributes.commands) assert.equal(resolved(c.category), 'Cert Study', c.command);
  });

  it('names each id once, and each handler after its command', () => {
    assert.equal(new Set(tabled).size, tabled.length);
    for (const [name, { id }] of Object.entries(COMMANDS)) assert.equal(id, `certStudy.${name}`);
    assert.deepEqual(Object.keys(COMMAND_IDS), Object.keys(COMMANDS));
  });

  it('puts only the team commands in dist/team.js', () => {
    const team = Object.entries(COMMANDS).filter(([, c]) => c.bundle === 'team').map(([name]) => name);
    assert.deepEqual(team.sort(), ['editProfile', 'exportBackup', 'exportTeamFile', 'importBackup', 'openTeamReport']);
  });
});
