import { expiresOn } from '../certifications/certifications';
import { toOffsetInstant } from '../time/clock';
import { progressByCertification, progressOf } from '../certifications/progress';
import { formatRange } from '../catalog/facts';
import { formatPercent, roundPercent } from '../catalog/percent';
import { paceForecast } from '../dashboard/pace';
import { minutesByCertAndDay } from '../dashboard/studyIndex';
import type { CatalogEntry } from '../model/catalog';
import type { TrackedCertification } from '../model/tracking';
import { firstSessionDays } from '../practice/cadence';
import { latestDomainScores, weightOf } from '../practice/domainScores';
import { practiceSummary, type PracticeSummary } from '../practice/summary';
import { blockAt, nextBlockAfter, type StudyBlock } from '../timer/blockSchedule';
import { formatHours } from '../time/durations';
import { calendarDaysUntil, localToday } from '../time/localDays';
import type { Localize } from '../util/localize';
import { withQuotedDomains, type AgentData } from './agentTools';
import { quoted } from './quote';

/** A domain's latest practice score and what its shortfall costs on the exam. */
export interface DomainAtStake {
  id: string;
  /** Quoted. */
  name: string;
  percent: number;
  weightPercent: number;
  weightKnown: boolean;
  /** weight × (100 − score) / 100: exam points the shortfall costs. */
  points: number;
}

/** Everything the read tools say about one certification. */
export interface CertFacts {
  cert: TrackedCertification;
  /** The entry with quoted domain names. */
  entry: CatalogEntry | undefined;
  studyMinutes: number;
  minutesByDomain: ReadonlyMap<string, number>;
  /** `{ headline, detail }` of the dashboard's pace forecast (no user text in them). */
  pace: { headline: string; detail: string };
  /** Calendar days to the booked exam (negative once past); null without one. */
  examInDays: number | null;
  /** Held certifications only. */
  expiry: { date: string; inDays: number } | null;
  practice: PracticeSummary;
  /** Domains with a practice score, the most exam points at stake first. */
  domains: DomainAtStake[];
  open: boolean;
}

/** The facts of every tracked certification, in one pass over the logs. */
export function certFacts(data: AgentData, t: Localize): CertFacts[] {
  const { snapshot, catalog, now } = data;
  const progress = progressByCertification(snapshot.sessions, snapshot.practiceExams);
  const byDay = minutesByCertAndDay(snapshot.sessions);
  const firstDays = firstSessionDays(snapshot.sessions);
  const today = localToday(now);
  return snapshot.certifications.map((cert) => {
    const entry = withQuotedDomains(catalog.get(cert.key));
    const p = progressOf(progress, cert.key);
    const pace = paceForecast({ key: cert.key, name: cert.key, targetMinutes: cert.targetMinutes, examDate: cert.examDate, days: byDay.get(cert.key) ?? new Map(), today }, t);
    const held = cert.status === 'passed' || cert.status === 'expired';
    const expiry = held ? expiresOn(cert, entry) : null;
    const practice = practiceSummary({ cert, entry, exams: p.practiceExams, firstSessionDay: firstDays.get(cert.key), settings: data.practice, now }, t);
    const domains = latestDomainScores(entry, p.practiceExams)
      .map((s) => ({ id: s.domainId, name: s.name, percent: s.percent, weightPercent: s.weightPercent, weightKnown: s.weightKnown, points: (s.weightPercent * (100 - s.percent)) / 100 }))
      .sort((a, b) => b.points - a.points || a.percent - b.percent);
    return {
      cert,
      entry,
      studyMinutes: p.studyMinutes,
      minutesByDomain: p.minutesByDomain,
      pace: { headline: pace.headline, detail: pace.detail },
      examInDays: cert.examDate ? calendarDaysUntil(cert.examDate, now) : null,
      expiry: expiry ? { date: expiry, inDays: calendarDaysUntil(expiry, now) } : null,
      practice,
      domains,
      open: !held,
    };
  });
}

/** Open certifications first, the nearest booked exam on top (ISO dates sort as text), then the rest in stored order. */
export function byUrgency(facts: readonly CertFacts[]): CertFacts[] {
  const when = (f: CertFacts) => (f.open ? (f.cert.examDate !== null && (f.examInDays ?? -1) >= 0 ? f.cert.examDate : '9999') : '~');
  return [...facts].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
}

