import assert from 'node:assert/strict';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { Catalog } from '../../src/core/catalog/catalog';
import { calendarEvents, type CalendarInput } from '../../src/core/calendar/events';
import { writeIcs } from '../../src/core/calendar/ics';
import { eventHash, legacySequence, sequenceEvents } from '../../src/core/calendar/sequence';
import { STATE_SPECS } from '../../src/core/store/stateSpecs';
import { decodeVersioned } from '../../src/core/store/versioned';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { samplePractice, sampleCert, sampleSession } from './support/samples';

// ical.js is an ES module: loaded with import() (the unit tests are CommonJS).
let ICAL: typeof ICALModule;
before(async () => {
  ICAL = (await import('ical.js')).default;
});

const CALENDAR_ID = '11111111-2222-4333-8444-555555555555';
/** Monday 2027-03-01, 09:00 in Denver (MST, UTC-7): the clocks go forward on Sunday 2027-03-14. */
const now = new Date('2027-03-01T16:00:00Z');

function input(overrides: Partial<CalendarInput> = {}): CalendarInput {
  return {
    certifications: [
      sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2027-04-02' }),
      sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2025-06-01', examDate: null }),
      sampleCert({ key: 'databricks-ml-professional', status: 'planned' }),
    ],
    sessions: [sampleSession({ certKey: 'aws-mla-c01', start: '2027-02-01T08:00:00.000-07:00', end: '2027-02-01T09:00:00.000-07:00' })],
    practiceExams: [samplePractice({ certKey: 'aws-mla-c01', takenAt: '2027-02-22T08:00:00.000-07:00' })],
    catalog: new Catalog(),
    block: { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    practiceIntervalDays: 14,
    renewalWarnDays: 90,
    calendarId: CALENDAR_ID,
    timeZone: 'America/Denver',
    now,
    t,
    ...overrides,
  };
}

type ExportState = Parameters<typeof sequenceEvents>[1];

/**
 * The file written for `input`, read back by ical.js (an independent parser). `previous` is what
 * the last export remembered (as the command keeps it in globalState); `state` is what this one does.
 */
function parsed(calendarInput: CalendarInput = input(), previous: ExportState = null) {
  const calendarEventList = calendarEvents(calendarInput);
  const sequenced = sequenceEvents(calendarEventList, previous, calendarInput.now);
  const text = writeIcs(calendarEventList, { now: calendarInput.now, version: '0.1.0', calendarName: 'Cert Study', sequences: sequenced.sequences });
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const byUid = (what: string) => events.find((e) => e.uid === `${what}.${CALENDAR_ID}@cert-study-tracker`)!;
  return { text, root, events, byUid, sequenceOf: (what: string) => Number(byUid(what).sequence), state: { events: sequenced.events, sequenceBase: sequenced.sequenceBase } };
}

describe('calendar export (.ics, read back with ical.js)', () => {
  it('is an RFC 5545 calendar with one VTIMEZONE for the engineer’s zone and UTC stamps', () => {
    const { text, root, events } = parsed();
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const zones = root.getAllSubcomponents('vtimezone');
    assert.deepEqual(zones.map((z) => z.getFirstPropertyValue('tzid')), ['America/Denver']);
    assert.deepEqual(
      events.map((e) => e.summary),
      ['Exam: AWS MLA-C01', 'Practice exam due: AWS MLA-C01', 'Renewal deadline: Google PMLE expires', 'Morning study block'],
    );
    for (const v of root.getAllSubcomponents('vevent')) assert.match(String(v.getFirstProperty('dtstamp')!.toICALString()), /DTSTAMP:20270301T160000Z/);
  });

  it('writes the exam date, the practice exam falling due and the renewal deadline as all-day events', () => {
    const { byUid } = parsed();
    const exam = byUid('exam.aws-mla-c01');
    assert.equal(exam.startDate.isDate, true);
    assert.equal(exam.startDate.toString(), '2027-04-02');
    assert.equal(exam.endDate.toString(), '2027-04-03');
    // The latest practice exam was on 2027-02-22: the next is due 14 days later.
    assert.equal(byUid('practice.aws-mla-c01').startDate.toString(), '2027-03-08');
    const renewal = byUid('renewal.google-pmle');
    assert.equal(renewal.startDate.toString(), '2027-06-01', 'earned 2025-06-01, valid two years');
    const alarm = renewal.component.getFirstSubcomponent('valarm')!;
    assert.equal(alarm.getFirstPropertyValue('trigger')!.toString(), '-P90D');
    assert.equal(byUid('practice.databricks-ml-professional'), undefined, 'a planned certification with nothing logged has none due');
  });

  it('repeats the morning block weekly at 08:00 in America/Denver, across the daylight-saving change', () => {
    const { byUid } = parsed();
    const block = byUid('morning-block');
    assert.equal(block.startDate.zone.tzid, 'America/Denver');
    assert.equal(block.startDate.toString(), '2027-03-01T08:00:00');
    assert.equal(block.duration.toSeconds(), 3600);
    assert.equal(block.isRecurring(), true);
    const rule = block.component.getFirstPropertyValue('rrule') as ICALModule.Recur;
    assert.equal(rule.freq, 'WEEKLY');
    assert.deepEqual(rule.parts.BYDAY, ['MO', 'TU', 'WE', 'TH', 'FR']);
    assert.equal(rule.until, null, 'every week, with no end');
    const it = block.iterator();
    const occurrences: string[] = [];
    for (let next = it.next(); next && occurrences.length < 15; next = it.next()) occurrences.push(next.toJSDate().toISOString());
    // Three weeks of weekdays; the clocks go forward on 2027-03-14, so 08:00 is 15:00Z before and 14:00Z after.
    assert.deepEqual(occurrences, [
      '2027-03-01T15:00:00.000Z',
      '2027-03-02T15:00:00.000Z',
      '2027-03-03T15:00:00.000Z',
      '2027-03-04T15:00:00.000Z',
      '2027-03-05T15:00:00.000Z',
      '2027-03-08T15:00:00.000Z',
      '2027-03-09T15:00:00.000Z',
      '2027-03-10T15:00:00.000Z',
      '2027-03-11T15:00:00.000Z',
      '2027-03-12T15:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-16T14:00:00.000Z',
      '2027-03-17T14:00:00.000Z',
      '2027-03-18T14:00:00.000Z',
      '2027-03-19T14:00:00.000Z',
    ]);
  });

  it('keeps 08:00 in the autumn too (MDT → MST on 2027-11-07), and writes another zone’s wall clock whatever zone this process runs in', () => {
    const autumn = parsed(input({ now: new Date('2027-11-01T15:00:00Z'), block: { enabled: true, start: '08:00', durationMinutes: 45, days: ['mon', 'fri'] } }));
    const block = autumn.byUid('morning-block');
    const it = block.iterator();
    const times = [it.next(), it.next(), it.next(), it.next()].map((d) => d!.toJSDate().toISOString());
    assert.deepEqual(times, ['2027-11-01T14:00:00.000Z', '2027-11-05T14:00:00.000Z', '2027-11-08T15:00:00.000Z', '2027-11-12T15:00:00.000Z']);
    assert.equal(block.duration.toSeconds(), 45 * 60);
    // This process is in Denver; an engineer in Berlin still gets 08:00 Berlin time.
    const berlin = parsed(input({ timeZone: 'Europe/Berlin' }));
    assert.match(berlin.text, /DTSTART;TZID=Europe\/Berlin:20270301T080000/);
    assert.equal(berlin.byUid('morning-block').startDate.toJSDate().toISOString(), '2027-03-01T07:00:00.000Z');
  });

  it('ends every content line with CRLF, the last one (END:VCALENDAR) included (RFC 5545 3.1; issue 18)', () => {
    const { text } = parsed();
    assert.ok(text.endsWith('END:VCALENDAR\r\n'), JSON.stringify(text.slice(-20)));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF anywhere');
    const empty = writeIcs([], { now, version: '0.1.0', calendarName: 'Cert Study' });
    assert.ok(empty.endsWith('END:VCALENDAR\r\n') && !empty.endsWith('\r\n\r\n'));
  });

  it('keeps every UID from one export to the next, so a re-import updates the events', () => {
    const first = parsed();
    // A month later the exam moved and a practice exam was recorded: same events, new dates.
    const later = parsed(
      input({
        now: new Date('2027-04-01T15:00:00Z'),
        certifications: [
          sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2027-04-20' }),
          sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2025-06-01', examDate: null }),
          sampleCert({ key: 'databricks-ml-professional', status: 'planned' }),
        ],
        practiceExams: [samplePractice({ certKey: 'aws-mla-c01', takenAt: '2027-03-29T08:00:00.000-06:00' })],
      }),
      first.state,
    );
    assert.deepEqual(later.events.map((e) => e.uid).sort(), first.events.map((e) => e.uid).sort());
    assert.equal(later.byUid('exam.aws-mla-c01').startDate.toString(), '2027-04-20');
    assert.ok(Number(later.byUid('exam.aws-mla-c01').sequence) > Number(first.byUid('exam.aws-mla-c01').sequence), 'a later export has a higher SEQUENCE');
    assert.equal(new Set(first.events.map((e) => e.uid)).size, first.events.length, 'unique');
  });

  it('writes the block in floating local time for a zone it has no VTIMEZONE for', () => {
    const { text, byUid } = parsed(input({ timeZone: 'Nowhere/Special' }));
    assert.match(text, /\r\nDTSTART:20270301T080000\r\n/);
    assert.doesNotMatch(text, /VTIMEZONE/);
    assert.equal(byUid('morning-block').startDate.zone, ICAL.Timezone.localTimezone);
  });

  it('leaves the block out when it is turned off, and puts an overdue practice exam on today', () => {
    const { events, byUid } = parsed(input({ block: { enabled: false, start: '08:00', durationMinutes: 60, days: ['mon'] }, now: new Date('2027-03-20T16:00:00Z') }));
    assert.ok(!events.some((e) => e.summary === 'Morning study block'));
    const practice = byUid('practice.aws-mla-c01');
    assert.equal(practice.summary, 'Practice exam overdue: AWS MLA-C01');
    assert.equal(practice.startDate.toString(), '2027-03-20');
  });
});

describe('calendar export SEQUENCE (issue 18: it was minutes since 2026, the same for two exports in one minute)', () => {
  /** The exam moved a day, everything else as it was. */
  const moved = () =>
    input({
      certifications: [
        sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2027-04-03' }),
        sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2025-06-01', examDate: null }),
        sampleCert({ key: 'databricks-ml-professional', status: 'planned' }),
      ],
    });

  it('rises for an event that changed, even between two exports in the same minute, and only for it', () => {
    const first = parsed();
    assert.equal(first.sequenceOf('exam.aws-mla-c01'), 0, 'a first export starts at 0');
    // The exam moved; the second export is the same instant (same minute, same second).
    const second = parsed(moved(), first.state);
    assert.equal(second.sequenceOf('exam.aws-mla-c01'), 1, 'the moved exam is a newer revision');
    for (const what of ['practice.aws-mla-c01', 'renewal.google-pmle', 'morning-block']) {
      assert.equal(second.sequenceOf(what), first.sequenceOf(what), `${what} did not change: same SEQUENCE`);
    }
    // Exported again with nothing changed: nothing rises.
    const third = parsed(moved(), second.state);
    assert.deepEqual(third.events.map((e) => e.sequence), second.events.map((e) => e.sequence));
    // Moved back: still a newer revision than the one calendars hold now.
    assert.equal(parsed(input(), third.state).sequenceOf('exam.aws-mla-c01'), 2);
  });

  it('remembers an event no longer exported, so it goes on from its last number when it comes back', () => {
    const first = parsed();
    const second = parsed(moved(), first.state);
    const noExam = input({ certifications: [sampleCert({ key: 'aws-mla-c01', status: 'studying', examDate: null })] });
    const third = parsed(noExam, second.state);
    assert.equal(third.events.some((e) => e.uid.startsWith('exam.')), false);
    assert.equal(third.state.events[`exam.aws-mla-c01.${CALENDAR_ID}@cert-study-tracker`].sequence, 1);
    assert.equal(parsed(input(), third.state).sequenceOf('exam.aws-mla-c01'), 2);
  });

  it('hashes what the event says, not when it was written', () => {
    const [exam] = calendarEvents(input());
    assert.equal(eventHash(exam), eventHash({ ...exam }));
    assert.equal(eventHash(exam), eventHash(Object.fromEntries(Object.entries(exam).reverse()) as typeof exam), 'key order does not matter');
    assert.notEqual(eventHash(exam), eventHash({ ...exam, summary: `${exam.summary} ` }));
    assert.equal(parsed(input({ now: new Date('2027-03-01T16:00:30Z') }), parsed().state).sequenceOf('exam.aws-mla-c01'), 0, 'a later DTSTAMP alone changes nothing');
  });

  it('migrates the stored state from version 1, and starts above the minute count version 1 wrote', () => {
    const stored = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/state/calendar-export-v1.json'), 'utf8')) as { v: number; data: unknown };
    const spec = STATE_SPECS.calendarExport;
    const outcome = decodeVersioned(spec, stored.data, stored.v);
    assert.equal(outcome.kind, 'migrated');
    assert.deepEqual(outcome.value, { id: CALENDAR_ID, lastPath: '/home/ana/cert-study.ics', events: {}, sequenceBase: null });
    assert.deepEqual(decodeVersioned(spec, null, 1), { kind: 'migrated', value: null, from: 1 });
    // The first export after it: every event above what version 1 wrote at this instant, and the base kept.
    const after = parsed(input(), outcome.value);
    const legacy = legacySequence(now);
    assert.equal(legacy, 611_520, '2027-03-01T16:00Z is 611,520 minutes (424 days and 16 hours) after 2026-01-01');
    for (const e of after.events) assert.equal(Number(e.sequence), legacy);
    assert.equal(after.state.sequenceBase, legacy);
    // Later: a changed event rises from there, a new one starts at the base.
    const later = parsed(moved(), after.state);
    assert.equal(later.sequenceOf('exam.aws-mla-c01'), legacy + 1);
    assert.equal(later.sequenceOf('morning-block'), legacy);
    // A state this version wrote reads back as it is.
    assert.deepEqual(decodeVersioned(spec, { id: CALENDAR_ID, lastPath: null, ...later.state }, 2), { kind: 'ok', value: { id: CALENDAR_ID, lastPath: null, ...later.state } });
  });
});
