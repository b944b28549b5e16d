// Writes the ten-year benchmark's sessions as one JSON array to the file named on the command
// line, for benchmarks that must start from plain data in a fresh process.
import { writeFileSync } from 'node:fs';
import { generateTenYears } from '../../test/support/studyDataGenerator';

writeFileSync(process.argv[2], JSON.stringify(generateTenYears(42, new Date('2026-11-26T15:00:00Z')).sessions));
