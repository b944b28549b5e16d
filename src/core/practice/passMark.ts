import type { CatalogEntry, PassingScore } from '../model/catalog';
import type { Localize } from '../util/localize';
import { formatPercent, roundPercent } from '../catalog/percent';
import { isPercentScale, scaledToPercent } from '../catalog/scale';

/** The pass mark practice scores are compared with, as a percent, and where it came from. */
export interface PassMark {
  /** Rounded to one decimal, like the scores. */
  percent: number;
  /** `catalog`: the exam's published pass mark; `default`: unknown, the setting stands in. */
  source: 'catalog' | 'default';
  /** True where the percent is converted from a scaled score (see scaledToPercent). */
  approximate: boolean;
  /** The catalog's figure on its own scale, when it has one. */
  scaled: PassingScore | null;
}

/**
 * The pass mark as a percent: the catalog's, converted from its scale where that is not 0-100;
 * for an exam whose pass mark is unknown (or disputed, and so unknown in the catalog), the
 * `certStudy.practice.defaultPassPercent` setting.
 */
export function passMarkOf(entry: CatalogEntry | undefined, defaultPassPercent: number): PassMark {
  const p = entry?.passingScore;
  if (!p) return { percent: roundPercent(defaultPassPercent), source: 'default', approximate: false, scaled: null };
  if (isPercentScale(p)) return { percent: roundPercent(p.score), source: 'catalog', approximate: false, scaled: null };
  return { percent: roundPercent(scaledToPercent(p.score, p)), source: 'catalog', approximate: true, scaled: p };
}

/** "pass 70 %", "pass ≈ 68.9 %", "pass 75 % (default)": short, for a tree row. */
export function shortPassMark(pass: PassMark, t: Localize): string {
  if (pass.source === 'default') return t('pass {0} % (default)', formatPercent(pass.percent));
  return pass.approximate ? t('pass ≈ {0} %', formatPercent(pass.percent)) : t('pass {0} %', formatPercent(pass.percent));
}

/** Where the pass mark comes from, in a sentence: said wherever the verdict is explained. */
export function explainPassMark(pass: PassMark, t: Localize): string {
  if (pass.source === 'default') {
    return t('The pass mark of this exam is unknown, so your default of {0} % is used (setting certStudy.practice.defaultPassPercent).', formatPercent(pass.percent));
  }
  if (pass.scaled) {
    return t(
      'Pass mark {0} on a {1}–{2} scale ≈ {3} % (its position on the scale). Scores entered on that scale compare exactly; a percent of questions answered compares only approximately, because scaled scores are not linear in questions answered.',
      pass.scaled.score,
      pass.scaled.scaleMin,
      pass.scaled.scaleMax,
      formatPercent(pass.percent),
    );
  }
  return t('Pass mark {0} %.', formatPercent(pass.percent));
}
