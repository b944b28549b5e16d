import type { PassingScore } from '../model/catalog';

/** A score scale as the catalog gives it: 100-1000 (AWS), 1-1000 (Microsoft), 0-100 (percent). */
export type Scale = Pick<PassingScore, 'scaleMin' | 'scaleMax'>;

/** 0-100 is a percent scale: its scores need no conversion. */
export function isPercentScale(scale: Scale): boolean {
  return scale.scaleMin === 0 && scale.scaleMax === 100;
}

/**
 * A score on a scale as a percent: its linear position between the bottom and the top of the
 * scale. 720 on 100-1000 is (720 - 100) / 900 = 68.9 %, not 72 %: the scale starts at 100.
 *
 * This is exact for comparing two scores on the same scale (a practice score of 780/1000
 * against the pass mark 720 compares the same way in percent), and only an approximation for
 * comparing a scaled pass mark with a percent of questions answered correctly: providers equate
 * scaled scores across exam forms and weight questions, so a scaled score is not a linear
 * function of the questions answered, and the percent correct that passes is not published.
 */
export function scaledToPercent(score: number, scale: Scale): number {
  return ((score - scale.scaleMin) / (scale.scaleMax - scale.scaleMin)) * 100;
}
