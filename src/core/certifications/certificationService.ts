import { Catalog, customKeyFor } from '../catalog/catalog';
import { StoreService } from './storeService';
import type { CatalogEntry } from '../model/catalog';
import type { IsoDate } from '../model/primitives';
import type { CertStatus, CustomCertification, TrackedCertification } from '../model/tracking';
import { newTrackedCertification, replaceByKey, withStatus } from './certifications';
import { hoursToMinutes } from '../time/durations';
import { calendarDaysUntil, localToday } from '../time/localDays';
import { applyExamResult, type ExamResultInput } from './examResult';

/** A change to a tracked certification: `undefined` leaves a field alone, `null` clears it. */
export interface CertificationPatch {
  examDate?: IsoDate | null;
  targetHours?: number | null;
  costUsd?: number | null;
  notes?: string;
  expiresOn?: IsoDate | null;
  status?: CertStatus;
}

export interface CustomDefinition {
  name: string;
  provider: string;
  domains: string[];
  passMarkPercent: number | null;
  validityMonths: number | null;
}

export class CertificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificationError';
  }
}

/**
 * What the commands do to the engineer's certifications, with no UI: each change is saved at
 * once, and a change that would not make sense is refused whole, with a message (`t`) saying why.
 */
export class CertificationService extends StoreService {
  get(key: string): TrackedCertification | undefined {
    return this.tracked().find((c) => c.key === key);
  }

  require(key: string): TrackedCertification {
    const cert = this.get(key);
    if (!cert) throw new CertificationError(this.t('{0} is not among your certifications', key));
    return cert;
  }

  // Every change goes through store.update*, which re-reads the list first: another window
  // may have changed it since this one last looked.

  async add(key: string, patch: CertificationPatch = {}): Promise<TrackedCertification> {
    const catalog = this.catalog();
    const entry = catalog.get(key);
    if (!entry) throw new CertificationError(this.t('{0} is not in the catalog', key));
    const cert = this.applyPatch(newTrackedCertification(entry, this.now()), patch, catalog);
    await this.store.updateCertifications((list) => {
      if (list.some((c) => c.key === key)) throw new CertificationError(this.t('{0} is already in your list', entry.shortName));
      return [...list, cert];
    });
    return cert;
  }

  /**
   * Defines a custom certification and starts tracking it. A definition with the same name and
   * provider as an earlier one reuses its key, so hours logged before a removal come back.
   */
  async addCustom(definition: CustomDefinition, patch: CertificationPatch = {}): Promise<TrackedCertification> {
    let key = '';
    await this.store.updateCustomCertifications((existing) => {
      const same = existing.find(
        (c) => c.name.trim().toLowerCase() === definition.name.trim().toLowerCase() && c.provider.trim().toLowerCase() === definition.provider.trim().toLowerCase(),
      );
      if (same) {
        key = same.key;
        return existing;
      }
      const custom = buildCustom(definition, new Set([...existing.map((c) => c.key), ...this.tracked().map((c) => c.key)]));
      key = custom.key;
      return [...existing, custom];
    });
    return this.add(key, patch);
  }

  async update(key: string, patch: CertificationPatch): Promise<TrackedCertification> {
    const catalog = this.catalog();
    let updated: TrackedCertification | undefined;
    await this.store.updateCertifications((list) => {
      const current = list.find((c) => c.key === key);
      if (!current) throw new CertificationError(this.t('{0} is not among your certifications', key));
      updated = this.applyPatch(current, patch, catalog);
      return replaceByKey(list, updated);
    });
    return updated!;
  }

  /** Removes a certification from the list; its logged study time stays in the log. */
  async remove(key: string): Promise<{ removed: TrackedCertification; index: number }> {
    let result: { removed: TrackedCertification; index: number } | undefined;
    await this.store.updateCertifications((list) => {
      const index = list.findIndex((c) => c.key === key);
      if (index === -1) throw new CertificationError(this.t('{0} is not among your certifications', key));
      result = { removed: list[index], index };
      return list.filter((c) => c.key !== key);
    });
    return result!;
  }

  /** Undo for `remove`: puts it back where it was, unless it was added again meanwhile. */
  async restore(removed: TrackedCertification, index: number): Promise<void> {
    await this.store.updateCertifications((list) => {
      if (list.some((c) => c.key === removed.key)) return list;
      const next = [...list];
      next.splice(Math.min(index, next.length), 0, removed);
      return next;
    });
  }

