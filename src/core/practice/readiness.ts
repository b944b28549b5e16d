import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import type { Localize } from '../util/localize';
import { latestDomainScores } from './domainScores';
import type { PassMark } from './passMark';
import { formatPercent, roundPercent } from '../catalog/percent';
import type { PracticeSettings } from './settings';

export interface ReadinessReason {
  /** `met`/`unmet`: a rule and whether it holds; `info`: context, such as where the pass mark comes from. */
  kind: 'met' | 'unmet' | 'info';
  text: string;
}

/** Ready or not yet, always with its reasons. */
export interface Readiness {
  ready: boolean;
  reasons: ReadinessReason[];
  /** What each of the latest scores needs: pass mark + margin. */
  threshold: number;
  /** What no domain's latest score may fall below: pass mark − floor. */
  floor: number;
}

/**
 * Ready when the latest `consecutive` practice scores are all at least pass mark + margin, and no
 * exam domain's latest score is below pass mark − floor. Without domain scores only the first rule
 * applies, and the reasons say so. `exams` are this certification's, in any order.
 */
export function readiness(
  input: { entry: CatalogEntry | undefined; exams: readonly PracticeExam[]; pass: PassMark; settings: PracticeSettings },
  t: Localize,
): Readiness {
  const { entry, pass, settings } = input;
  const threshold = roundPercent(pass.percent + settings.marginPoints);
  const floor = roundPercent(pass.percent - settings.domainFloorPoints);
  const exams = [...input.exams].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const reasons: ReadinessReason[] = [scoresReason(exams, settings.consecutive, threshold, t), domainReason(entry, exams, floor, t)];
  if (pass.source === 'default') reasons.push({ kind: 'info', text: t('pass mark unknown: your default {0} % is used', formatPercent(pass.percent)) });
  else if (pass.approximate) reasons.push({ kind: 'info', text: t('pass mark {0} converted to ≈ {1} %', `${pass.scaled!.score}/${pass.scaled!.scaleMax}`, formatPercent(pass.percent)) });
  return { ready: reasons.every((r) => r.kind !== 'unmet'), reasons, threshold, floor };
}

function scoresReason(exams: readonly PracticeExam[], consecutive: number, threshold: number, t: Localize): ReadinessReason {
  const need = formatPercent(threshold);
  if (exams.length === 0) return { kind: 'unmet', text: t('no practice exam yet: {0} needed at ≥ {1}', consecutive, need) };
  const last = exams.slice(-consecutive).map((e) => e.scorePercent);
  const list = last.map(formatPercent).join(', ');
  if (exams.length < consecutive) {
    return { kind: 'unmet', text: t('{0} of {1} practice exams so far ({2}); each needs ≥ {3}', exams.length, consecutive, list, need) };
  }
  const label = consecutive === 1 ? t('last score {0}', list) : t('last {0} scores {1}', consecutive, list);
  return last.every((s) => s >= threshold) ? { kind: 'met', text: t('{0} ≥ {1}', label, need) } : { kind: 'unmet', text: t('{0}, not all ≥ {1}', label, need) };
}

function domainReason(entry: CatalogEntry | undefined, exams: readonly PracticeExam[], floor: number, t: Localize): ReadinessReason {
  const scores = latestDomainScores(entry, exams);
  if (scores.length === 0) return { kind: 'info', text: t('no domain scores recorded, so only the overall scores count') };
  const below = scores.filter((s) => s.percent < floor).sort((a, b) => a.percent - b.percent);
  const limit = formatPercent(floor);
  if (below.length === 0) {
    const weakest = scores.reduce((a, b) => (b.percent < a.percent ? b : a));
    return { kind: 'met', text: t('weakest domain {0} {1} ≥ {2}', weakest.name, formatPercent(weakest.percent), limit) };
  }
  const list = below.map((s) => `${s.name} ${formatPercent(s.percent)}`).join(', ');
  return { kind: 'unmet', text: below.length === 1 ? t('weakest domain {0} < {1}', list, limit) : t('weakest domains {0} < {1}', list, limit) };
}
