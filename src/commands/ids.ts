/** Every command id, mirrored in package.json (an integration test checks both ways). */
export const COMMAND_IDS = {
  addCertification: 'certStudy.addCertification',
  editCertification: 'certStudy.editCertification',
  removeCertification: 'certStudy.removeCertification',
  setStatus: 'certStudy.setStatus',
  showLog: 'certStudy.showLog',
  recordPracticeExam: 'certStudy.recordPracticeExam',
  editPracticeExam: 'certStudy.editPracticeExam',
  deletePracticeExam: 'certStudy.deletePracticeExam',
  startTimer: 'certStudy.startTimer',
  pauseTimer: 'certStudy.pauseTimer',
  resumeTimer: 'certStudy.resumeTimer',
  stopTimer: 'certStudy.stopTimer',
  discardTimer: 'certStudy.discardTimer',
  timerMenu: 'certStudy.timerMenu',
  logStudyTime: 'certStudy.logStudyTime',
  editSession: 'certStudy.editSession',
  deleteSession: 'certStudy.deleteSession',
  setExamDate: 'certStudy.setExamDate',
  clearExamDate: 'certStudy.clearExamDate',
  recordExamResult: 'certStudy.recordExamResult',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
