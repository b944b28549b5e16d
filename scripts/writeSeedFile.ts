// Writes a seed file for src/platform/demoSeed.ts: `node --import tsx scripts/writeSeedFile.ts <out.json> [demo|ten-years]`.
// The data comes from the same seeded generator the unit tests and the bench use.
import { writeFileSync } from 'node:fs';
import { generateDemo, generateTenYears } from '../test/support/studyDataGenerator';

const [out, dataset = 'demo'] = process.argv.slice(2);
if (!out) throw new Error('usage: writeSeedFile.ts <out.json> [demo|ten-years]');
const now = new Date();
const data = dataset === 'ten-years' ? generateTenYears(42, now) : generateDemo(7, now);
writeFileSync(out, JSON.stringify({ ...data, customCertifications: [] }));
console.log(`${dataset} seed: ${data.certifications.length} certifications, ${data.sessions.length} sessions, ${data.practiceExams.length} practice exams`);
