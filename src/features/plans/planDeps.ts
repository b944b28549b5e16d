import type * as Ics from '../../core/calendar/ics';
import type { Catalog } from '../../core/catalog/catalog';
import type { BlockSettings } from '../../core/timer/blockSchedule';
import type { PlanService } from '../../core/plans/planService';
import type { RoiService } from '../../core/roi/roiService';
import type { StudyStore } from '../../core/store/studyStore';
import type { Log } from '../../platform/log';

/** What the plan, cost and calendar commands work on (built by src/app/container.ts). */
export interface PlanCommandDeps {
  plans: PlanService;
  roi: RoiService;
  store: StudyStore;
  catalog: () => Catalog;
  now: () => Date;
  log: Log;
  /** The settings these commands read (certStudy.billableHoursPerWeek, the morning block, …). */
  settings: () => {
    billableHoursPerWeek: number;
    block: BlockSettings;
    practiceIntervalDays: number;
    renewalWarnDays: number;
  };
  /**
   * Loads dist/calendar.js (src/core/calendar/ics.ts with ical-generator and the time-zone data,
   * about 70 KB) the first time Export Calendar runs: a bundle of its own, so app.js, and the tree
   * it serves, never pay for it.
   */
  loadCalendar: () => Promise<typeof Ics>;
  /** A new UUID (the calendar export's id, a profile's engineer id). */
  newId: () => string;
  /** The extension's version, for the calendar file's PRODID. */
  version: string;
}
