import type { Catalog } from '../catalog/catalog';
import { formatPercent } from '../catalog/percent';
import { parseCommandArg } from '../certifications/commandArgs';
import type { PracticeExam, StudySession } from '../model/logs';
import type { TrackedCertification } from '../model/tracking';
import { RecordPracticeArgSchema } from '../practice/args';
import { formatEntered, parseScore } from '../practice/score';
import { checkManualSession, localText, parseLocalDateTime } from '../timer/manualSession';
import { LogStudyTimeArgSchema } from '../timer/timerArgs';
import { localDayOf, localToday } from '../time/localDays';
import type { Localize } from '../util/localize';
import type * as z from 'zod';
import { formatMinutes, nameOf, userDataNote } from './agentTools';
import { clockText, localDateTimeText } from './certFacts';
import { quoted } from './quote';

/*
 * The two writing tools, before they write: the tool's input checked by the same rules as the
 * commands' arguments (the commands' zod schemas through parseCommandArg, Log Study Time's session
 * rules, parseScore), and what will be saved, line by line, for the confirmation. The write
 * itself goes through the command's handler or the service (src/features/agent/), which check
 * everything again; a refusal from either comes back as text naming the field.
 */

/** What a writing tool checks its input against. */
export interface WriteContext {
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  catalog: Catalog;
  now: Date;
}

/** Either what will be saved (the argument for the write, and its lines for the confirmation), or why not. */
export type WritePlan<T> = { ok: true; arg: T; lines: string[] } | { ok: false; refusal: string };

export type LogStudyTimeArg = z.infer<typeof LogStudyTimeArgSchema>;
export type RecordPracticeArg = z.infer<typeof RecordPracticeArgSchema> & { score: string | number };

/** The refusal as the tool returns it: the reason (which names the field), and that nothing was saved. */
export function refusalText(reason: string, t: Localize): string {
  return [t('Not saved: {0}', reason), t('Nothing was written. Correct that field and call the tool again, or ask the user.')].join('\n');
}

function refuse<T>(reason: string): WritePlan<T> {
  return { ok: false, refusal: reason };
}