  /**
   * Applies a patch, or throws and nothing changes. Booking a future exam date moves a planned
   * or studying certification to "scheduled", since that is what a booked exam means in the team
   * format; clearing the date of a scheduled one moves it back.
   */
  private applyPatch(cert: TrackedCertification, patch: CertificationPatch, catalog: Catalog): TrackedCertification {
    const now = this.now();
    const entry = catalog.get(cert.key);
    let next: TrackedCertification = { ...cert };
    if (patch.examDate) this.refuseIfNotOffered(entry, patch.examDate, catalog);
    if (patch.examDate !== undefined) next.examDate = patch.examDate;
    if (patch.targetHours !== undefined) next.targetMinutes = patch.targetHours === null ? null : this.targetMinutes(patch.targetHours);
    if (patch.costUsd !== undefined) next.costUsd = patch.costUsd;
    if (patch.notes !== undefined) next.notes = patch.notes;
    if (patch.status !== undefined) {
      next = withStatus(next, patch.status, now);
    } else if (patch.examDate && (next.status === 'planned' || next.status === 'studying' || next.status === 'failed') && calendarDaysUntil(patch.examDate, now) >= 0) {
      // A retake booked after a fail is a booking like any other.
      next = withStatus(next, 'scheduled', now);
    } else if (patch.examDate === null && next.status === 'scheduled') {
      next = withStatus(next, this.hasStudied(cert.key) ? 'studying' : 'planned', now);
    }
    // After the status: a new pass drops the expiry entered for the pass before, and an expiry
    // given together with the pass belongs to this one.
    if (patch.expiresOn) this.refuseExpiry(next, patch.expiresOn, entry?.shortName ?? cert.key);
    if (patch.expiresOn !== undefined) next.expiresOnOverride = patch.expiresOn;
    return next;
  }

  /**
   * A retired or closed exam cannot be taken after its last day (today, when the sources do not
   * give the day). Earlier dates stay allowed: they record history.
   */
  private refuseIfNotOffered(entry: CatalogEntry | undefined, examDate: IsoDate, catalog: Catalog): void {
    if (!entry) return;
    const lifecycle = entry.lifecycle;
    if (lifecycle.state !== 'retired' && lifecycle.state !== 'closed') return;
    if (examDate <= (lifecycle.since ?? localToday(this.now()))) return;
    const t = this.t;
    const stopped = !lifecycle.since
      ? t('{0} is no longer offered (since a date the sources do not give)', entry.shortName)
      : lifecycle.state === 'closed'
        ? t('{0} was closed on {1}', entry.shortName, lifecycle.since)
        : t('{0} was retired on {1}', entry.shortName, lifecycle.since);
    const successors = entry.successorKeys.map((k) => catalog.get(k)?.shortName ?? k);
    const instead = successors.length ? t('Its successors: {0}.', successors.join(', ')) : t('No successor is known.');
    throw new CertificationError(t('{0}, so no exam can be taken on {1}. {2}', stopped, examDate, instead));
  }

  /** An entered expiry belongs to a pass (see withStatus), so it needs one, and cannot end before it began. */
  private refuseExpiry(cert: TrackedCertification, expiresOn: IsoDate, name: string): void {
    if (cert.status !== 'passed' && cert.status !== 'expired') {
      throw new CertificationError(
        this.t('{0} is not passed, and an expiry date belongs to a pass: give expiresOn {1} together with status "passed", or once it is passed.', name, expiresOn),
      );
    }
    if (cert.earnedOn && expiresOn < cert.earnedOn) {
      throw new CertificationError(this.t('The expiry date {0} is before the day {1} was earned ({2}).', expiresOn, name, cert.earnedOn));
    }
  }

  /** Whole minutes; a target that rounds to none would silently read as "no target", so it is refused. */
  private targetMinutes(hours: number): number {
    const minutes = hoursToMinutes(hours);
    if (minutes === 0) {
      throw new CertificationError(this.t('targetHours {0} rounds to 0 minutes: a study target must come to at least one minute (null for no target).', hours));
    }
    return minutes;
  }

  /** Any study session or practice exam logged for it. */
  /** Records a real exam attempt (see applyExamResult); refused whole, with a message, when it does not fit. */
  async recordExamResult(key: string, result: ExamResultInput): Promise<TrackedCertification> {
    const entry = this.catalog().get(key);
    let updated: TrackedCertification | undefined;
    await this.store.updateCertifications((list) => {
      const current = list.find((c) => c.key === key);
      if (!current) throw new CertificationError(this.t('{0} is not among your certifications', key));
      updated = applyExamResult(current, entry, result, this.now(), this.t);
      return replaceByKey(list, updated);
    });
    return updated!;
  }

  /** Time was logged for `key`: a planned certification is now being studied (the status lifecycle). */
  async markStudying(key: string): Promise<void> {
    if (this.get(key)?.status !== 'planned') return;
    await this.store.updateCertifications((list) => list.map((c) => (c.key === key && c.status === 'planned' ? withStatus(c, 'studying', this.now()) : c)));
  }

  private hasStudied(key: string): boolean {
    return this.store.sessions.all().some((s) => s.certKey === key) || this.store.practiceExams.all().some((p) => p.certKey === key);
  }
}

function buildCustom(definition: CustomDefinition, taken: Set<string>): CustomCertification {
  const base = customKeyFor(definition.name);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  const domainIds = new Set<string>();
  const domains = definition.domains.map((name) => {
    const slug = customKeyFor(name).slice('custom:'.length);
    let id = slug;
    for (let n = 2; domainIds.has(id); n++) id = `${slug}-${n}`;
    domainIds.add(id);
    return { id, name, weightPercent: null };
  });
  return {
    key,
    name: definition.name.trim(),
    provider: definition.provider.trim(),
    domains,
    passMarkPercent: definition.passMarkPercent,
    validityMonths: definition.validityMonths,
  };
}

