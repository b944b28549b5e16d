import { newId as randomUUID } from '../../core/util/ids';
import { adjustForClockSetBack, HEARTBEAT_MS, isStale, markActive, withHeartbeat } from '../../core/timer/timerMachine';
import type { TimerRecord } from '../../core/model/timerRecord';

/** The timer file as the lease sees it: read fresh before every decision, written whole. */
export interface TimerFileAccess {
  read(): Promise<TimerRecord | null>;
  write(timer: TimerRecord): Promise<void>;
}

/**
 * This window's lease on the one study timer across windows (timer.json). The window that owns
 * the timer signs it with a heartbeat every 30 s (HEARTBEAT_MS); the others follow it, and take it
 * over once the owner's heartbeat is stale. The owner alone corrects for a clock set back, since
 * it is the one that saw the time pass (wall clock against the monotonic clock between beats).
 * A write goes through only over the record it was decided on, so a pause or stop that another
 * window made in between is never written back over.
 */
export class TimerLease {
  /** This window, as timer.json names its owner. */
  readonly windowId = randomUUID();
  private lastBeat = { wall: 0, monotonic: 0 };

  constructor(
    private readonly file: TimerFileAccess,
    private readonly now: () => Date,
  ) {}

  owns(timer: TimerRecord): boolean {
    return timer.owner === this.windowId;
  }

  /** Another window held `timer` and stopped beating: it is this window's to recover. */
  orphaned(timer: TimerRecord): boolean {
    return isStale(timer, this.now()) && !this.owns(timer);
  }

  /** `timer` signed by this window now (`active`: the engineer is here). */
  sign(timer: TimerRecord, active: boolean): TimerRecord {
    return withHeartbeat(timer, this.now(), this.windowId, active);
  }

  /** Starts measuring clock changes afresh (this window adopted a timer). */
  restartClockWatch(now = this.now()): void {
    this.lastBeat = { wall: now.getTime(), monotonic: performance.now() };
  }

  /** The owner's view of a clock set back since its last beat (see adjustForClockSetBack). */
  clockCorrected(timer: TimerRecord): TimerRecord {
    if (!this.owns(timer)) return timer;
    const { wall, monotonic } = this.sinceLastBeat(this.now());
    return adjustForClockSetBack(timer, wall, monotonic);
  }

  /**
   * One beat for `timer` as just read: the record to write (this window keeps or takes over the
   * lease, or marks the engineer active in a timer another window holds), or null when there is
   * nothing to write. `active`: this window is active and no question is open.
   */
  beat(timer: TimerRecord, active: boolean): TimerRecord | null {
    const now = this.now();
    const { wall, monotonic } = this.sinceLastBeat(now);
    const owned = this.owns(timer);
    if (owned || isStale(timer, now)) {
      return withHeartbeat(owned ? adjustForClockSetBack(timer, wall, monotonic) : timer, now, this.windowId, active);
    }
    if (active && now.getTime() - Date.parse(timer.lastActiveAt) > HEARTBEAT_MS) return markActive(timer, now);
    return null;
  }

  /**
   * Writes `next` only if the file still holds the timer `seen` was read as (same start, same
   * stretches, same owner). Returns what the file holds afterwards (null: stopped elsewhere).
   */
  async writeUnlessChanged(seen: TimerRecord, next: TimerRecord): Promise<TimerRecord | null> {
    const onDisk = await this.file.read();
    const same =
      onDisk !== null &&
      onDisk.startedAt === seen.startedAt &&
      onDisk.owner === seen.owner &&
      onDisk.running?.id === seen.running?.id &&
      onDisk.stretches.length === seen.stretches.length;
    if (!same) return onDisk;
    await this.file.write(next);
    return next;
  }

  private sinceLastBeat(now: Date): { wall: number; monotonic: number } {
    const wall = now.getTime() - this.lastBeat.wall;
    const monotonic = performance.now() - this.lastBeat.monotonic;
    this.restartClockWatch(now);
    return { wall, monotonic };
  }
}
