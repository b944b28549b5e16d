/**
 * Every command in one table: its id (mirrored in package.json's `contributes.commands`; a unit
 * test checks both ways) and the bundle whose handler runs it. The key is the handler's name:
 * `app` handlers are in the container's table (src/app/container.ts), `team` handlers in
 * `TEAM_COMMAND_HANDLERS` of dist/team.js (src/features/team/teamCommands.ts), both typed against
 * this table, so a command without a handler, or a handler without a command, does not compile.
 * The startup shell registers every id in one loop (src/shell/activateShell.ts), so this file
 * imports nothing: it is on the startup path.
 */
export const COMMANDS = {
  addCertification: { id: 'certStudy.addCertification', bundle: 'app' },
  editCertification: { id: 'certStudy.editCertification', bundle: 'app' },
  removeCertification: { id: 'certStudy.removeCertification', bundle: 'app' },
  setStatus: { id: 'certStudy.setStatus', bundle: 'app' },
  showLog: { id: 'certStudy.showLog', bundle: 'app' },
  recordPracticeExam: { id: 'certStudy.recordPracticeExam', bundle: 'app' },
  editPracticeExam: { id: 'certStudy.editPracticeExam', bundle: 'app' },
  deletePracticeExam: { id: 'certStudy.deletePracticeExam', bundle: 'app' },
  startTimer: { id: 'certStudy.startTimer', bundle: 'app' },
  pauseTimer: { id: 'certStudy.pauseTimer', bundle: 'app' },
  resumeTimer: { id: 'certStudy.resumeTimer', bundle: 'app' },
  stopTimer: { id: 'certStudy.stopTimer', bundle: 'app' },
  discardTimer: { id: 'certStudy.discardTimer', bundle: 'app' },
  timerMenu: { id: 'certStudy.timerMenu', bundle: 'app' },
  logStudyTime: { id: 'certStudy.logStudyTime', bundle: 'app' },
  editSession: { id: 'certStudy.editSession', bundle: 'app' },
  deleteSession: { id: 'certStudy.deleteSession', bundle: 'app' },
  openDashboard: { id: 'certStudy.openDashboard', bundle: 'app' },
  setExamDate: { id: 'certStudy.setExamDate', bundle: 'app' },
  clearExamDate: { id: 'certStudy.clearExamDate', bundle: 'app' },
  recordExamResult: { id: 'certStudy.recordExamResult', bundle: 'app' },
  exportTeamFile: { id: 'certStudy.exportTeamFile', bundle: 'team' },
  editProfile: { id: 'certStudy.editProfile', bundle: 'team' },
  exportBackup: { id: 'certStudy.exportBackup', bundle: 'team' },
  importBackup: { id: 'certStudy.importBackup', bundle: 'team' },
  openTeamReport: { id: 'certStudy.openTeamReport', bundle: 'team' },
  applyStack: { id: 'certStudy.applyStack', bundle: 'app' },
  editPlan: { id: 'certStudy.editPlan', bundle: 'app' },
  removePlan: { id: 'certStudy.removePlan', bundle: 'app' },
  editCosts: { id: 'certStudy.editCosts', bundle: 'app' },
  setBillingRates: { id: 'certStudy.setBillingRates', bundle: 'app' },
  showRoi: { id: 'certStudy.showRoi', bundle: 'app' },
  exportCalendar: { id: 'certStudy.exportCalendar', bundle: 'app' },
} as const satisfies Record<string, { id: `certStudy.${string}`; bundle: CommandBundle }>;

/** The bundle a command's handler is in: dist/app.js, or dist/team.js (loaded on first use). */
export type CommandBundle = 'app' | 'team';
export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName]['id'];
/** The names of the commands whose handlers are in bundle `B`. */
export type CommandsIn<B extends CommandBundle> = { [K in CommandName]: (typeof COMMANDS)[K]['bundle'] extends B ? K : never }[CommandName];

