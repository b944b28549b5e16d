import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import { latestDomainScores, type DomainScore } from './domainScores';

export interface WeakDomain extends DomainScore {
  /** Exam points the domain's shortfall costs: weight × (100 − latest score) / 100. */
  pointsAtStake: number;
}

/**
 * The exam domain to study next: the one whose latest practice score, weighed by its exam
 * weight, costs the most points on the exam (weight × (100 − score)). A 36 %-weight domain at
 * 80 % (7.2 points) comes before a 10 %-weight domain at 50 % (5 points). Ties go to the lower
 * score, then to the catalog's order. Null when no practice exam has scored a domain of this
 * exam. `exams` may hold other certifications' exams; only this one's count.
 *
 * The study timer offers this domain first in its domain picker.
 */
export function weakestDomain(entry: CatalogEntry | undefined, exams: readonly PracticeExam[]): WeakDomain | null {
  let best: WeakDomain | null = null;
  for (const score of latestDomainScores(entry, exams)) {
    const pointsAtStake = (score.weightPercent * (100 - score.percent)) / 100;
    if (!best || pointsAtStake > best.pointsAtStake + 1e-9 || (Math.abs(pointsAtStake - best.pointsAtStake) <= 1e-9 && score.percent < best.percent)) {
      best = { ...score, pointsAtStake };
    }
  }
  return best;
}
