import * as z from 'zod';
import { PracticeExamSchema, StudySessionSchema } from '../core/model/logs';
import { CustomCertificationSchema, TrackedCertificationSchema } from '../core/model/tracking';
import type { FileAccess, KeyValueStorage } from '../core/store/ports';
import type { StudyStore } from '../core/store/studyStore';
import type { Log } from './log';
import { DEMO_SEED_DONE_KEY } from '../core/store/shellKeys';

/** The file `npm start -- --demo` writes: the same records the store keeps, validated the same way. */
const DemoSeedSchema = z
  .object({
    certifications: z.array(TrackedCertificationSchema),
    customCertifications: z.array(CustomCertificationSchema).default([]),
    sessions: z.array(StudySessionSchema),
    practiceExams: z.array(PracticeExamSchema),
  })
  .strict();

/**
 * Fills an EMPTY store from a seed file: the one named by CERT_STUDY_DEMO_SEED in the Node host
 * (only `npm start -- --demo` and the UI tests set it, for a throwaway profile), or by the hidden
 * setting `certStudy.testing.demoSeedPath` in the web worker host, which has no environment.
 * Existing data is never touched. Either way the file is marked as taken in (core/store/shellKeys.ts),
 * so later windows do not load the app at start for it.
 */
export async function seedDemoData(store: StudyStore, log: Log, files: FileAccess, file: string | undefined, globalState: KeyValueStorage): Promise<boolean> {
  if (!file) return false;
  const current = store.snapshot();
  if (current.certifications.length || current.sessions.length || current.practiceExams.length) {
    log.info('demo seed skipped: this profile already has data');
    await globalState.update(DEMO_SEED_DONE_KEY, file);
    return false;
  }
  const seed = DemoSeedSchema.parse(JSON.parse((await files.readText(file)) ?? 'null'));
  await store.setCustomCertifications(seed.customCertifications);
  await store.sessions.replaceAll(seed.sessions);
  await store.practiceExams.replaceAll(seed.practiceExams);
  await store.setCertifications(seed.certifications);
  await globalState.update(DEMO_SEED_DONE_KEY, file);
  log.info(`demo data seeded from ${file}: ${seed.certifications.length} certifications, ${seed.sessions.length} sessions`);
  return true;
}
