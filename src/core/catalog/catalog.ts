import type { CatalogEntry } from '../model/catalog';
import { slugify } from '../util/slug';
import type { CustomCertification } from '../model/tracking';
import type { IsoDate } from '../model/primitives';
import { addMonthsToDate } from '../time/localDays';
import { roundPercent } from './percent';
import { scaledToPercent } from './scale';
import { CATALOG_ENTRIES } from './entries';

/** Order in which providers appear in the picker; custom providers follow alphabetically. */
export const PROVIDER_ORDER = ['AWS', 'Google Cloud', 'Microsoft', 'Databricks', 'NVIDIA', 'SAS', 'Cloudera', 'Google (TensorFlow)'];

/**
 * Built-in entries and the engineer's custom certifications behind one lookup. A custom
 * certification is presented as a catalog entry whose unknown facts are null, so every view
 * handles both the same way.
 */
export class Catalog {
  private readonly byKey: ReadonlyMap<string, CatalogEntry>;

  constructor(
    readonly builtIn: readonly CatalogEntry[] = CATALOG_ENTRIES,
    custom: readonly CustomCertification[] = [],
  ) {
    const map = new Map<string, CatalogEntry>();
    for (const entry of builtIn) map.set(entry.key, entry);
    for (const c of custom) map.set(c.key, customToEntry(c));
    this.byKey = map;
  }

  get(key: string): CatalogEntry | undefined {
    return this.byKey.get(key);
  }

  all(): CatalogEntry[] {
    return [...this.byKey.values()];
  }

  /** Groups for the add picker: providers in a fixed order, active exams first, retired last. */
  pickerGroups(options: { includeRetired: boolean }): { provider: string; entries: CatalogEntry[] }[] {
    const groups = new Map<string, CatalogEntry[]>();
    for (const entry of this.builtIn) {
      if (!options.includeRetired && isRetired(entry)) continue;
      const list = groups.get(entry.provider) ?? [];
      list.push(entry);
      groups.set(entry.provider, list);
    }
    const rank = (p: string) => {
      const i = PROVIDER_ORDER.indexOf(p);
      return i === -1 ? PROVIDER_ORDER.length : i;
    };
    return [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([provider, entries]) => ({
        provider,
        entries: [...entries].sort((a, b) => Number(isRetired(a)) - Number(isRetired(b)) || a.name.localeCompare(b.name)),
      }));
  }
}

export function isRetired(entry: CatalogEntry): boolean {
  return entry.lifecycle.state === 'retired' || entry.lifecycle.state === 'closed';
}

export function isCustomKey(key: string): boolean {
  return key.startsWith('custom:');
}

/**
 * The pass mark as a percentage, one decimal: a scaled score by its position on its scale (750
 * on 100-1000 is 72.2 %, not 75 %), which is an approximation of the percent of questions
 * needed (see catalog/scale.ts). Null when the catalog does not know the pass mark.
 */
export function approxPassPercent(entry: CatalogEntry): number | null {
  const p = entry.passingScore;
  if (!p) return null;
  return roundPercent(scaledToPercent(p.score, p));
}

/** When a pass earned on `earnedOn` expires: null when it never expires or the rule is unknown. */
export function computeExpiry(entry: CatalogEntry | undefined, earnedOn: IsoDate | null): IsoDate | null {
  if (!entry || !earnedOn) return null;
  const { expires, months } = entry.validity;
  if (expires === false || months === null) return null;
  return addMonthsToDate(earnedOn, months);
}

/** Turns "My Cert (Acme)" into `custom:my-cert-acme`. */
export function customKeyFor(name: string): string {
  // A cut at 60 may end on a hyphen, which a key may not.
  const slug = slugify(name, 60).replace(/-+$/g, '');
  return `custom:${slug || 'certification'}`;
}

export function customToEntry(c: CustomCertification): CatalogEntry {
  return {
    key: c.key,
    name: c.name,
    shortName: c.name.length > 40 ? `${c.name.slice(0, 39)}…` : c.name,
    provider: c.provider,
    examCode: null,
    lifecycle: { state: 'active', note: null },
    successorKeys: [],
    durationMinutes: null,
    questionCount: null,
    format: null,
    passingScore: c.passMarkPercent === null ? null : { score: c.passMarkPercent, scaleMin: 0, scaleMax: 100 },
    feeUsd: null,
    validity: { expires: c.validityMonths === null ? null : true, months: c.validityMonths, renewal: null },
    prerequisites: { required: [], recommended: [] },
    domains: c.domains,
    recommendedStudyHours: null,
    disputes: [],
    sources: [{ id: 'custom', url: 'defined by you', kind: 'third-party', dated: null }],
    checkedOn: '1970-01-01',
  };
}
