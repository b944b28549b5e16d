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

  async add(key: string, patch: CertificationPatch = {}): Promise<TrackedCertification> {
    const entry = this.catalog().get(key);
    if (!entry) throw new CertificationError(`${key} is not in the catalog`);
    if (this.get(key)) throw new CertificationError(`${entry.shortName} is already in your list`);
    const cert = applyPatch(newTrackedCertification(entry, this.now()), patch, this.now());
    await this.store.setCertifications([...this.tracked(), cert]);
    return cert;
  }

  /** Defines a custom certification (its key made unique) and starts tracking it. */
  async addCustom(definition: CustomDefinition, patch: CertificationPatch = {}): Promise<TrackedCertification> {
    const existing = this.store.state.get('customCertifications');
    const custom = buildCustom(definition, new Set([...existing.map((c) => c.key), ...this.tracked().map((c) => c.key)]));
    await this.store.setCustomCertifications([...existing, custom]);
    return this.add(custom.key, patch);
  }

  async update(key: string, patch: CertificationPatch): Promise<TrackedCertification> {
    const updated = applyPatch(this.require(key), patch, this.now());
    await this.store.setCertifications(replaceByKey(this.tracked(), updated));
    return updated;
  }

  /** Removes a certification from the list; its logged study time stays in the log. */
  async remove(key: string): Promise<{ removed: TrackedCertification; index: number }> {
    const list = this.tracked();
    const index = list.findIndex((c) => c.key === key);
    if (index === -1) throw new CertificationError(`${key} is not among your certifications`);
    await this.store.setCertifications(list.filter((c) => c.key !== key));
    return { removed: list[index], index };
  }

  /** Undo for `remove`: puts it back where it was, unless it was added again meanwhile. */
  async restore(removed: TrackedCertification, index: number): Promise<void> {
    const list = [...this.tracked()];
    if (list.some((c) => c.key === removed.key)) return;
    list.splice(Math.min(index, list.length), 0, removed);
    await this.store.setCertifications(list);
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

