import { formatPercent } from '../catalog/percent';
import { forecastLimits } from '../practice/forecast';
import { shortPassMark } from '../practice/passMark';
import { duePhrase, forecastSentence } from '../practice/treeRows';
import { localDayOf, localToday } from '../time/localDays';
import type { Localize } from '../util/localize';
import { nameOf, userDataNote, type AgentData } from './agentTools';
import { byUrgency, certFacts, certLabel, daysPhrase, domainPhrase, hoursPhrase, morningBlockSentence, type CertFacts } from './certFacts';
import { quoted } from './quote';

/** The status tool's input: every certification, or the one `key` names. */
export interface StatusInput {
  key?: string;
}

/** The weakest domains listed per certification. */
const DOMAINS_LISTED = 3;

/**
 * The status tool's answer, in plain text: per certification the hours against the target and
 * the pace, the exam date and the days left, the latest practice score against the pass mark,
 * readiness with its reasons, the weakest domains by exam points at stake, the pass forecast and
 * the next practice exam; then what is due now (the morning block, practice exams, renewals,
 * a running timer). Every user-entered name is quoted (see quote.ts).
 */
export function statusText(data: AgentData, input: StatusInput, t: Localize): string {
  const all = byUrgency(certFacts(data, t));
  const refusal = unknownKey(input.key, data, t);
  if (refusal) return refusal;
  const shown = input.key === undefined ? all : all.filter((f) => f.cert.key === input.key);
  const lines = [t('Cert Study Tracker status on {0}.', localToday(data.now)), userDataNote(t)];
  if (all.length === 0) {
    lines.push(t('No certification is tracked yet: the user can add one with the command Cert Study: Add Certification.'));
    return lines.join('\n');
  }
  for (const f of shown) lines.push('', ...certLines(f, t));
  lines.push('', t('Due now:'), ...dueLines(data, input.key === undefined ? all : shown, t).map((l) => `- ${l}`));
  if (shown.some((f) => f.open && f.practice.forecast.kind === 'forecast')) lines.push('', t('About the pass forecast: {0}', forecastLimits(t)));
  return lines.join('\n');
}

/** The refusal for a key that is not tracked, naming the field and the keys that are. */
export function unknownKey(key: string | undefined, data: AgentData, t: Localize): string | null {
  if (key === undefined || data.snapshot.certifications.some((c) => c.key === key)) return null;
  const keys = data.snapshot.certifications.map((c) => c.key);
  return keys.length
    ? t('key: {0} is not among the tracked certifications; their keys are {1}. Nothing was read for it.', quoted(key), keys.join(', '))
    : t('key: {0} is not among the tracked certifications: none is tracked yet.', quoted(key));
}

function certLines(f: CertFacts, t: Localize): string[] {
  const { cert, practice } = f;
  const lines = [t('{0}: {1}', certLabel(f), cert.status)];
  const item = (text: string) => lines.push(`- ${text}`);
  item(t('Study time: {0}.', hoursPhrase(f, t)));
  if (f.open) {
    item(t('Pace: {0}. {1}', f.pace.headline, f.pace.detail));
    if (cert.examDate) item(t('Exam: {0}, {1}.', cert.examDate, daysPhrase(f.examInDays!, t)));
    else item(t('Exam: no date booked.'));
    const latest = practice.latest;
    if (latest) {
      const trend = practice.trend === null ? '' : t(', {0} points since the one before', `${practice.trend > 0 ? '+' : ''}${formatPercent(practice.trend)}`);
      item(t('Practice exams: {0}; latest {1} % on {2}{3}; {4}.', practice.exams.length, formatPercent(latest.scorePercent), localDayOf(latest.takenAt), trend, shortPassMark(practice.pass, t)));
    } else {
      item(t('Practice exams: none yet; {0}.', shortPassMark(practice.pass, t)));
    }
    item(t('Readiness: {0}: {1}.', practice.readiness.ready ? t('ready') : t('not yet'), practice.readiness.reasons.map((r) => r.text).join('; ')));
    if (f.domains.length) item(t('Weakest domains by exam points at stake (weight × shortfall): {0}.', f.domains.slice(0, DOMAINS_LISTED).map((d) => domainPhrase(d, t)).join('; ')));
    else if (f.entry?.domains.length) item(t('Weakest domains: no practice exam has scored a domain yet.'));
    item(forecastSentence(practice.forecast, practice.pass, t));
    const due = duePhrase(practice.due, t, 'long');
    if (due) item(t('Next practice exam: {0}.', due));
  } else if (cert.status === 'passed') {
    item(f.expiry ? t('Passed{0}; expires on {1}, {2}.', cert.earnedOn ? t(' on {0}', cert.earnedOn) : '', f.expiry.date, daysPhrase(f.expiry.inDays, t)) : t('Passed{0}; no expiry known.', cert.earnedOn ? t(' on {0}', cert.earnedOn) : ''));
  } else if (f.expiry) {
    item(t('Expired on {0}.', f.expiry.date));
  }
  return lines;
}

/** What is due now: the morning block, practice exams due or overdue, renewals in the warning window, a running timer. */
function dueLines(data: AgentData, facts: readonly CertFacts[], t: Localize): string[] {
  const lines = [morningBlockSentence(data, t)];
  for (const f of facts) {
    const due = f.practice.due;
    if (f.open && due.kind !== 'none' && due.state !== 'upcoming') lines.push(t('Practice exam for {0}: {1}.', nameOf(f.cert.key, data.catalog), duePhrase(due, t, 'long')!));
    if (f.cert.status === 'passed' && f.expiry && f.expiry.inDays >= 0 && f.expiry.inDays <= data.renewalWarnDays) {
      lines.push(t('Renewal of {0}: expires on {1}, {2}.', nameOf(f.cert.key, data.catalog), f.expiry.date, daysPhrase(f.expiry.inDays, t)));
    }
  }
  if (data.timer) {
    lines.push(data.timer.paused ? t('Study timer: paused, for {0}.', nameOf(data.timer.certKey, data.catalog)) : t('Study timer: running, for {0}.', nameOf(data.timer.certKey, data.catalog)));
  }
  if (lines.length === 1) lines.push(t('No practice exam or renewal is due.'));
  return lines;
}
