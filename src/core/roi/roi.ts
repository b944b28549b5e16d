import type { Catalog } from '../catalog/catalog';
import type { CostItem } from '../model/plans';
import type { IsoDate } from '../model/primitives';
import type { TrackedCertification } from '../model/tracking';
import { calendarDaysUntil } from '../time/localDays';
import type { Localize } from '../util/localize';

/**
 * The return on the certifications, after the source article's measure: money invested (the
 * costs of each certification: exam fee, retakes, vouchers, courses), the billing-rate change
 * (current − baseline), and the extra revenue that change brought in: rate change × billable
 * hours a week × whole weeks since the rate changed. Pure; `now` is passed in.
 */
export interface CertificationCosts {
  key: string;
  name: string;
  /** Its cost items; empty when only a total was entered (Edit Certification's cost) or nothing. */
  items: readonly CostItem[];
  /** The items' sum, else the total entered; null when neither. */
  totalUsd: number | null;
  from: 'items' | 'total' | 'none';
}

export type RoiMissing = 'baselineRate' | 'currentRate' | 'rateChangedOn';

export interface RoiFigures {
  /** The sum over the tracked certifications that have costs. */
  investedUsd: number;
  certifications: CertificationCosts[];
  /** Tracked certifications with no cost entered: the invested sum leaves them out. */
  withoutCosts: string[];
  baselineRateUsd: number | null;
  currentRateUsd: number | null;
  /** Current − baseline, USD an hour; null when either rate is missing. */
  rateChangeUsd: number | null;
  rateChangedOn: IsoDate | null;
  /** Whole weeks from the day the rate changed to today (0 before that day); null without the day. */
  weeksSinceChange: number | null;
  billableHoursPerWeek: number;
  /** rateChange × billable hours a week × weeks since the change; null when an input is missing. */
  extraRevenueUsd: number | null;
  /** Extra revenue ÷ money invested; null when either is missing or nothing was invested. */
  returnMultiple: number | null;
  /** What the figures still need. */
  missing: RoiMissing[];
}

/** Cents are kept; float noise (0.1 + 0.2) is not. */
export function roundUsd(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function costTotal(items: readonly CostItem[]): number {
  return roundUsd(items.reduce((sum, i) => sum + i.amountUsd, 0));
}

export function certificationCosts(cert: TrackedCertification, items: readonly CostItem[] | undefined, catalog: Catalog): CertificationCosts {
  const name = catalog.get(cert.key)?.shortName ?? cert.key;
  if (items && items.length) return { key: cert.key, name, items, totalUsd: costTotal(items), from: 'items' };
  if (cert.costUsd !== null) return { key: cert.key, name, items: [], totalUsd: cert.costUsd, from: 'total' };
  return { key: cert.key, name, items: [], totalUsd: null, from: 'none' };
}

export function roiFigures(input: {
  certifications: readonly TrackedCertification[];
  costs: Readonly<Record<string, readonly CostItem[]>>;
  catalog: Catalog;
  rates: { baseline: number | null; current: number | null } | null;
  rateChangedOn: IsoDate | null;
  billableHoursPerWeek: number;
  now: Date;
}): RoiFigures {
  const certifications = input.certifications.map((c) => certificationCosts(c, input.costs[c.key], input.catalog));
  const investedUsd = roundUsd(certifications.reduce((sum, c) => sum + (c.totalUsd ?? 0), 0));
  const baseline = input.rates?.baseline ?? null;
  const current = input.rates?.current ?? null;
  const rateChangeUsd = baseline !== null && current !== null ? roundUsd(current - baseline) : null;
  const weeksSinceChange = input.rateChangedOn === null ? null : Math.max(0, Math.floor(-calendarDaysUntil(input.rateChangedOn, input.now) / 7));
  const extraRevenueUsd = rateChangeUsd !== null && weeksSinceChange !== null ? roundUsd(rateChangeUsd * input.billableHoursPerWeek * weeksSinceChange) : null;
  const missing: RoiMissing[] = [];
  if (baseline === null) missing.push('baselineRate');
  if (current === null) missing.push('currentRate');
  if (input.rateChangedOn === null) missing.push('rateChangedOn');
  return {
    investedUsd,
    certifications,
    withoutCosts: certifications.filter((c) => c.from === 'none').map((c) => c.key),
    baselineRateUsd: baseline,
    currentRateUsd: current,
    rateChangeUsd,
    rateChangedOn: input.rateChangedOn,
    weeksSinceChange,
    billableHoursPerWeek: input.billableHoursPerWeek,
    extraRevenueUsd,
    returnMultiple: extraRevenueUsd !== null && investedUsd > 0 ? extraRevenueUsd / investedUsd : null,
    missing,
  };
}

/** 18000 → "18,000 USD"; 12.5 → "12.50 USD". Grouping by hand: the same text on every machine. */
export function formatUsd(amount: number): string {
  const negative = amount < 0;
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = cents % 100;
  return `${negative ? '−' : ''}${whole}${rest ? `.${String(rest).padStart(2, '0')}` : ''} USD`;
}

/** The figures as lines of text (the Show ROI message, the log). */
export function roiSummaryLines(f: RoiFigures, t: Localize): string[] {
  const lines: string[] = [];
  const counted = f.certifications.length - f.withoutCosts.length;
  lines.push(t('Money invested: {0} over {1} certifications', formatUsd(f.investedUsd), counted));
  if (f.withoutCosts.length) {
    const names = f.certifications.filter((c) => c.from === 'none').map((c) => c.name);
    lines.push(t('No costs entered for {0}', names.join(', ')));
  }
  if (f.rateChangeUsd !== null) {
    const sign = f.rateChangeUsd >= 0 ? '+' : '−';
    lines.push(t('Rate change: {0}{1} USD/h ({2} → {3} USD/h)', sign, Math.abs(f.rateChangeUsd), f.baselineRateUsd ?? '?', f.currentRateUsd ?? '?'));
  }
  if (f.extraRevenueUsd !== null && f.weeksSinceChange !== null) {
    lines.push(
      t(
        'Estimated extra revenue: {0} ({1} USD/h × {2} h a week × {3} weeks since {4})',
        formatUsd(f.extraRevenueUsd),
        f.rateChangeUsd ?? 0,
        f.billableHoursPerWeek,
        f.weeksSinceChange,
        f.rateChangedOn ?? '?',
      ),
    );
  }
  if (f.returnMultiple !== null) lines.push(t('Return: {0} × the money invested', f.returnMultiple.toFixed(1)));
  if (f.missing.length) {
    const what: Record<RoiMissing, string> = {
      baselineRate: t('your baseline billing rate'),
      currentRate: t('your current billing rate'),
      rateChangedOn: t('the day the rate changed'),
    };
    lines.push(t('For the extra revenue, set {0} (Set Billing Rates).', f.missing.map((m) => what[m]).join(', ')));
  }
  return lines;
}