/** Runs a check that throws a sentence naming the field (ArgumentError, SessionInputError, …). */
function attempt<T>(check: () => T): { value: T } | { error: string } {
  try {
    return { value: check() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function objectInput(raw: unknown, example: string, t: Localize): Record<string, unknown> | string {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  return t('the tool input must be an object such as {0}', example);
}

function trackedRefusal(key: string, ctx: WriteContext, t: Localize): string | null {
  if (ctx.certifications.some((c) => c.key === key)) return null;
  const keys = ctx.certifications.map((c) => c.key);
  return keys.length ? t('key: {0} is not among the tracked certifications; their keys are {1}', quoted(key), keys.join(', ')) : t('key: {0} is not tracked, and no certification is tracked yet', quoted(key));
}

function domainRefusal(key: string, domain: string, ctx: WriteContext, field: string, t: Localize): string | null {
  const entry = ctx.catalog.get(key);
  if (entry?.domains.some((d) => d.id === domain)) return null;
  const ids = entry?.domains.map((d) => d.id) ?? [];
  return ids.length
    ? t('{0}: {1} is not a domain of {2}; its domain ids are {3}', field, quoted(domain), nameOf(key, ctx.catalog), ids.join(', '))
    : t('{0}: {1} has no exam domains', field, nameOf(key, ctx.catalog));
}

function domainName(key: string, domain: string, ctx: WriteContext): string {
  return `${quoted(ctx.catalog.get(key)?.domains.find((d) => d.id === domain)?.name ?? domain)} (${domain})`;
}

/**
 * Log study time: `{ key, start, end | minutes, domain?, activity?, note? }` as the command takes
 * it, where `start` (local `YYYY-MM-DDTHH:mm`) may be left out with `minutes`: the session then
 * ends now (to the minute), which is what "log 45 minutes of …" means.
 */
export function planLogStudyTime(raw: unknown, ctx: WriteContext, t: Localize): WritePlan<LogStudyTimeArg> {
  const input = objectInput(raw, '{ "key": "aws-mla-c01", "minutes": 45 }', t);
  if (typeof input === 'string') return refuse(input);
  const filled = { ...input };
  if (filled.start === undefined && filled.end === undefined && filled.minutes !== undefined) {
    // Ends now, to the minute. Minutes the schema refuses keep a start of now, so the refusal names minutes.
    const end = new Date(ctx.now);
    // In UTC: setSeconds reads and writes local fields, and in the hour the clocks repeat it moved
    // the second 01:50 back to the first, an hour early. Whole-minute offsets make the two the same.
    end.setUTCSeconds(0, 0);
    const minutes = typeof filled.minutes === 'number' && filled.minutes > 0 && filled.minutes <= 24 * 60 ? filled.minutes : 0;
    const start = new Date(end.getTime() - Math.round(minutes * 60_000));
    const startText = localDateTimeText(start);
    filled.start = startText;
    // In the hour the clocks repeat (autumn), the wall-clock text names two instants and is read
    // back as the first: refuse rather than save the session an hour early.
    const readBack = attempt(() => parseLocalDateTime(startText, 'start', t).getTime());
    if (minutes > 0 && 'value' in readBack && readBack.value !== start.getTime()) {
      return refuse(t('start: the local time {0} happened twice tonight (the clocks went back): give start and end explicitly', startText));
    }
  }
  const parsed = attempt(() => parseCommandArg(LogStudyTimeArgSchema, filled, t)!);
  if ('error' in parsed) return refuse(parsed.error);
  const arg = parsed.value;
  const notTracked = trackedRefusal(arg.key, ctx, t);
  if (notTracked) return refuse(notTracked);
  const span = attempt(() => {
    const start = parseLocalDateTime(arg.start, 'start', t);
    const end = arg.end ? parseLocalDateTime(arg.end, 'end', t) : undefined;
    return checkManualSession({ start, end, minutes: arg.minutes }, ctx.now, ctx.sessions, t);
  });
  if ('error' in span) return refuse(span.error);
  if (arg.domain) {
    const wrong = domainRefusal(arg.key, arg.domain, ctx, 'domain', t);
    if (wrong) return refuse(wrong);
  }
  const { start, end } = span.value;
  const day = localDateTimeText(start).slice(0, 10);
  const endDay = localDateTimeText(end).slice(0, 10);
  const until = endDay === day ? clockText(end) : `${endDay} ${clockText(end)}`;
  return {
    ok: true,
    arg,
    lines: [
      t('Certification: {0} (key {1})', nameOf(arg.key, ctx.catalog), arg.key),
      t('Session: {0} {1} to {2} ({3}), local time', day, clockText(start), until, formatMinutes((end.getTime() - start.getTime()) / 60_000)),
      t('Domain: {0}', arg.domain ? domainName(arg.key, arg.domain, ctx) : t('none')),
      t('Activity: {0}', arg.activity ?? 'reading'),
      t('Note: {0}', arg.note ? quoted(arg.note) : t('none')),
    ],
  };
}

/** Record a practice exam: `{ key, score, date?, source?, domains?, note? }` as the command takes it; the score is required. */
export function planRecordPractice(raw: unknown, ctx: WriteContext, t: Localize): WritePlan<RecordPracticeArg> {
  const input = objectInput(raw, '{ "key": "aws-mla-c01", "score": "38/50" }', t);
  if (typeof input === 'string') return refuse(input);
  const parsed = attempt(() => parseCommandArg(RecordPracticeArgSchema, input, t)!);
  if ('error' in parsed) return refuse(parsed.error);
  const arg = parsed.value;
  const notTracked = trackedRefusal(arg.key, ctx, t);
  if (notTracked) return refuse(notTracked);
  if (arg.score === undefined) return refuse(t('score: required, and not given: a percent (76), correct answers/questions ("38/50"), or a score on the exam\'s scale ("780/1000")'));
  const entry = ctx.catalog.get(arg.key);
  const score = parseScore(arg.score, entry?.passingScore ?? null, t);
  if (!score.ok) return refuse(t('score: {0}', score.message));
  const today = localToday(ctx.now);
  const date = arg.date ?? today;
  if (date > today) return refuse(t('date: {0} is in the future: record a practice exam once it is taken (today is {1})', date, today));
  const domainScores: string[] = [];
  for (const [id, value] of Object.entries(arg.domains ?? {})) {
    const wrong = domainRefusal(arg.key, id, ctx, 'domains', t);
    if (wrong) return refuse(wrong);
    const parsedDomain = parseScore(value, null, t);
    if (!parsedDomain.ok) return refuse(t('domains.{0}: {1}', id, parsedDomain.message));
    domainScores.push(`${domainName(arg.key, id, ctx)} ${formatPercent(parsedDomain.percent)} %`);
  }
  const entered = formatEntered(score.entered);
  const scoreText = score.entered.kind === 'percent' ? `${formatPercent(score.percent)} %` : t('{0} % (entered as {1})', formatPercent(score.percent), entered!);
  const source = arg.source?.trim();
  return {
    ok: true,
    // The date as shown, so a confirmation given after midnight saves the day it showed.
    arg: { ...arg, date, score: arg.score },
    lines: [
      t('Certification: {0} (key {1})', nameOf(arg.key, ctx.catalog), arg.key),
      t('Date: {0}{1}', date, date === today ? t(' (today)') : ''),
      t('Score: {0}', scoreText),
      t('Domain scores: {0}', domainScores.length ? domainScores.join('; ') : t('none')),
      t('Source: {0}', source ? quoted(source) : t('none')),
      t('Note: {0}', arg.note ? quoted(arg.note) : t('none')),
    ],
  };
}

/** The answer after a session was saved: what was saved, and the certification's total since. */
export function loggedText(session: StudySession, totalMinutes: number, catalog: Catalog, t: Localize): string {
  const minutes = (Date.parse(session.end) - Date.parse(session.start)) / 60_000;
  return [
    userDataNote(t),
    t('Saved: {0} of study for {1}, {2} to {3} (local time), activity {4}{5}.', formatMinutes(minutes), nameOf(session.certKey, catalog), localText(session.start), localText(session.end).slice(11), session.activity, session.domainId ? t(', domain {0}', session.domainId) : ''),
    t('Total study time for it now: {0}. Session id {1}.', formatMinutes(totalMinutes), session.id),
  ].join('\n');
}

/** The answer after a practice exam was recorded: what was saved, against the pass mark. */
export function recordedText(exam: PracticeExam, passPercent: number, catalog: Catalog, t: Localize): string {
  const entered = formatEntered(exam.entered);
  const score = exam.entered && exam.entered.kind !== 'percent' ? t('{0} % ({1})', formatPercent(exam.scorePercent), entered!) : `${formatPercent(exam.scorePercent)} %`;
  const against = exam.scorePercent >= passPercent ? t('at or above') : t('below');
  return [
    userDataNote(t),
    t('Saved: practice exam for {0} on {1}: {2}, {3} the pass mark of {4} %.', nameOf(exam.certKey, catalog), localDayOf(exam.takenAt), score, against, formatPercent(passPercent)),
    t('Domain scores saved: {0}. Practice exam id {1}.', Object.keys(exam.domainScores).length, exam.id),
  ].join('\n');
}
