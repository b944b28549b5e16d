// The breakages below mutate files into shapes no type describes, hence `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as fc from 'fast-check';
import { teamFormatJsonSchema, teamFormatJsonSchemaText, TEAM_JSON_SCHEMA_PATH } from '../../src/core/team/jsonSchema';
import { readTeamFile, serializeTeamFile } from '../../src/core/team/read';
import { MAX_TEAM_FILE_BYTES } from '../../src/core/team/schema';
import { copy, fixture, teamCert, teamFile, teamFileArb } from './support/teamFiles';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(teamFormatJsonSchema());

/** Both readers' verdicts on one file's text. */
function verdicts(text: string): { zod: boolean; ajv: boolean } {
  const zod = readTeamFile('x.certstudy.json', text).ok;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { zod, ajv: false };
  }
  return { zod, ajv: validate(parsed) as boolean };
}

function refusal(value: unknown, file = 'alice.certstudy.json'): { path: string; message: string }[] {
  const r = readTeamFile(file, typeof value === 'string' ? value : JSON.stringify(value));
  assert.equal(r.ok, false, 'expected the file to be refused');
  if (r.ok) return [];
  for (const p of r.problems) assert.equal(p.file, file, 'every problem names the file');
  return r.problems.map(({ path, message }) => ({ path, message }));
}

