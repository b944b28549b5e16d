import assert from 'node:assert/strict';
import type { CommandId } from '../../src/app/commandTable';
import { COMMAND_IDS } from '../support/commandIds';
import { AddArgSchema, EditArgSchema, RemoveArgSchema, SetStatusArgSchema, parseCommandArg, type ArgSchema } from '../../src/core/certifications/commandArgs';
import { OpenDashboardArgSchema } from '../../src/core/dashboard/openArgs';
import { ClearExamDateArgSchema, RecordExamResultArgSchema, SetExamDateArgSchema } from '../../src/core/exam/args';
import { ApplyStackArgSchema, EditCostsArgSchema, EditPlanArgSchema, ExportCalendarArgSchema, parsePlanArg, RemovePlanArgSchema, SetBillingRatesArgSchema } from '../../src/core/plans/args';
import { DeletePracticeArgSchema, EditPracticeArgSchema, practiceRowArg, RecordPracticeArgSchema } from '../../src/core/practice/args';
import { BackupArgSchema, ExportTeamArgSchema, ProfileArgSchema, RestoreArgSchema, TeamReportArgSchema } from '../../src/core/team/args';
import { DeleteSessionArgSchema, DiscardTimerArgSchema, EditSessionArgSchema, LogStudyTimeArgSchema, StartTimerArgSchema } from '../../src/core/timer/timerArgs';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import type * as z from 'zod';

// Issue 18: a command refused its argument with a developer message that dumped the whole
// argument (`unexpected command argument {"key":…,"items":[…]} (items.0.amountUsd: …)`). Every
// refusal now names the field and the rule in a sentence, with that field's value only.

/** The commands that take no argument (whatever is passed is ignored). */
const NO_ARGUMENT = new Set<CommandId>([COMMAND_IDS.showLog, COMMAND_IDS.pauseTimer, COMMAND_IDS.resumeTimer, COMMAND_IDS.stopTimer, COMMAND_IDS.timerMenu, COMMAND_IDS.showRoi]);

type Parse = (arg: unknown) => unknown;
const plain = <T>(schema: ArgSchema<T>): Parse => (arg) => parseCommandArg(schema, arg, t);
const plan = <T>(schema: z.ZodType<T>): Parse => (arg) => parsePlanArg(schema, arg, t);
const practice = <T>(schema: ArgSchema<T>): Parse => (arg) => parseCommandArg(schema, practiceRowArg(arg), t);

const ID = '00000000-0000-4000-8000-0000000000a1';

