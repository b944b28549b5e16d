import { Catalog, customKeyFor } from './catalog/catalog';
import type { IsoDate } from './model/primitives';
import type { CertStatus, CustomCertification, TrackedCertification } from './model/tracking';
import { newTrackedCertification, replaceByKey, withStatus } from './certifications';
import type { StudyStore } from './store/studyStore';
import { calendarDaysUntil } from './time/clock';

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

/** What the commands do to the engineer's certifications, with no UI: each change is saved at once. */
export class CertificationService {
  constructor(
    private readonly store: StudyStore,
    private readonly now: () => Date,
  ) {}

  catalog(): Catalog {
    return new Catalog(undefined, this.store.state.get('customCertifications'));
  }

  tracked(): readonly TrackedCertification[] {
    return this.store.state.get('certifications');
  }

  get(key: string): TrackedCertification | undefined {
    return this.tracked().find((c) => c.key === key);
  }

  require(key: string): TrackedCertification {
    const cert = this.get(key);
    if (!cert) throw new CertificationError(`${key} is not among your certifications`);
    return cert;
  }

  // Every change goes through store.update*, which re-reads the list first: another window
  // may have changed it since this one last looked.

  async add(key: string, patch: CertificationPatch = {}): Promise<TrackedCertification> {
    const entry = this.catalog().get(key);
    if (!entry) throw new CertificationError(`${key} is not in the catalog`);
    const cert = applyPatch(newTrackedCertification(entry, this.now()), patch, this.now());
    await this.store.updateCertifications((list) => {
      if (list.some((c) => c.key === key)) throw new CertificationError(`${entry.shortName} is already in your list`);
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
    let updated: TrackedCertification | undefined;
    await this.store.updateCertifications((list) => {
      const current = list.find((c) => c.key === key);
      if (!current) throw new CertificationError(`${key} is not among your certifications`);
      updated = applyPatch(current, patch, this.now());
      return replaceByKey(list, updated);
    });
    return updated!;
  }

  /** Removes a certification from the list; its logged study time stays in the log. */
  async remove(key: string): Promise<{ removed: TrackedCertification; index: number }> {
    let result: { removed: TrackedCertification; index: number } | undefined;
    await this.store.updateCertifications((list) => {
      const index = list.findIndex((c) => c.key === key);
      if (index === -1) throw new CertificationError(`${key} is not among your certifications`);
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
}

/**
 * Applies a patch. Booking a future exam date moves a planned or studying certification to
 * "scheduled", since that is what a booked exam means in the team format.
 */
export function applyPatch(cert: TrackedCertification, patch: CertificationPatch, now: Date): TrackedCertification {
  let next: TrackedCertification = { ...cert };
  if (patch.examDate !== undefined) next.examDate = patch.examDate;
  if (patch.targetHours !== undefined) next.targetMinutes = patch.targetHours === null ? null : Math.round(patch.targetHours * 60);
  if (patch.costUsd !== undefined) next.costUsd = patch.costUsd;
  if (patch.notes !== undefined) next.notes = patch.notes;
  if (patch.expiresOn !== undefined) next.expiresOnOverride = patch.expiresOn;
  if (patch.status !== undefined) {
    next = withStatus(next, patch.status, now);
  } else if (
    patch.examDate &&
    (next.status === 'planned' || next.status === 'studying') &&
    calendarDaysUntil(patch.examDate, now) >= 0
  ) {
    next = withStatus(next, 'scheduled', now);
  }
  return next;
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

