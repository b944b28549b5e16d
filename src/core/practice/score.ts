import type { EnteredScore } from '../model/logs';
import type { Localize } from '../util/localize';
import { asPlainText } from '../util/plainText';
import { formatPercent, roundPercent } from '../catalog/percent';
import { isPercentScale, scaledToPercent, type Scale } from '../catalog/scale';

export type ParsedScore = { ok: true; entered: EnteredScore; percent: number } | { ok: false; message: string };

/** Questions in one practice test: more is a typo, not a test. */
const MAX_QUESTIONS = 10_000;

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const PERCENT_TEXT = new RegExp(`^${NUMBER}\\s*%?$`);
const FRACTION_TEXT = new RegExp(`^${NUMBER}\\s*/\\s*${NUMBER}$`);

/**
 * Reads a score as entered and converts it to a percent (one decimal):
 *
 * - a bare number, or `76 %`: a percent;
 * - `a/b` where b is the top of the exam's own scale (`780/1000` for AWS, 100-1000): a scaled
 *   score, converted by its position on the scale (see scaledToPercent);
 * - any other `a/b`: a correct answers out of b questions (`38/50` is 76 %).
 *
 * `scale` is the exam's scale from the catalog, or null when unknown (every `a/b` is then a raw
 * score). Never throws: what is wrong is said in `message`.
 */
export function parseScore(input: string | number, scale: Scale | null, t: Localize): ParsedScore {
  if (typeof input === 'number') return percentScore(input, String(input), t);
  const text = input.trim();
  const shown = asPlainText(text.slice(0, 40));
  const percent = PERCENT_TEXT.exec(text);
  if (percent) return percentScore(Number(percent[1]), shown, t);
  const fraction = FRACTION_TEXT.exec(text);
  if (!fraction) {
    return { ok: false, message: t('"{0}" is not a score: write a percent (76), correct/questions (38/50) or a score on the exam\'s scale (780/1000)', shown) };
  }
  const a = Number(fraction[1]);
  const b = Number(fraction[2]);
  if (scale && !isPercentScale(scale) && b === scale.scaleMax) return scaledScore(a, scale, t);
  return rawScore(a, b, t);
}

function percentScore(value: number, shown: string, t: Localize): ParsedScore {
  if (!Number.isFinite(value) || value < 0) return { ok: false, message: t('{0} is not a percent between 0 and 100', shown) };
  if (value > 100) {
    return { ok: false, message: t('{0} is above 100: a bare number is a percent. For a score on the exam\'s scale write it with the scale\'s top, e.g. {0}/1000', shown) };
  }
  return { ok: true, entered: { kind: 'percent', percent: value }, percent: roundPercent(value) };
}

function scaledScore(score: number, scale: Scale, t: Localize): ParsedScore {
  if (score > scale.scaleMax) return { ok: false, message: t('{0} is above the top of its scale ({1}–{2})', score, scale.scaleMin, scale.scaleMax) };
  if (score < scale.scaleMin) return { ok: false, message: t('{0} is below the bottom of its scale ({1}–{2})', score, scale.scaleMin, scale.scaleMax) };
  return {
    ok: true,
    entered: { kind: 'scaled', score, scaleMin: scale.scaleMin, scaleMax: scale.scaleMax },
    percent: roundPercent(scaledToPercent(score, scale)),
  };
}

function rawScore(correct: number, total: number, t: Localize): ParsedScore {
  if (!Number.isInteger(correct) || !Number.isInteger(total)) {
    return { ok: false, message: t('{0}/{1}: correct answers and questions are whole numbers', correct, total) };
  }
  if (total === 0) return { ok: false, message: t('{0}/{1}: a practice test has at least one question', correct, total) };
  if (total > MAX_QUESTIONS) return { ok: false, message: t('{0}/{1}: more than {2} questions', correct, total, MAX_QUESTIONS) };
  if (correct > total) return { ok: false, message: t('{0}/{1}: more correct answers ({0}) than questions ({1})', correct, total) };
  return { ok: true, entered: { kind: 'raw', correct, total }, percent: roundPercent((correct / total) * 100) };
}

/** The score as entered: "76 %", "38/50", "780/1000"; null when only the percent is known. */
export function formatEntered(entered: EnteredScore | null): string | null {
  if (!entered) return null;
  switch (entered.kind) {
    case 'percent':
      return `${formatPercent(entered.percent)} %`;
    case 'raw':
      return `${entered.correct}/${entered.total}`;
    case 'scaled':
      return `${entered.score}/${entered.scaleMax}`;
  }
}

/** The score as it can be typed again (for an edit box): "76", "38/50", "780/1000". */
export function enteredAsInput(entered: EnteredScore | null, percent: number): string {
  if (!entered || entered.kind === 'percent') return formatPercent(entered?.percent ?? percent);
  return formatEntered(entered)!;
}
