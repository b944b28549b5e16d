import assert from 'node:assert/strict';
import { AddArgSchema, EditArgSchema, RemoveArgSchema, parseCommandArg, validateDateInput, validateNumberInput } from '../../src/core/commandArgs';
import { formatPlaceholders as t } from '../../src/core/tree/localize';

describe('command arguments', () => {
  it('accepts a key object, a tree row id, or nothing', () => {
    assert.deepEqual(parseCommandArg(RemoveArgSchema, { key: 'aws-mla-c01' }), { key: 'aws-mla-c01' });
    assert.deepEqual(parseCommandArg(RemoveArgSchema, 'cert:aws-mla-c01'), { key: 'aws-mla-c01' });
    assert.equal(parseCommandArg(RemoveArgSchema, undefined), undefined);
  });

  it('refuses the id of a child row, so it can never act on the whole certification', () => {
    assert.throws(() => parseCommandArg(RemoveArgSchema, 'cert:aws-mla-c01/domains/modeling'), /certification row id such as "cert:aws-mla-c01"/);
  });

  it('tells what was expected when given a bare key string', () => {
    assert.throws(() => parseCommandArg(RemoveArgSchema, 'aws-mla-c01'), /expected an object such as \{ "key": "aws-mla-c01" \}/);
  });

  it('lets null clear the notes like any other field', () => {
    assert.deepEqual(parseCommandArg(EditArgSchema, { key: 'aws-mla-c01', notes: null }), { key: 'aws-mla-c01', notes: '' });
  });

  it('names the offending field of a malformed argument', () => {
    assert.throws(() => parseCommandArg(EditArgSchema, { key: 'aws-mla-c01', examDate: '12/19/2026' }), /examDate: expected a date as YYYY-MM-DD/);
    assert.throws(() => parseCommandArg(AddArgSchema, { key: 'aws-mla-c01', bogus: 1 }), /unexpected command argument/);
    assert.throws(() => parseCommandArg(RemoveArgSchema, 42), /unexpected command argument 42/);
  });

  it('accepts a custom definition with defaults', () => {
    const arg = parseCommandArg(AddArgSchema, { custom: { name: ' Acme ML ', provider: 'Acme' } });
    assert.ok(arg && 'custom' in arg);
    assert.deepEqual(arg.custom, { name: 'Acme ML', provider: 'Acme', domains: [], passMarkPercent: null, validityMonths: null });
  });

  it('explains what is wrong with a typed date', () => {
    assert.equal(validateDateInput('', t), undefined);
    assert.equal(validateDateInput('2026-12-19', t), undefined);
    assert.match(validateDateInput('19.12.2026', t)!, /Use the format YYYY-MM-DD.*19\.12\.2026/);
    assert.match(validateDateInput('2026-02-30', t)!, /2026-02-30 is not a real calendar date/);
  });

  it('explains what is wrong with a typed number', () => {
    assert.equal(validateNumberInput('12.5', 100, t), undefined);
    assert.match(validateNumberInput('abc', 100, t)!, /not a number/);
    assert.match(validateNumberInput('-1', 100, t)!, /negative/);
    assert.match(validateNumberInput('101', 100, t)!, /at most 100/);
  });
});
