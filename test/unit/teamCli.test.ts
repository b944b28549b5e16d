import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as esbuild from 'esbuild';
import { main } from '../../src/cli/teamCli';
import { FIXTURES } from './support/teamFiles';
import { useTempFolder } from './support/tempFolder';

const REFUSED = path.join(FIXTURES, 'refused');
const REQUIREMENTS = path.join(FIXTURES, 'requirements.json');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('command line: cert-study-team merge', () => {
  const temp = useTempFolder();

  it('merges a folder of the three sample engineers against the requirements: a Markdown summary with the gaps, exit 0', async () => {
    const { code, out } = await run('merge', FIXTURES, '--requirements', REQUIREMENTS, '--today', '2026-11-26');
    assert.equal(code, 0);
    assert.match(out, /^# Team report, 2026-11-26\n\n3 engineers from 3 files\.\n/);
    assert.match(out, /\| Alice Chen \| passed, until 2028-03-10 \| passed, until 2026-12-20 \| studying \|/);
    assert.match(out, /## Expiring within 90 days\n\n\| Engineer \| Certification \| Expires \| Days left \|\n\| --- \| --- \| --- \| --- \|\n\| Alice Chen \| Databricks Certified Machine Learning Associate \| 2026-12-20 \| 24 \|/);
    assert.match(out, /## Client requirements \(3 gaps\)/);
    assert.match(out, /\| Northwind Bank \| AWS \| AWS Certified Machine Learning Engineer – Associate \| Alice Chen \(until 2028-03-10\) \|/);
    assert.match(out, /\| Contoso Health \| Azure \| .* \| \*\*GAP\*\* \(in the pipeline: Bob Okafor, exam 2026-12-15\) \|/);
    assert.match(out, /\| Tailspin Labs \| NVIDIA \| NVIDIA-Certified Professional: Generative AI LLMs \| \*\*GAP\*\* \|/, 'a name from the catalog for a key no file has');
  });

  it('a refused file is named with its JSON path, the others still merge, and the exit code is 1', async () => {
    const { code, out } = await run('merge', path.join(FIXTURES, 'alice.certstudy.json'), path.join(FIXTURES, 'bob.certstudy.json'), REFUSED, '--today=2026-11-26');
    assert.equal(code, 1);
    assert.match(out, /2 engineers from 3 files; \*\*1 file refused\*\*\./);
    assert.match(out, /## Refused files\n\n- .*refused\/impossible-date\.certstudy\.json: `\$\.certifications\[0\]\.examDate`: expected a real calendar date as YYYY-MM-DD\n/);
    assert.doesNotMatch(out, /Dana Impossible/, 'nothing of the refused file is shown');
  });

  it('--csv writes the merged table in the team CSV form', async () => {
    const out = path.join(temp.path(), 'team.csv');
    const result = await run('merge', FIXTURES, '--csv', out);
    assert.equal(result.code, 0);
    const rows = parse(readFileSync(out, 'utf8'), { record_delimiter: '\r\n' }) as string[][];
    assert.equal(rows[0][0], 'engineer_id');
    assert.deepEqual(rows.slice(1).map((r) => `${r[1]}/${r[3]}`), [
      'Alice Chen/aws-mla-c01',
      'Alice Chen/databricks-ml-associate',
      'Alice Chen/google-pmle',
      'Bob Okafor/azure-ai-103',
      'Bob Okafor/aws-mla-c01',
      'Chandra Rao/google-pmle',
      'Chandra Rao/nvidia-nca-genl',
    ]);
  });

  it('a file that does not exist, and a bad requirements file, are refused by name', async () => {
    const bad = path.join(temp.path(), 'req.json');
    writeFileSync(bad, '{"format":"cert-study-requirements","version":1,"requirements":[{"client":"A","platform":"B","requires":["x"],"extra":1}]}');
    const { code, out } = await run('merge', FIXTURES, path.join(temp.path(), 'missing.certstudy.json'), '--requirements', bad);
    assert.equal(code, 1);
    assert.match(out, /missing\.certstudy\.json: `\$`: could not be read \(ENOENT\)/);
    assert.match(out, /req\.json: `\$\.requirements\[0\]\.extra`: unknown key/);
    assert.doesNotMatch(out, /## Client requirements/);
  });

  it('usage errors exit 2; schema prints the committed JSON Schema', async () => {
    assert.equal((await run()).code, 2);
    assert.equal((await run('merge')).code, 2);
    assert.equal((await run('merge', FIXTURES, '--today', '2026-02-30')).code, 2);
    assert.equal((await run('merge', FIXTURES, '--bogus')).code, 2);
    const schema = await run('schema');
    assert.equal(schema.code, 0);
    assert.equal(schema.out, readFileSync(path.join(__dirname, '..', '..', 'media', 'schemas', 'team-format-v1.schema.json'), 'utf8'));
  });

  it('the bundle runs in plain Node, without VS Code: node team-cli.js merge …', async () => {
    const outfile = path.join(temp.path(), 'team-cli.js');
    await esbuild.build({ entryPoints: ['src/cli/teamCli.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent' });
    const ok = spawnSync(process.execPath, [outfile, 'merge', FIXTURES, '--requirements', REQUIREMENTS, '--today', '2026-11-26'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /\*\*GAP\*\*/);
    const refused = spawnSync(process.execPath, [outfile, 'merge', FIXTURES, REFUSED], { encoding: 'utf8' });
    assert.equal(refused.status, 1);
  });
});
