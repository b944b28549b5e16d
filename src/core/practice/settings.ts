import { readSettings, type Settings } from '../model/settings';

/** The `certStudy.practice.*` settings, as the practice logic uses them. */
export interface PracticeSettings {
  /** Days between practice exams after the diagnostic. */
  intervalDays: number;
  /** How many latest scores must all clear pass mark + margin. */
  consecutive: number;
  /** Points above the pass mark each of those scores needs. */
  marginPoints: number;
  /** No domain's latest score may be more than this many points below the pass mark. */
  domainFloorPoints: number;
  /** The pass mark (percent) where the catalog does not know it. */
  defaultPassPercent: number;
  /** Whether to show a notification when a practice exam falls due. */
  reminders: boolean;
}

export function practiceSettingsOf(s: Settings): PracticeSettings {
  return {
    intervalDays: s['practice.intervalDays'],
    consecutive: s['practice.readiness.consecutive'],
    marginPoints: s['practice.readiness.marginPoints'],
    domainFloorPoints: s['practice.readiness.domainFloorPoints'],
    defaultPassPercent: s['practice.defaultPassPercent'],
    reminders: s['practice.reminders'],
  };
}

/** The defaults package.json declares. */
export const DEFAULT_PRACTICE_SETTINGS: PracticeSettings = practiceSettingsOf(readSettings(() => undefined));
