import type { CatalogEntry } from '../model/catalog';
import type { Range } from '../model/primitives';
import { approxPassPercent, isCustomKey } from './catalog';
import { escapeMarkdown } from '../util/markdown';
import type { Localize } from '../util/localize';

export function formatRange(range: Range | null, unit = ''): string | null {
  if (!range) return null;
  return range.min === range.max ? `${range.min}${unit}` : `${range.min}–${range.max}${unit}`;
}

/** "Retired since 2026-03-31", "Closed (date unknown)", or null when active. */
export function retirementNotice(entry: CatalogEntry, t: Localize): string | null {
  const l = entry.lifecycle;
  if (l.state === 'retired') return l.since ? t('Retired since {0}', l.since) : t('Retired (date unknown)');
  if (l.state === 'closed') return l.since ? t('Closed since {0}', l.since) : t('Closed (date unknown)');
  return null;
}

export function lifecycleLabel(entry: CatalogEntry, t: Localize): string {
  switch (entry.lifecycle.state) {
    case 'active':
      return t('Active');
    case 'unknown':
      return t('Status unknown');
    default:
      return retirementNotice(entry, t) ?? '';
  }
}

export function passMarkText(entry: CatalogEntry, t: Localize): string {
  const p = entry.passingScore;
  if (!p) return t('unknown');
  if (p.scaleMin === 0 && p.scaleMax === 100) return `${p.score} %`;
  return t('{0} on {1}–{2} (≈ {3} %)', p.score, p.scaleMin, p.scaleMax, approxPassPercent(entry) ?? '?');
}

export function validityText(entry: CatalogEntry, t: Localize): string {
  const v = entry.validity;
  if (v.expires === false) return t('does not expire');
  if (v.months === null) return t('unknown');
  const span = v.months % 12 === 0 ? t('{0} years', v.months / 12) : t('{0} months', v.months);
  return v.renewal ? `${span}; ${v.renewal}` : span;
}

/**
 * The catalog facts as Markdown for a hover. Unknown facts say "unknown"; every string from a
 * user (custom certifications) is escaped.
 */
export function catalogFactsMarkdown(entry: CatalogEntry, successorNames: string[], t: Localize): string {
  const unknown = t('unknown');
  const e = escapeMarkdown;
  const title = entry.examCode ? `**${e(entry.name)}** (${e(entry.examCode)})` : `**${e(entry.name)}**`;
  const lines = [title, '', `${e(entry.provider)} · ${e(lifecycleLabel(entry, t))}`, ''];
  const notice = retirementNotice(entry, t);
  if (notice) {
    const successors = successorNames.length ? ` ${t('Successors: {0}.', successorNames.map(e).join(', '))}` : '';
    lines.push(`$(warning) ${e(notice)}.${successors}`, '');
  }
  if (entry.lifecycle.note) lines.push(`_${e(entry.lifecycle.note)}_`, '');
  const facts: [string, string][] = [
    [t('Format'), entry.format ?? unknown],
    [t('Duration'), entry.durationMinutes === null ? unknown : t('{0} min', entry.durationMinutes)],
    [t('Questions'), formatRange(entry.questionCount) ?? unknown],
    [t('Pass mark'), passMarkText(entry, t)],
    [t('Fee'), entry.feeUsd === null ? unknown : `USD ${entry.feeUsd}`],
    [t('Validity'), validityText(entry, t)],
  ];
  if (entry.prerequisites.required.length) facts.push([t('Required first'), entry.prerequisites.required.join('; ')]);
  if (entry.prerequisites.recommended.length) facts.push([t('Recommended'), entry.prerequisites.recommended.join('; ')]);
  const hours = formatRange(entry.recommendedStudyHours, ' h');
  if (hours) facts.push([t('Typical study time'), hours]);
  for (const [name, value] of facts) lines.push(`- **${e(name)}:** ${e(value)}`);
  if (entry.disputes.length) {
    lines.push('', `**${e(t('Sources disagree'))}:**`);
    for (const d of entry.disputes) lines.push(`- ${e(d)}`);
  }
  if (!isCustomKey(entry.key)) lines.push('', `_${e(t('Facts checked on {0}.', entry.checkedOn))}_`);
  return lines.join('\n');
}
