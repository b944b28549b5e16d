import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { TrackedCertification } from '../../core/model/tracking';
import type { FileAccess } from '../../core/store/ports';
import type { StudyBlock } from '../../core/timer/blockSchedule';
import { localText } from '../../core/timer/manualSession';
import { toOffsetInstant } from '../../core/time/clock';
import { localToday } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import type { ScheduledTimers } from '../../platform/timers';
import type { TimerController } from './timerController';
import { t } from '../../platform/l10n';

export const SNOOZE_MS = 10 * 60_000;

export interface MorningBlockDeps {
  files: FileAccess;
  storageFolder: string;
  timer: TimerController;
  timers: ScheduledTimers;
  catalog: () => Catalog;
  tracked: () => readonly TrackedCertification[];
  autoStop: () => boolean;
  now: () => Date;
}

/**
 * The morning block's one notification: [Start] [Snooze 10 min] [Skip today] [Don't remind me].
 * One window shows it: the first to create the day's claim file wins (files under global storage
 * are shared by every window at once). Returns whether this window showed it (tests read it).
 */
export async function announceMorningBlock(deps: MorningBlockDeps, block: StudyBlock): Promise<boolean> {
  if (deps.timer.current()) return false; // already studying
  const claim = deps.files.join(deps.storageFolder, 'reminders', `morning-block-${localToday(block.start)}.claim`);
  if (!(await deps.files.createExclusive(claim, toOffsetInstant(deps.now())))) return false;
  void ask(deps, block);
  return true;
}

/** The certification being studied: the nearest booked exam, else one in progress, else the first open one. */
export function certificationBeingStudied(tracked: readonly TrackedCertification[]): TrackedCertification | undefined {
  const open = tracked.filter((c) => c.status === 'scheduled' || c.status === 'studying' || c.status === 'planned' || c.status === 'failed');
  const booked = open.filter((c) => c.examDate).sort((a, b) => (a.examDate! < b.examDate! ? -1 : 1));
  return booked[0] ?? open.find((c) => c.status === 'studying') ?? open[0];
}

async function ask(deps: MorningBlockDeps, block: StudyBlock): Promise<void> {
  const cert = certificationBeingStudied(deps.tracked());
  const name = cert ? asPlainText(deps.catalog().get(cert.key)?.shortName ?? cert.key) : undefined;
  const from = localText(toOffsetInstant(block.start)).slice(11);
  const to = localText(toOffsetInstant(block.end)).slice(11);
  const start = t('Start');
  const snooze = t('Snooze 10 min');
  const skip = t('Skip Today');
  const never = t("Don't Remind Me");
  const choice = await vscode.window.showInformationMessage(
    name ? t('Morning study block {0}–{1}: start the timer for {2}?', from, to, name) : t('Morning study block {0}–{1}: start a study timer?', from, to),
    start,
    snooze,
    skip,
    never,
  );
  if (choice === start) {
    if (block.end <= deps.now()) return;
    const args = cert ? { key: cert.key, activity: 'reading' as const, ifRunning: 'keep' as const } : undefined;
    if (!args) {
      await vscode.commands.executeCommand('certStudy.startTimer');
      return;
    }
    await deps.timer.start({ certKey: args.key, domainId: null, activity: args.activity, block: { end: block.end, autoStop: deps.autoStop() } }).catch((err: unknown) => {
      void vscode.window.showErrorMessage(t('Cert Study: {0}', err instanceof Error ? err.message : String(err)));
    });
  } else if (choice === snooze) {
    deps.timers.timeout(() => {
      if (!deps.timer.current() && deps.now() < block.end) void ask(deps, block);
    }, SNOOZE_MS);
  } else if (choice === never) {
    await vscode.workspace.getConfiguration('certStudy').update('morningBlock.enabled', false, vscode.ConfigurationTarget.Global);
    void vscode.window.showInformationMessage(t('Morning block reminders are off. Turn them on again with the setting certStudy.morningBlock.enabled.'));
  }
}
