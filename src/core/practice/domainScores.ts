import type { CatalogEntry, Domain } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import { localDayOf } from '../time/localDays';

/** A domain's latest practice score. */
export interface DomainScore {
  domainId: string;
  name: string;
  /** Percent, from the latest practice exam that scored this domain. */
  percent: number;
  takenOn: IsoDate;
  /** The domain's exam weight in percent (a range's midpoint); an equal share when unknown. */
  weightPercent: number;
  weightKnown: boolean;
}

/**
 * Each exam domain's latest score, in the catalog's domain order; domains no practice exam has
 * scored are left out, as are scores for domains the exam no longer has.
 */
export function latestDomainScores(entry: CatalogEntry | undefined, exams: readonly PracticeExam[]): DomainScore[] {
  if (!entry || entry.domains.length === 0) return [];
  const own = exams.filter((e) => e.certKey === entry.key && Object.keys(e.domainScores).length > 0);
  // Oldest first, so a later exam's score replaces an earlier one (same instant: file order).
  const ordered = own.map((e, i) => ({ e, i, at: Date.parse(e.takenAt) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const latest = new Map<string, { percent: number; takenOn: IsoDate }>();
  for (const { e } of ordered) {
    for (const [id, percent] of Object.entries(e.domainScores)) latest.set(id, { percent, takenOn: localDayOf(e.takenAt) });
  }
  return entry.domains.flatMap((d) => {
    const score = latest.get(d.id);
    if (!score) return [];
    const weight = weightOf(d, entry.domains.length);
    return [{ domainId: d.id, name: d.name, percent: score.percent, takenOn: score.takenOn, weightPercent: weight, weightKnown: d.weightPercent !== null }];
  });
}

/** A domain's exam weight in percent: a range's midpoint, or an equal share when unknown. */
export function weightOf(domain: Domain, domainCount: number): number {
  const w = domain.weightPercent;
  return w ? (w.min + w.max) / 2 : 100 / domainCount;
}