describe('team format: the zod schema and the JSON Schema generated from it', () => {
  it('the committed JSON Schema is the one generated from the zod schema (run npm run build to refresh it)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', TEAM_JSON_SCHEMA_PATH), 'utf8');
    assert.equal(committed, teamFormatJsonSchemaText());
    const schema = JSON.parse(committed) as Record<string, unknown>;
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the three sample engineers, both readers', () => {
    for (const name of ['alice', 'bob', 'chandra']) {
      const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'team', `${name}.certstudy.json`), 'utf8');
      assert.deepEqual(verdicts(text), { zod: true, ajv: true }, name);
    }
  });

  it('property: every valid file is accepted by both, and reads back exactly as written (extensions untouched)', () => {
    fc.assert(
      fc.property(teamFileArb, (file) => {
        const text = serializeTeamFile(file);
        const read = readTeamFile('x.certstudy.json', text);
        if (!read.ok) throw new Error(JSON.stringify(read.problems));
        assert.deepStrictEqual(read.value, copy(file));
        assert.equal(serializeTeamFile(read.value), text, 'written again byte for byte');
        assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
      }),
      { numRuns: 300 },
    );
  });

  /** Breaks a valid file in one way both readers must refuse. */
  const breakages: [string, (f: Record<string, any>) => void][] = [
    ['another format', (f) => (f.format = 'cert-study-backup')],
    ['version 2', (f) => (f.version = 2)],
    ['version "1" as text', (f) => (f.version = '1')],
    ['an unknown top-level key', (f) => (f.notes = 'x')],
    ['an unknown key in the engineer', (f) => (f.engineer.nickname = 'Al')],
    ['an unknown key in a certification', (f) => (f.certifications[0].domainScores = {})],
    ['an impossible exam date', (f) => (f.certifications[0].examDate = '2026-02-30')],
    ['29 February of a common year', (f) => (f.certifications[0].earnedOn = '2027-02-29')],
    ['a date with a time', (f) => (f.certifications[0].expiresOn = '2026-02-01T00:00:00Z')],
    ['an exportedAt without offset', (f) => (f.exportedAt = '2026-11-20T08:15:00')],
    ['an exportedAt on 31 April', (f) => (f.exportedAt = '2026-04-31T08:15:00Z')],
    ['negative study minutes', (f) => (f.certifications[0].studyMinutes = -1)],
    ['fractional study minutes', (f) => (f.certifications[0].studyMinutes = 1.5)],
    ['negative weekly minutes', (f) => (f.weeklyStudy[3].minutes = -30)],
    ['negative target minutes', (f) => (f.certifications[0].targetMinutes = -60)],
    ['a percent above 100', (f) => (f.certifications[0].practiceExams = [{ takenOn: '2026-01-01', scorePercent: 101, source: null }])],
    ['a negative cost', (f) => (f.certifications[0].costUsd = -5)],
    ['an unknown status', (f) => (f.certifications[0].status = 'booked')],
    ['a key that is not a key', (f) => (f.certifications[0].key = 'AWS MLA')],
    ['an engineer id that is not a UUID', (f) => (f.engineer.id = 'alice')],
    ['an empty name', (f) => (f.engineer.name = '')],
    ['a name of 201 characters', (f) => (f.engineer.name = '😀'.repeat(201))],
    ['a missing email', (f) => delete f.engineer.email],
    ['a missing billing rate', (f) => delete f.engineer.billingRateUsd.current],
    ['25 weeks', (f) => f.weeklyStudy.pop()],
    ['certifications not a list', (f) => (f.certifications = {})],
    ['extensions not an object', (f) => (f.extensions = [1])],
    ['a constructor key in extensions', (f) => (f.extensions = { agency: { constructor: 1 } })],
    ['a passed that is not a boolean', (f) => (f.certifications[0].attempts = [{ takenOn: '2026-01-01', passed: 'yes', score: null, scale: null }])],
  ];

  it('refuses what both must refuse: each breakage, zod and ajv alike', () => {
    for (const [what, breakIt] of breakages) {
      const f = copy(teamFile({ certifications: [teamCert()] })) as Record<string, any>;
      breakIt(f);
      assert.deepEqual(verdicts(JSON.stringify(f)), { zod: false, ajv: false }, what);
    }
  });

  it('property: a random valid file broken in a random way is refused by both', () => {
    fc.assert(
      fc.property(teamFileArb, fc.integer({ min: 0, max: breakages.length - 1 }), (file, i) => {
        const f = copy({ ...file, certifications: [teamCert(), ...file.certifications.filter((c) => c.key !== 'aws-mla-c01')] }) as Record<string, any>;
        breakages[i][1](f);
        assert.deepEqual(verdicts(JSON.stringify(f)), { zod: false, ajv: false }, breakages[i][0]);
      }),
      { numRuns: 200 },
    );
  });

  it('a __proto__ key is refused by both (JSON.parse keeps it as an ordinary key)', () => {
    const text = JSON.stringify(teamFile()).replace('"generator":', '"extensions":{"__proto__":{"polluted":true}},"generator":');
    assert.deepEqual(verdicts(text), { zod: false, ajv: false });
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was touched');
  });

  it('the two rules JSON Schema cannot say are the reader\'s: a week not on a Monday, weeks out of order, a certification twice', () => {
    const notMonday = teamFile();
    notMonday.weeklyStudy[25].weekStart = '2026-11-17';
    const outOfOrder = teamFile();
    [outOfOrder.weeklyStudy[0], outOfOrder.weeklyStudy[1]] = [outOfOrder.weeklyStudy[1], outOfOrder.weeklyStudy[0]];
    const twice = teamFile({ certifications: [teamCert(), teamCert({ status: 'passed' })] });
    for (const f of [notMonday, outOfOrder, twice]) assert.deepEqual(verdicts(JSON.stringify(f)), { zod: false, ajv: true });
    const schema = teamFormatJsonSchema();
    assert.match(String(schema.description), /Monday/, 'the JSON Schema names them in its description');
  });
});

