import { Catalog } from '../catalog/catalog';
import type { CostItem } from '../model/plans';
import type { IsoDate } from '../model/primitives';
import type { Profile } from '../model/tracking';
import type { StudyStore } from '../store/studyStore';
import { localToday } from '../time/localDays';
import { formatPlaceholders, type Localize } from '../util/localize';
import { costTotal, roiFigures, type RoiFigures } from './roi';

export class RoiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoiError';
  }
}

/** A change to the billing rates: `undefined` leaves a value alone, `null` clears it. */
export interface RatesChange {
  baseline?: number | null;
  current?: number | null;
  changedOn?: IsoDate | null;
}

/**
 * Costs and billing rates, with no UI. The rates live in the engineer profile (the team file
 * carries them); the day the rate changed lives beside it in its own small value, and the cost
 * items per certification in theirs. Each change is saved at once.
 */
export class RoiService {
  constructor(
    private readonly store: StudyStore,
    private readonly now: () => Date,
    /** Makes the profile's engineer id when the rates are the first thing saved in it. */
    private readonly newId: () => string,
    private readonly t: Localize = formatPlaceholders,
  ) {}

  catalog(): Catalog {
    return new Catalog(undefined, this.store.state.get('customCertifications'));
  }

  costsOf(key: string): readonly CostItem[] {
    return this.store.state.get('costs')[key] ?? [];
  }

  /**
   * Replaces a certification's cost items, and keeps its cost (the total the team file carries)
   * equal to their sum; no items clear both.
   */
  async setCosts(key: string, items: CostItem[]): Promise<{ key: string; items: CostItem[]; totalUsd: number | null }> {
    if (!this.store.state.get('certifications').some((c) => c.key === key)) {
      throw new RoiError(this.t('{0} is not among your certifications', key));
    }
    const negative = items.find((i) => !(i.amountUsd >= 0));
    if (negative) throw new RoiError(this.t('A cost cannot be negative (got {0}).', negative.amountUsd));
    const totalUsd = items.length ? costTotal(items) : null;
    await this.store.state.update('costs', (costs) => {
      const next = { ...costs };
      if (items.length) next[key] = items;
      else delete next[key];
      return next;
    });
    await this.store.updateCertifications((list) => list.map((c) => (c.key === key ? { ...c, costUsd: totalUsd } : c)));
    return { key, items, totalUsd };
  }

  /**
   * Sets the billing rates (in the profile, keeping every other field of it) and the day the
   * rate changed. A profile is started when there is none: its name is asked by Export for Team.
   */
  async setRates(change: RatesChange): Promise<{ baseline: number | null; current: number | null; changedOn: IsoDate | null }> {
    for (const [field, value] of [['baseline', change.baseline], ['current', change.current]] as const) {
      if (value !== undefined && value !== null && !(Number.isFinite(value) && value >= 0)) {
        throw new RoiError(this.t('{0}: a billing rate is a number of USD an hour, 0 or more (got {1}).', field, String(value)));
      }
    }
    if (change.changedOn && change.changedOn > localToday(this.now())) {
      throw new RoiError(this.t('changedOn: {0} is in the future; give the day the current rate took effect.', change.changedOn));
    }
    if (change.baseline !== undefined || change.current !== undefined) {
      await this.store.state.update('profile', (current) => withRates(current, change, this.newId));
    }
    if (change.changedOn !== undefined) {
      await this.store.state.update('roi', (roi) => ({ ...roi, rateChangedOn: change.changedOn ?? null }));
    }
    const profile = this.store.state.get('profile');
    return {
      baseline: profile?.billingRateUsd.baseline ?? null,
      current: profile?.billingRateUsd.current ?? null,
      changedOn: this.store.state.get('roi').rateChangedOn,
    };
  }

  figures(billableHoursPerWeek: number): RoiFigures {
    const profile = this.store.state.get('profile');
    return roiFigures({
      certifications: this.store.state.get('certifications'),
      costs: this.store.state.get('costs'),
      catalog: this.catalog(),
      rates: profile?.billingRateUsd ?? null,
      rateChangedOn: this.store.state.get('roi').rateChangedOn,
      billableHoursPerWeek,
      now: this.now(),
    });
  }
}

/** The profile with new rates; every other field as it was (the spread keeps fields added later too). */
function withRates(current: Profile | null, change: RatesChange, newId: () => string): Profile {
  const base: Profile = current ?? { engineerId: newId(), name: '', email: null, role: null, billingRateUsd: { baseline: null, current: null } };
  return {
    ...base,
    billingRateUsd: {
      ...base.billingRateUsd,
      baseline: change.baseline !== undefined ? change.baseline : base.billingRateUsd.baseline,
      current: change.current !== undefined ? change.current : base.billingRateUsd.current,
    },
  };
}
