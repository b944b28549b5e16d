/**
 * The status bar's exam and renewal countdown, from a small record the app writes to
 * globalState whenever the data behind it changes (see statusRecord.ts). Dependency-free on
 * purpose but for two small text helpers and the local days and durations (none of which imports
 * anything): the startup shell imports it to show the countdown at window start without loading
 * the rest of the extension, and only does date arithmetic on the local calendar here.
 */
import { formatHours } from '../time/durations';
import { calendarDaysUntil, startOfLocalDay } from '../time/localDays';
import { escapeMarkdown } from '../util/markdown';
import { asPlainText } from '../util/plainText';

export const STATUS_RECORD_KEY = 'certStudy.statusRecord';
export const STATUS_RECORD_VERSION = 1;
/** Renewal reminders come once each at these many days before expiry. */
export const RENEWAL_THRESHOLDS = [90, 30, 7] as const;

export interface ExamItem {
  kind: 'exam';
  key: string;
  /** The certification's short name as typed (a custom name may hold markup; escaped where shown). */
  label: string;
  /** The booked exam day, YYYY-MM-DD, local calendar. */
  date: string;
  loggedMinutes: number;
  targetMinutes: number | null;
  /** Average study per day over the last 28 days. */
  paceMinutesPerDay: number;
  /** e.g. "latest practice 78 % (pass ≈ 68.9 %)"; null when none. */
  practice: string | null;
}

export interface RenewalItem {
  kind: 'renewal';
  key: string;
  label: string;
  /** The expiry day, YYYY-MM-DD. */
  date: string;
  /** Thresholds (of RENEWAL_THRESHOLDS) already reminded of for this expiry. */
  reminded: number[];
}

export interface StatusRecord {
  v: number;
  items: Array<ExamItem | RenewalItem>;
}

export interface CountdownSettings {
  renewalWarnDays: number;
  paceWarningDays: number;
}

export interface Countdown {
  item: ExamItem | RenewalItem;
  days: number;
  text: string;
  /** Markdown. */
  tooltip: string;
  accessibilityLabel: string;
  /** Behind pace in the last days before the exam, or a certification about to lapse. */
  warning: boolean;
}

type Localize = (message: string, ...args: Array<string | number>) => string;

/** The record as stored, or null when it is missing or not of this shape (the app rewrites it). */
export function readStatusRecord(value: unknown): StatusRecord | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as StatusRecord;
  if (record.v !== STATUS_RECORD_VERSION || !Array.isArray(record.items)) return null;
  const isDay = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const ok = record.items.every(
    (i) =>
      i &&
      typeof i.key === 'string' &&
      typeof i.label === 'string' &&
      isDay(i.date) &&
      ((i.kind === 'exam' && typeof i.loggedMinutes === 'number' && typeof i.paceMinutesPerDay === 'number') ||
        (i.kind === 'renewal' && Array.isArray(i.reminded))),
  );
  return ok ? record : null;
}

/** The next local midnight after `now`, when every day count changes. */
export function nextLocalMidnight(now: Date): Date {
  return startOfLocalDay(now, 1);
}

/**
 * What the status bar shows: the nearest booked exam; when none is booked, the nearest renewal
 * within the warning window (or a certification that lapsed within it). Null: nothing to say.
 */
export function countdownOf(record: StatusRecord, now: Date, settings: CountdownSettings, t: Localize): Countdown | null {
  const exams = record.items
    .filter((i): i is ExamItem => i.kind === 'exam')
    .map((item) => ({ item, days: calendarDaysUntil(item.date, now) }))
    .filter((e) => e.days >= 0)
    .sort((a, b) => a.days - b.days);
  if (exams.length) return examCountdown(exams[0].item, exams[0].days, settings, t);
  const renewals = record.items
    .filter((i): i is RenewalItem => i.kind === 'renewal')
    .map((item) => ({ item, days: calendarDaysUntil(item.date, now) }))
    .filter((r) => r.days <= settings.renewalWarnDays && r.days >= -settings.renewalWarnDays)
    .sort((a, b) => a.days - b.days);
  if (renewals.length) return renewalCountdown(renewals[0].item, renewals[0].days, t);
  return null;
}

function dayWords(days: number, t: Localize): string {
  return days === 0 ? t('today') : days === 1 ? t('tomorrow') : t('{0}d', days);
}

function examCountdown(item: ExamItem, days: number, settings: CountdownSettings, t: Localize): Countdown {
  const remaining = item.targetMinutes === null ? 0 : Math.max(0, item.targetMinutes - item.loggedMinutes);
  // Hours a day from today up to the day before the exam (the exam day itself is for the exam).
  const studyDays = Math.max(1, days);
  const neededPerDay = remaining / studyDays;
  const behind = remaining > 0 && days <= settings.paceWarningDays && item.paceMinutesPerDay * studyDays < remaining;
  const when = days === 0 ? t('today') : days === 1 ? t('tomorrow') : t('in {0} days', days);
  const lines = [
    `**${escapeMarkdown(item.label)}**: ${t('exam on {0} ({1})', item.date, when)}`,
    '',
    item.targetMinutes === null ? `- ${t('{0} h logged (no target set)', formatHours(item.loggedMinutes))}` : `- ${t('{0} of {1} h logged', formatHours(item.loggedMinutes), formatHours(item.targetMinutes))}`,
  ];
  if (item.targetMinutes !== null) {
    lines.push(
      remaining === 0
        ? `- ${t('Target reached')}`
        : `- ${t('{0} h a day still needed; your pace over the last 28 days: {1} h a day', formatHours(neededPerDay), formatHours(item.paceMinutesPerDay))}`,
    );
  }
  lines.push(`- ${item.practice ?? t('No practice exam yet')}`);
  if (behind) lines.push('', `$(warning) ${t('Behind pace for the exam')}`);
  lines.push('', t('Click to open the dashboard.'));
  return {
    item,
    days,
    // The status bar renders `$(icon)` in its text: the name as typed, never an icon.
    text: `$(mortar-board) ${asPlainText(item.label)} · ${dayWords(days, t)}`,
    tooltip: lines.join('\n'),
    accessibilityLabel: behind ? t('{0} exam {1}, behind pace', item.label, when) : t('{0} exam {1}', item.label, when),
    warning: behind,
  };
}

function renewalCountdown(item: RenewalItem, days: number, t: Localize): Countdown {
  const lapsed = days < 0;
  const name = asPlainText(item.label);
  const text = lapsed ? `$(warning) ${t('{0} expired', name)}` : `$(history) ${t('renew {0}', name)} · ${dayWords(days, t)}`;
  const when = lapsed ? t('expired {0} days ago', -days) : days === 0 ? t('expires today') : t('expires in {0} days', days);
  return {
    item,
    days,
    text,
    tooltip: [`**${escapeMarkdown(item.label)}**: ${when} (${item.date})`, '', t('Renew it before it lapses: clients ask for current certifications.'), '', t('Click to open the dashboard.')].join('\n'),
    accessibilityLabel: t('{0} {1}', item.label, when),
    warning: lapsed || days <= 7,
  };
}

/** The renewal reminder due now for an item: the smallest threshold crossed and not yet reminded of. */
export function dueRenewalReminder(item: RenewalItem, now: Date): number | null {
  const days = calendarDaysUntil(item.date, now);
  if (days < 0) return null;
  const crossed = RENEWAL_THRESHOLDS.filter((th) => days <= th && !item.reminded.includes(th));
  return crossed.length ? Math.min(...crossed) : null;
}