/** "in 40 days", "tomorrow", "today", "3 days ago". */
export function daysPhrase(days: number, t: Localize): string {
  if (days === 0) return t('today');
  if (days === 1) return t('tomorrow');
  if (days === -1) return t('yesterday');
  return days > 0 ? t('in {0} days', days) : t('{0} days ago', -days);
}

/** "12.5 h of a 40 h target (31 %)", or "12.5 h (no target)". */
export function hoursPhrase(f: CertFacts, t: Localize): string {
  const target = f.cert.targetMinutes;
  if (!target) return t('{0} h studied (no study target)', formatHours(f.studyMinutes));
  return t('{0} h of a {1} h target ({2} %)', formatHours(f.studyMinutes), formatHours(target), formatPercent(roundPercent((100 * f.studyMinutes) / target)));
}

/** `64 %, weight 28 %, 10.1 exam points at stake`. */
export function domainFigures(d: DomainAtStake, t: Localize): string {
  const weight = d.weightKnown ? t('weight {0} %', formatPercent(roundPercent(d.weightPercent))) : t('weight unknown, taken as an equal share');
  return t('{0} %, {1}, {2} exam points at stake', formatPercent(d.percent), weight, formatPercent(roundPercent(d.points)));
}

/** `"Data Preparation" (data-preparation) 64 %, weight 28 %, 10.1 exam points at stake`. */
export function domainPhrase(d: DomainAtStake, t: Localize): string {
  return t('{0} ({1}) {2}', d.name, d.id, domainFigures(d, t));
}

/**
 * The domain with the least study time for its exam weight, when no practice exam has scored a
 * domain yet: minutes ÷ weight, the smallest first (ties: the heavier domain, then catalog order).
 */
export function leastStudiedDomain(f: CertFacts): { id: string; name: string; minutes: number; weight: string | null } | null {
  const domains = f.entry?.domains ?? [];
  let best: { id: string; name: string; minutes: number; weight: string | null; ratio: number; w: number } | null = null;
  for (const d of domains) {
    const w = weightOf(d, domains.length);
    const minutes = f.minutesByDomain.get(d.id) ?? 0;
    const ratio = minutes / w;
    if (!best || ratio < best.ratio - 1e-9 || (Math.abs(ratio - best.ratio) <= 1e-9 && w > best.w)) {
      best = { id: d.id, name: d.name, minutes, weight: formatRange(d.weightPercent, ' %'), ratio, w };
    }
  }
  return best && { id: best.id, name: best.name, minutes: best.minutes, weight: best.weight };
}

/** `08:00` on the local wall clock. */
export function clockText(date: Date): string {
  return toOffsetInstant(date).slice(11, 16);
}

/** `2026-12-06T08:00` on the local wall clock, as Log Study Time takes it. */
export function localDateTimeText(date: Date): string {
  return toOffsetInstant(date).slice(0, 16);
}

/** The morning block now, or the next one: null when it is off. */
export function morningBlock(data: AgentData): { block: StudyBlock; running: boolean } | null {
  const running = blockAt(data.now, data.block);
  if (running) return { block: running, running: true };
  const next = nextBlockAfter(data.now, data.block);
  return next ? { block: next, running: false } : null;
}

/** "Morning block: running now, 08:00–09:00." and the like. */
export function morningBlockSentence(data: AgentData, t: Localize): string {
  const found = morningBlock(data);
  if (!found) return t('Morning block: off (setting certStudy.morningBlock.enabled) or on no day this week.');
  const { block, running } = found;
  const span = `${clockText(block.start)}–${clockText(block.end)}`;
  if (running) return t('Morning block: running now, {0}.', span);
  const day = localDateTimeText(block.start).slice(0, 10);
  return day === localToday(data.now) ? t('Morning block: later today, {0}.', span) : t('Morning block: next on {0}, {1}.', day, span);
}

/** A certification's name and key as every answer gives them: `"AWS MLA-C01" (key aws-mla-c01)`. */
export function certLabel(f: CertFacts): string {
  return `${quoted(f.entry?.shortName ?? f.cert.key)} (key ${f.cert.key})`;
}
