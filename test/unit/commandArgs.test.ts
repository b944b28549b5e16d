import assert from 'node:assert/strict';
import { AddArgSchema, EditArgSchema, RemoveArgSchema, parseCommandArg, validateDateInput, validateNumberInput, validateTargetHoursInput } from '../../src/core/certifications/commandArgs';
import { formatPlaceholders as t } from '../../src/core/util/localize';

describe('command arguments', () => {
  it('accepts a key object, a tree row id, or nothing', () => {
    assert.deepEqual(parseCommandArg(RemoveArgSchema, { key: 'aws-mla-c01' }, t), { key: 'aws-mla-c01' });
    assert.deepEqual(parseCommandArg(RemoveArgSchema, 'cert:aws-mla-c01', t), { key: 'aws-mla-c01' });
    assert.equal(parseCommandArg(RemoveArgSchema, undefined, t), undefined);
  });

  it('refuses the id of a child row, so it can never act on the whole certification', () => {
    assert.throws(() => parseCommandArg(RemoveArgSchema, 'cert:aws-mla-c01/domains/modeling', t), /certification row id such as "cert:aws-mla-c01"/);
  });

  it('tells what was expected when given a bare key string', () => {
    assert.throws(() => parseCommandArg(RemoveArgSchema, 'aws-mla-c01', t), /expected an object such as \{ "key": "aws-mla-c01" \}/);
  });

  it('lets null clear the notes like any other field', () => {
    assert.deepEqual(parseCommandArg(EditArgSchema, { key: 'aws-mla-c01', notes: null }, t), { key: 'aws-mla-c01', notes: '' });
  });

  it('names the offending field of a malformed argument', () => {
    assert.throws(() => parseCommandArg(EditArgSchema, { key: 'aws-mla-c01', examDate: '12/19/2026' }, t), /^ArgumentError: examDate: expected a date as YYYY-MM-DD, got "12\/19\/2026"$/);
    assert.throws(() => parseCommandArg(AddArgSchema, { key: 'aws-mla-c01', bogus: 1 }, t), /^ArgumentError: bogus: not a field this command takes \(it takes key, examDate, targetHours, costUsd, notes, expiresOn\)$/);
    assert.throws(() => parseCommandArg(RemoveArgSchema, 42, t), /^ArgumentError: the command argument must be an object of named fields, got 42$/);
  });

  it('names the field of a malformed Add argument and shows its value as given', () => {
    const refusal = (arg: unknown) => {
      try {
        parseCommandArg(AddArgSchema, arg, t);
      } catch (err) {
        return (err as Error).message;
      }
      assert.fail(`accepted ${String(arg)}`);
    };
    assert.equal(refusal({ key: 42 }), 'key: must be text, got 42');
    const nan = refusal({ key: 'aws-mla-c01', targetHours: NaN });
    assert.equal(nan, 'targetHours: must be a number, got NaN', 'NaN is not shown as a valid-looking null');
    assert.equal(refusal({ key: 'aws-mla-c01', targetHours: '50' }), 'targetHours: must be a number, got "50"');
    assert.equal(refusal({ custom: { name: 'Acme ML', provider: 7 } }), 'custom.provider: must be text, got 7');
    assert.equal(refusal({ key: 'aws-mla-c01', costUsd: Infinity }), 'costUsd: must be a number, got Infinity');
    assert.equal(refusal({ key: 'aws-mla-c01', targetHours: -1 }), 'targetHours: must be 0 or more, got -1');
    assert.equal(refusal({ custom: { name: ' ', provider: 'Acme' } }), 'custom.name: must not be empty, got " "');
    assert.equal(refusal({ custom: { name: 'Acme ML', provider: 'Acme', validityMonths: 1.5 } }), 'custom.validityMonths: must be a whole number, got 1.5');
  });

  it('accepts a custom definition with defaults', () => {
    const arg = parseCommandArg(AddArgSchema, { custom: { name: ' Acme ML ', provider: 'Acme' } }, t);
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

  it('refuses a typed study target that rounds to 0 minutes; empty still means none', () => {
    assert.match(validateTargetHoursInput('0.004', t)!, /rounds to 0 minutes/);
    assert.match(validateTargetHoursInput('0', t)!, /rounds to 0 minutes/);
    assert.equal(validateTargetHoursInput('0.01', t), undefined);
    assert.equal(validateTargetHoursInput('', t), undefined);
    assert.match(validateTargetHoursInput('abc', t)!, /not a number/);
  });
});
