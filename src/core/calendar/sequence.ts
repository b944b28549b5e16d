import { MAX_EXPORTED_EVENTS, type ExportedEvent } from '../model/plans';
import { hash128 } from '../util/hash';
import type { CalendarEvent } from './events';

/**
 * Each event's SEQUENCE (RFC 5545 3.8.7.4): a calendar that already has an event with this UID
 * takes an import as an update only when its SEQUENCE is higher (Outlook compares it). It rises
 * with every export that changed the event, and only then: the export remembers, per UID, the
 * hash of the event as last written and the number it carried (globalState `calendarExport`).
 * A clock plays no part, so two exports a second apart still differ when the exam moved between
 * them. Pure.
 */

/** The hash of what an event says: everything the file writes of it but DTSTAMP and SEQUENCE. */
export function eventHash(event: CalendarEvent): string {
  // Keys in a fixed order, so the same content always hashes the same.
  const fields = Object.keys(event).sort();
  return hash128(JSON.stringify(event, fields));
}

/**
 * What version 1 wrote as every event's SEQUENCE: minutes since 2026-01-01 UTC at the export.
 * An export after the migration starts events it has no record of above it, so calendars that
 * hold a version-1 import still take the next file as an update.
 */
export function legacySequence(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.UTC(2026, 0, 1)) / 60_000));
}

export interface SequencedExport {
  /** The SEQUENCE of each event written now, by UID. */
  sequences: Record<string, number>;
  /** What to remember for the next export. */
  events: Record<string, ExportedEvent>;
  /** The base to remember (resolved from null after the migration from version 1). */
  sequenceBase: number;
}

/**
 * The SEQUENCE of every event of this export: the last one's number when its content is the
 * same, one more when it changed, `sequenceBase` for an event never exported before.
 */
export function sequenceEvents(
  events: readonly CalendarEvent[],
  previous: { events: Readonly<Record<string, ExportedEvent>>; sequenceBase: number | null } | null,
  now: Date,
): SequencedExport {
  const sequenceBase = previous ? (previous.sequenceBase ?? legacySequence(now)) : 0;
  const known = previous?.events ?? {};
  const sequences: Record<string, number> = {};
  const next: Record<string, ExportedEvent> = {};
  for (const event of events) {
    const hash = eventHash(event);
    const last = Object.hasOwn(known, event.uid) ? known[event.uid] : undefined;
    const sequence = !last ? sequenceBase : last.hash === hash ? last.sequence : last.sequence + 1;
    sequences[event.uid] = sequence;
    next[event.uid] = { hash, sequence };
  }
  // Events not in this export are remembered too (the last export's first), up to the limit.
  let count = Object.keys(next).length;
  for (const [uid, record] of Object.entries(known)) {
    if (count >= MAX_EXPORTED_EVENTS) break;
    if (Object.hasOwn(next, uid)) continue;
    next[uid] = record;
    count++;
  }
  return { sequences, events: next, sequenceBase };
}
