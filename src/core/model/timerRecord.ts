import * as z from 'zod';
import { ActivityKindSchema } from './logs';
import { CertKeySchema, OffsetInstantSchema, UuidSchema } from './primitives';

/**
 * The running study timer, kept in `timer.json` under the extension's global storage folder and
 * rewritten (atomically) on every change. A file, not globalState: in the browser workbench
 * globalState lives in IndexedDB and is flushed on a delay, so a tab killed a second after Start
 * would lose it, while the file is on the server at once; and every window of the machine reads
 * the same file, so there is one timer across all windows.
 *
 * Only instants are stored, never tick counts: elapsed time is computed from them, so sleep, a
 * busy extension host or a slow machine cannot change it.
 */
const StretchSchema = z.object({ id: UuidSchema, start: OffsetInstantSchema, end: OffsetInstantSchema }).strict();

export const TIMER_RECORD_VERSION = 1;

export const TimerRecordSchema = z
  .object({
    v: z.literal(TIMER_RECORD_VERSION),
    certKey: CertKeySchema,
    domainId: z.string().max(100).nullable(),
    activity: ActivityKindSchema,
    note: z.string().max(2_000),
    /** When the timer was first started. */
    startedAt: OffsetInstantSchema,
    /** Finished running stretches, oldest first; each becomes one session on Stop. */
    stretches: z.array(StretchSchema),
    /** The stretch running now, with the id its session will get; null while paused. */
    running: z.object({ id: UuidSchema, start: OffsetInstantSchema }).strict().nullable(),
    /** The window that keeps the heartbeat, and its last beat. */
    owner: z.string().min(1).max(100),
    heartbeatAt: OffsetInstantSchema,
    /** The last moment any window was seen active while the timer ran (for the away question). */
    lastActiveAt: OffsetInstantSchema,
    /** Set when started from a morning block: the block's end, and whether to stop there. */
    block: z.object({ end: OffsetInstantSchema, autoStop: z.boolean() }).strict().nullable(),
  })
  .strict();

export type TimerRecord = z.infer<typeof TimerRecordSchema>;
export type Stretch = z.infer<typeof StretchSchema>;