describe('team format: every refusal names the file, the JSON path and a plain message', () => {
  const good = () => copy(fixture('alice.certstudy.json')) as any;

  it('not JSON', () => {
    const [p] = refusal('{"format": "cert-study-team",');
    assert.equal(p.path, '$');
    assert.match(p.message, /^not JSON/);
  });

  it('JSON that is not an object', () => {
    assert.match(refusal('[1, 2]')[0].message, /expected a JSON object/);
  });

  it('not UTF-8', () => {
    const r = readTeamFile('latin1.certstudy.json', new Uint8Array([0x7b, 0xe9, 0x7d]));
    assert.ok(!r.ok && r.problems[0].message === 'not UTF-8 text');
  });

  it('a byte-order mark (some Windows tools) is tolerated', () => {
    assert.ok(readTeamFile('bom.certstudy.json', '\ufeff' + JSON.stringify(good())).ok);
  });

  it('another format, or a version this reader does not know, naming both versions', () => {
    assert.deepEqual(refusal({ ...good(), format: 'something-else' }), [{ path: '$.format', message: 'expected "cert-study-team", found "something-else": not a team file' }]);
    assert.deepEqual(refusal({ ...good(), version: 2 }), [{ path: '$.version', message: 'version 2 is not one this reader knows (it reads version 1)' }]);
  });

  it('an unknown key, by its own path', () => {
    const f = good();
    f.certifications[1].notes = 'private';
    assert.deepEqual(refusal(f), [{ path: '$.certifications[1].notes', message: 'unknown key (not in this version of the format; additions belong under extensions)' }]);
  });

  it('unknown keys under extensions are fine, and kept', () => {
    const f = good();
    f.extensions = { 'agency.example': { region: 'EMEA', bench: [1, 'two', null] } };
    const r = readTeamFile('a.certstudy.json', JSON.stringify(f));
    assert.ok(r.ok);
    assert.deepEqual(r.value.extensions, f.extensions);
  });

  it('an impossible date', () => {
    const f = good();
    f.certifications[2].examDate = '2026-02-30';
    assert.deepEqual(refusal(f), [{ path: '$.certifications[2].examDate', message: 'expected a real calendar date as YYYY-MM-DD' }]);
  });

  it('negative minutes', () => {
    const f = good();
    f.weeklyStudy[4].minutes = -15;
    assert.deepEqual(refusal(f), [{ path: '$.weeklyStudy[4].minutes', message: 'minutes cannot be negative' }]);
  });

  it('a missing field says so', () => {
    const f = good();
    delete (f.engineer as Record<string, unknown>).role;
    assert.deepEqual(refusal(f), [{ path: '$.engineer.role', message: 'missing (required)' }]);
  });

  it('a wrong type says what was expected', () => {
    const f = good();
    (f.certifications[0] as Record<string, unknown>).studyMinutes = '120';
    assert.deepEqual(refusal(f), [{ path: '$.certifications[0].studyMinutes', message: 'expected whole minutes' }]);
  });

  it('__proto__ and constructor keys, anywhere', () => {
    const text = JSON.stringify(good()).replace('"engineer":{', '"engineer":{"__proto__":{"admin":true},');
    assert.deepEqual(refusal(text), [{ path: '$.engineer.__proto__', message: 'the key __proto__ or constructor is not allowed' }]);
    const f = good();
    f.extensions = { a: [{ constructor: 'x' }] };
    assert.deepEqual(refusal(f), [{ path: '$.extensions.a[0].constructor', message: 'the key __proto__ or constructor is not allowed' }]);
  });

  it('more than 5 MB, before parsing it', () => {
    const big = 'x'.repeat(MAX_TEAM_FILE_BYTES + 1);
    assert.deepEqual(refusal(big), [{ path: '$', message: 'too large (5.0 MB): a team file may have at most 5.0 MB' }]);
    const r = readTeamFile('big.certstudy.json', new Uint8Array(MAX_TEAM_FILE_BYTES + 1));
    assert.ok(!r.ok);
  });

  it('a week that does not start on a Monday, and a certification listed twice', () => {
    const f = good();
    f.weeklyStudy[2].weekStart = '2026-06-10';
    f.certifications.push(copy(f.certifications[0]));
    assert.deepEqual(refusal(f), [
      { path: '$.weeklyStudy[2].weekStart', message: '2026-06-10 is not a Monday (an ISO week starts on Monday)' },
      { path: '$.certifications[3].key', message: 'a second entry for aws-mla-c01' },
    ]);
  });

  it('weeks out of order', () => {
    const f = good();
    const expected = f.weeklyStudy[7].weekStart;
    f.weeklyStudy[7].weekStart = f.weeklyStudy[9].weekStart;
    assert.deepEqual(refusal(f)[0], { path: '$.weeklyStudy[7].weekStart', message: `expected ${expected}, the week after the one before (oldest first, no gaps)` });
  });

  it('many problems: the first five, and how many more', () => {
    const f = good();
    f.weeklyStudy.forEach((w: { minutes: number }) => (w.minutes = -1));
    const problems = refusal(f);
    assert.equal(problems.length, 6);
    assert.deepEqual(problems[5], { path: '$', message: 'and 21 more problems' });
  });
});
