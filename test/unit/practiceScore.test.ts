import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { explainPassMark, passMarkOf, shortPassMark } from '../../src/core/practice/passMark';
import { enteredAsInput, formatEntered, parseScore } from '../../src/core/practice/score';
import { scaledToPercent } from '../../src/core/catalog/scale';
import { formatPlaceholders as t } from '../../src/core/util/localize';

const catalog = new Catalog();
const AWS = { scaleMin: 100, scaleMax: 1000 };
const MICROSOFT = { scaleMin: 1, scaleMax: 1000 };

function ok(input: string | number, scale: typeof AWS | null = null) {
  const parsed = parseScore(input, scale, t);
  assert.ok(parsed.ok, `"${input}" refused: ${parsed.ok ? '' : parsed.message}`);
  return parsed;
}

function refused(input: string | number, scale: typeof AWS | null = null): string {
  const parsed = parseScore(input, scale, t);
  assert.ok(!parsed.ok, `"${input}" accepted`);
  return parsed.message;
}

describe('practice scores: parsing and conversion to percent', () => {
  it('reads a bare number, a number as text and "76 %" as a percent', () => {
    assert.deepEqual(ok(76), { ok: true, entered: { kind: 'percent', percent: 76 }, percent: 76 });
    assert.equal(ok('76').percent, 76);
    assert.equal(ok(' 76.25 % ').percent, 76.3, 'kept to one decimal');
    assert.equal(ok(0).percent, 0);
    assert.equal(ok('100').percent, 100);
  });

  it('reads correct/questions as a raw score', () => {
    assert.deepEqual(ok('38/50'), { ok: true, entered: { kind: 'raw', correct: 38, total: 50 }, percent: 76 });
    assert.equal(ok('46 / 65').percent, 70.8);
    assert.equal(ok('38/50', AWS).percent, 76, '50 is not the top of the AWS scale, so it counts questions');
  });

  it('reads a score on the exam’s scale by its position on that scale, not as score/top', () => {
    assert.deepEqual(ok('780/1000', AWS), { ok: true, entered: { kind: 'scaled', score: 780, scaleMin: 100, scaleMax: 1000 }, percent: 75.6 });
    assert.equal(ok('720/1000', AWS).percent, 68.9, '(720 - 100) / 900');
    assert.equal(ok('100/1000', AWS).percent, 0, 'the bottom of the scale');
    assert.equal(ok('700/1000', MICROSOFT).percent, 70, '(700 - 1) / 999');
    assert.equal(ok('780/1000').percent, 78, 'without a known scale, a/b counts questions');
  });

  it('refuses a score above its scale, more correct answers than questions, and what is not a score', () => {
    assert.match(refused(101), /101 is above 100: a bare number is a percent/);
    assert.match(refused('780', AWS), /780 is above 100: a bare number is a percent.*780\/1000/);
    assert.match(refused('1100/1000', AWS), /1100 is above the top of its scale \(100–1000\)/);
    assert.match(refused('50/1000', AWS), /50 is below the bottom of its scale \(100–1000\)/);
    assert.match(refused('52/50'), /52\/50: more correct answers \(52\) than questions \(50\)/);
    assert.match(refused('38.5/50'), /whole numbers/);
    assert.match(refused('3/0'), /at least one question/);
    assert.match(refused(-5), /not a percent between 0 and 100/);
    assert.match(refused(NaN), /not a percent/);
    assert.match(refused('-5'), /"-5" is not a score/);
    assert.match(refused('seventy'), /"seventy" is not a score: write a percent \(76\), correct\/questions \(38\/50\)/);
    assert.match(refused('$(alert)'), /"\$\u2060\(alert\)" is not a score/, 'what was typed is shown as plain text');
  });

  it('shows a score as entered and as it can be typed again', () => {
    assert.equal(formatEntered({ kind: 'raw', correct: 38, total: 50 }), '38/50');
    assert.equal(formatEntered({ kind: 'scaled', score: 780, scaleMin: 100, scaleMax: 1000 }), '780/1000');
    assert.equal(formatEntered({ kind: 'percent', percent: 76.5 }), '76.5 %');
    assert.equal(formatEntered(null), null);
    assert.equal(enteredAsInput(null, 68), '68', 'a version-1 record: only the percent is known');
    assert.equal(enteredAsInput({ kind: 'scaled', score: 780, scaleMin: 100, scaleMax: 1000 }, 75.6), '780/1000');
  });
});

describe('practice scores: the pass mark as a percent', () => {
  it('converts a scaled pass mark by its position on the scale, and says it is approximate', () => {
    const pass = passMarkOf(catalog.get('aws-mla-c01'), 75);
    assert.deepEqual(pass, { percent: 68.9, source: 'catalog', approximate: true, scaled: { score: 720, scaleMin: 100, scaleMax: 1000 } });
    assert.equal(shortPassMark(pass, t), 'pass ≈ 68.9 %');
    assert.match(explainPassMark(pass, t), /Pass mark 720 on a 100–1000 scale ≈ 68\.9 %.*compares only approximately/);
    assert.equal(passMarkOf(catalog.get('aws-aip-c01'), 75).percent, 72.2);
    assert.equal(passMarkOf(catalog.get('azure-ai-103'), 75).percent, 70);
    assert.equal(scaledToPercent(1000, { scaleMin: 100, scaleMax: 1000 }), 100);
  });

  it('takes a percent pass mark as it is', () => {
    const pass = passMarkOf(catalog.get('nvidia-nca-genl'), 75);
    assert.deepEqual(pass, { percent: 70, source: 'catalog', approximate: false, scaled: null });
    assert.equal(shortPassMark(pass, t), 'pass 70 %');
  });

  it('uses the default setting where the pass mark is unknown, and says so', () => {
    const pass = passMarkOf(catalog.get('google-pmle'), 75);
    assert.deepEqual(pass, { percent: 75, source: 'default', approximate: false, scaled: null });
    assert.equal(shortPassMark(pass, t), 'pass 75 % (default)');
    assert.match(explainPassMark(pass, t), /unknown, so your default of 75 % is used/);
    assert.equal(passMarkOf(catalog.get('databricks-ml-associate'), 70).percent, 70, 'disputed in the sources, so unknown in the catalog');
    assert.equal(passMarkOf(undefined, 80).percent, 80);
  });
});
