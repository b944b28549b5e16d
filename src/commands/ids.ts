/** Every command id, mirrored in package.json (an integration test checks both ways). */
export const COMMAND_IDS = {
  addCertification: 'certStudy.addCertification',
  editCertification: 'certStudy.editCertification',
  removeCertification: 'certStudy.removeCertification',
  setStatus: 'certStudy.setStatus',
  showLog: 'certStudy.showLog',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
