import type { Profile } from '../model/tracking';
import { slugify } from '../util/slug';
import type { ProfileArg } from './args';

/**
 * The engineer profile the team file carries. Its id is made once, the first time a profile is
 * saved, and kept through every edit: it is what the team lead's merge matches files on.
 */
export function applyProfile(current: Profile | null, change: ProfileArg, newId: () => string): Profile {
  const name = change.name ?? current?.name ?? '';
  if (name.trim() === '') throw new Error('name: a profile needs a name (it is what the team lead sees)');
  return {
    engineerId: current?.engineerId ?? newId(),
    name,
    email: change.email !== undefined ? emptyToNull(change.email) : (current?.email ?? null),
    role: change.role !== undefined ? emptyToNull(change.role) : (current?.role ?? null),
    billingRateUsd: {
      baseline: change.billingRateUsd?.baseline !== undefined ? change.billingRateUsd.baseline : (current?.billingRateUsd.baseline ?? null),
      current: change.billingRateUsd?.current !== undefined ? change.billingRateUsd.current : (current?.billingRateUsd.current ?? null),
    },
  };
}

/** Whether the profile can go into a team file (the format needs a name of 1 to 200 characters). */
export function isExportable(profile: Profile | null): profile is Profile {
  return profile !== null && profile.name.trim() !== '' && [...profile.name].length <= 200;
}

function emptyToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** A file name from the engineer's name: `Alice Chen` → `alice-chen`. */
export function fileSlug(name: string): string {
  return slugify(name, 60) || 'engineer';
}
