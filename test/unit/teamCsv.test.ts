import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import * as fc from 'fast-check';
import { csvCell, TEAM_CSV_COLUMNS, teamCsv, toCsv } from '../../src/core/team/csv';
import { fixture, teamCert, teamFile } from './support/teamFiles';

/** What a spreadsheet shows for a cell we wrote: the text, with our `'` guard. */
function guarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

describe('team format: CSV form (RFC 4180, no formulas)', () => {
  it('property: any text reads back through an independent RFC 4180 parser, guarded against formulas', () => {
    const cellArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('=1+2', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x', 'a,b', 'say "hi"', 'two\r\nlines', '\n', '""', ','));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = toCsv(rows);
        assert.ok(text.endsWith('\r\n'));
        const back = parse(text, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
        assert.deepEqual(back, rows.map((r) => r.map(guarded)));
      }),
      { numRuns: 400 },
    );
  });

  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(42.5), '42.5');
  });

  it('puts a leading quote on cells that start with = + - @ tab or carriage return', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('+1 555'), "'+1 555");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@cmd'), "'@cmd");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('\rx'), `"'\rx"`);
    assert.equal(csvCell('a=b'), 'a=b', 'only at the start');
  });

  it('one row per engineer and certification, the columns in the contract\'s order, hours with two decimals, CRLF', () => {
    const text = teamCsv([fixture('alice.certstudy.json'), fixture('bob.certstudy.json')]);
    const rows = parse(text, { record_delimiter: '\r\n' }) as string[][];
    assert.deepEqual(rows[0], [...TEAM_CSV_COLUMNS]);
    assert.equal(rows.length, 1 + 3 + 2);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
    const alicePmle = Object.fromEntries(TEAM_CSV_COLUMNS.map((c, i) => [c, rows[3][i]]));
    assert.deepEqual(alicePmle, {
      engineer_id: '3f1c2a9e-5b7d-4c1a-9e2f-1a2b3c4d5e6f',
      engineer_name: 'Alice Chen',
      engineer_email: 'alice@example.com',
      certification_key: 'google-pmle',
      certification_name: 'Google Cloud Professional Machine Learning Engineer',
      provider: 'Google Cloud',
      status: 'studying',
      exam_date: '',
      earned_on: '',
      expires_on: '',
      study_hours: '31.50',
      target_hours: '100.00',
      practice_exams_taken: '1',
      latest_practice_percent: '64',
      best_practice_percent: '64',
      attempts: '0',
      cost_usd: '',
    });
  });

  it('the latest practice score is the latest by date; the best is the highest', () => {
    const f = teamFile({
      engineerName: '=cmd|calc',
      certifications: [
        teamCert({
          practiceExams: [
            { takenOn: '2026-01-05', scorePercent: 90, source: null },
            { takenOn: '2026-02-01', scorePercent: 70, source: null },
          ],
          studyMinutes: 2550,
        }),
      ],
    });
    const [, row] = parse(teamCsv([f]), { record_delimiter: '\r\n' }) as string[][];
    assert.equal(row[1], "'=cmd|calc");
    assert.equal(row[10], '42.50');
    assert.equal(row[13], '70');
    assert.equal(row[14], '90');
  });
});