/** Per command: how it parses its argument, a bad argument, and the exact refusal. */
const CASES: Record<CommandId, [Parse, unknown, string][]> = {
  [COMMAND_IDS.addCertification]: [
    [plain(AddArgSchema), { key: 'aws-mla-c01', targetHours: -5, notes: 'a long note that must not be echoed back' }, 'targetHours: must be 0 or more, got -5'],
    [plain(AddArgSchema), { custom: { name: 'Acme ML', provider: 'Acme', passMarkPercent: 140 } }, 'custom.passMarkPercent: must be at most 100, got 140'],
  ],
  [COMMAND_IDS.editCertification]: [[plain(EditArgSchema), { key: 'aws-mla-c01', field: 'colour' }, 'field: must be one of "examDate", "targetHours", "costUsd", "notes", "status" or "expiresOn", got "colour"']],
  [COMMAND_IDS.removeCertification]: [[plain(RemoveArgSchema), { key: 'aws-mla-c01', skipConfirmation: 'yes' }, 'skipConfirmation: must be true or false, got "yes"']],
  [COMMAND_IDS.setStatus]: [[plain(SetStatusArgSchema), { key: 'aws-mla-c01', status: 'done' }, 'status: must be one of "planned", "studying", "scheduled", "passed", "failed" or "expired", got "done"']],
  [COMMAND_IDS.showLog]: [],
  [COMMAND_IDS.recordPracticeExam]: [[practice(RecordPracticeArgSchema), { key: 'aws-mla-c01', score: true, note: 'kept to myself' }, 'score: must be a number or text, got true']],
  [COMMAND_IDS.editPracticeExam]: [[practice(EditPracticeArgSchema), { id: ID, note: 'x'.repeat(2_001) }, `note: must be at most 2000 characters long, got "${'x'.repeat(56)}...`]],
  [COMMAND_IDS.deletePracticeExam]: [[practice(DeletePracticeArgSchema), { id: 'first' }, 'id: expected a UUID, got "first"']],
  [COMMAND_IDS.startTimer]: [[plain(StartTimerArgSchema), { key: 'aws-mla-c01', activity: 'napping' }, 'activity: must be one of "reading", "video", "lab", "practice", "project", "kaggle", "pair" or "other", got "napping"']],
  [COMMAND_IDS.pauseTimer]: [],
  [COMMAND_IDS.resumeTimer]: [],
  [COMMAND_IDS.stopTimer]: [],
  [COMMAND_IDS.discardTimer]: [[plain(DiscardTimerArgSchema), { skipConfirmation: 1 }, 'skipConfirmation: must be true or false, got 1']],
  [COMMAND_IDS.timerMenu]: [],
  [COMMAND_IDS.logStudyTime]: [
    [plain(LogStudyTimeArgSchema), { key: 'aws-mla-c01', start: '2026-10-05T08:00', minutes: 0 }, 'minutes: must be more than 0, got 0'],
    [plain(LogStudyTimeArgSchema), { key: 'aws-mla-c01', minutes: 30 }, 'start: required, and not given'],
  ],
  [COMMAND_IDS.editSession]: [[plain(EditSessionArgSchema), { id: ID, minutes: 24 * 60 + 1 }, 'minutes: must be at most 1440, got 1441']],
  [COMMAND_IDS.deleteSession]: [[plain(DeleteSessionArgSchema), { id: ID, confirm: true }, 'confirm: not a field this command takes (it takes id)']],
  [COMMAND_IDS.openDashboard]: [[plain(OpenDashboardArgSchema), { range: '3y' }, 'range: must be one of "4w", "12w", "26w" or "all", got "3y"']],
  [COMMAND_IDS.setExamDate]: [[plain(SetExamDateArgSchema), { key: 'aws-mla-c01', date: '2027-02-30' }, 'date: not a real calendar date, got "2027-02-30"']],
  [COMMAND_IDS.clearExamDate]: [[plain(ClearExamDateArgSchema), { key: 'AWS MLA' }, 'key: expected a key such as aws-mla-c01 or custom:my-cert, got "AWS MLA"']],
  [COMMAND_IDS.recordExamResult]: [[plain(RecordExamResultArgSchema), { key: 'aws-mla-c01', result: 'passed', date: '2026-11-20', score: '812' }, 'score: must be a number, got "812"']],
  [COMMAND_IDS.exportTeamFile]: [[plain(ExportTeamArgSchema), { path: '/tmp/me.certstudy.json', format: 'xml' }, 'format: must be one of "json", "csv" or "both", got "xml"']],
  [COMMAND_IDS.editProfile]: [[plain(ProfileArgSchema), { name: 'Ana', billingRateUsd: { current: -1 } }, 'billingRateUsd.current: must be 0 or more, got -1']],
  [COMMAND_IDS.exportBackup]: [[plain(BackupArgSchema), { path: '' }, 'path: expected a file path, got ""']],
  [COMMAND_IDS.importBackup]: [[plain(RestoreArgSchema), { path: '/tmp/b.json', mode: 'overwrite' }, 'mode: must be one of "replace" or "merge", got "overwrite"']],
  [COMMAND_IDS.openTeamReport]: [[plain(TeamReportArgSchema), { files: [] }, 'files: expected at least one team file or folder, got []']],
  [COMMAND_IDS.applyStack]: [[plan(ApplyStackArgSchema), { stack: 'enterprise', startMonth: '2027-13' }, 'startMonth: expected a month as YYYY-MM, e.g. 2027-01, got "2027-13"']],
  [COMMAND_IDS.editPlan]: [[plan(EditPlanArgSchema), { plan: 'enterprise', endMonth: '2027-06' }, 'endMonth: endMonth needs the key of the certification it is for, got "2027-06"']],
  [COMMAND_IDS.removePlan]: [[plan(RemovePlanArgSchema), { plan: 'gold' }, 'plan: must be one of "full-stack", "enterprise" or "specialized", got "gold"']],
  [COMMAND_IDS.editCosts]: [
    [plan(EditCostsArgSchema), { key: 'google-pmle', items: [{ kind: 'exam', amountUsd: 200 }, { kind: 'course', amountUsd: -17_800, note: 'bootcamp' }] }, 'items[1].amountUsd: a cost cannot be negative, got -17800'],
    [plan(EditCostsArgSchema), { key: 'google-pmle', items: [{ kind: 'exam', amount: 200 }] }, 'items[0].amountUsd: expected an amount in USD (a number)'],
    [plan(EditCostsArgSchema), { key: 'google-pmle', items: [{ kind: 'exam', amountUsd: 200, paid: true }] }, 'items[0].paid: not a field this command takes (it takes kind, amountUsd, note)'],
  ],
  [COMMAND_IDS.setBillingRates]: [[plan(SetBillingRatesArgSchema), { current: 'lots' }, 'current: expected a billing rate in USD an hour (a number), got "lots"']],
  [COMMAND_IDS.showRoi]: [],
  [COMMAND_IDS.exportCalendar]: [[plan(ExportCalendarArgSchema), { path: 42 }, 'path: must be text, got 42']],
};

