import type { CatalogEntry } from '../model/catalog';
import type { CertStatus, TrackedCertification } from '../model/tracking';
import type { IsoDate } from '../model/primitives';
import { toOffsetInstant } from '../time/clock';
import { hoursToMinutes } from '../time/durations';
import { localToday } from '../time/localDays';
import { computeExpiry } from '../catalog/catalog';

/** A newly chosen certification: planned, with the article's lower study estimate as a first target. */
export function newTrackedCertification(entry: CatalogEntry, now: Date): TrackedCertification {
  const hours = entry.recommendedStudyHours;
  return {
    key: entry.key,
    status: 'planned',
    examDate: null,
    targetMinutes: hours ? hoursToMinutes(hours.min) : null,
    costUsd: null,
    notes: '',
    addedAt: toOffsetInstant(now),
    earnedOn: null,
    expiresOnOverride: null,
    attempts: [],
  };
}

/**
 * Moves a certification to a new status. Becoming `passed` records today as the day earned
 * (a renewal after expiry is a new pass); staying `passed` keeps the date; `expired` keeps the
 * date it expired from; anything else clears it. An entered expiry belongs to one pass, so it
 * goes when the day earned changes.
 */
export function withStatus(cert: TrackedCertification, status: CertStatus, now: Date): TrackedCertification {
  const earnedOn = earnedOnAfter(cert, status, now);
  const expiresOnOverride = earnedOn === cert.earnedOn ? cert.expiresOnOverride : null;
  return { ...cert, status, earnedOn, expiresOnOverride };
}

function earnedOnAfter(cert: TrackedCertification, status: CertStatus, now: Date): IsoDate | null {
  if (status === 'expired') return cert.earnedOn;
  if (status !== 'passed') return null;
  return cert.status === 'passed' && cert.earnedOn ? cert.earnedOn : localToday(now);
}

/** The expiry date: the engineer's own entry, else the catalog's validity rule from the day it was earned. */
export function expiresOn(cert: TrackedCertification, entry: CatalogEntry | undefined): IsoDate | null {
  return cert.expiresOnOverride ?? computeExpiry(entry, cert.earnedOn);
}

export function replaceByKey(list: readonly TrackedCertification[], updated: TrackedCertification): TrackedCertification[] {
  return list.map((c) => (c.key === updated.key ? updated : c));
}

/**
 * The status as of `now`: a pass whose expiry has gone by is expired (the status lifecycle's
 * passed → expired step happens by itself, on the local day after expires-on).
 */
export function effectiveStatus(cert: TrackedCertification, entry: CatalogEntry | undefined, now: Date): TrackedCertification['status'] {
  if (cert.status !== 'passed') return cert.status;
  const expiry = expiresOn(cert, entry);
  return expiry !== null && expiry < localToday(now) ? 'expired' : 'passed';
}
