import { Catalog } from '../catalog/catalog';
import type { TrackedCertification } from '../model/tracking';
import type { StudyStore } from '../store/studyStore';
import { formatPlaceholders, type Localize } from '../util/localize';

/**
 * What every service over the store shares: the store, the clock, the translator for its
 * messages, and the catalog as the engineer sees it (the built-in entries and their custom ones).
 */
export abstract class StoreService {
  constructor(
    protected readonly store: StudyStore,
    protected readonly now: () => Date,
    protected readonly t: Localize = formatPlaceholders,
  ) {}

  catalog(): Catalog {
    return new Catalog(undefined, this.store.state.get('customCertifications'));
  }

  tracked(): readonly TrackedCertification[] {
    return this.store.state.get('certifications');
  }
}