/** What zod says to developers, never to a user. */
const ZOD_WORDS = /Invalid input|Invalid option|Too small|Too big|Unrecognized key|received|expected (number|string|boolean|object|array)\b/;

describe('command argument refusals name the field and the rule (issue 18)', () => {
  it('has a case for every command that takes an argument', () => {
    for (const id of Object.values(COMMAND_IDS)) {
      assert.equal(CASES[id].length > 0, !NO_ARGUMENT.has(id), `${id}: ${NO_ARGUMENT.has(id) ? 'takes no argument' : 'needs a refusal case'}`);
    }
  });

  for (const [id, cases] of Object.entries(CASES)) {
    for (const [parse, arg, expected] of cases) {
      it(`${id} ${JSON.stringify(arg).slice(0, 70)}`, () => {
        let message: string | undefined;
        try {
          parse(arg);
        } catch (err) {
          message = (err as Error).message;
        }
        assert.ok(message !== undefined, 'refused');
        assert.equal(message, expected);
        assert.ok(!message.includes(JSON.stringify(arg).slice(0, 40)), 'the whole argument is not shown');
        assert.doesNotMatch(message, ZOD_WORDS);
        assert.doesNotMatch(message, /unexpected command argument/);
      });
    }
  }

  it('shows a field’s value shortened, so a long value cannot flood the message', () => {
    assert.throws(() => parseCommandArg(ExportCalendarArgSchema, { path: 'x'.repeat(5_000) }, t), (err: Error) => err.message.length < 140 && /^path: must be at most 4096 characters long, got "x+\.\.\.$/.test(err.message));
  });

  it('names a refused name in a record, and an unknown field inside a nested object', () => {
    assert.throws(() => parseCommandArg(RecordPracticeArgSchema, { key: 'aws-mla-c01', score: 70, domains: { ['d'.repeat(101)]: 60 } }, t), /^ArgumentError: domains: the name "d+\.\.\. must be at most 100 characters long$/);
    assert.throws(() => parseCommandArg(ProfileArgSchema, { billingRateUsd: { hourly: 100 } }, t), /^ArgumentError: billingRateUsd\.hourly: not a field this command takes \(it takes baseline, current\)$/);
  });
});
