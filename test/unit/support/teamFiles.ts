import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { addDays } from '../../../src/core/time/localDays';
import { TEAM_STATUSES, type TeamCertification, type TeamFile } from '../../../src/core/team/schema';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'team');

export function fixture(name: string): TeamFile {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as TeamFile;
}

/** A deep copy to mutate. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The 26 weeks ending with the week of `lastMonday`. */
export function weeks(lastMonday: string, minutes: (i: number) => number = () => 0) {
  return Array.from({ length: 26 }, (_, i) => ({ weekStart: addDays(lastMonday, 7 * (i - 25)), minutes: minutes(i) }));
}

export function teamCert(overrides: Partial<TeamCertification> = {}): TeamCertification {
  return {
    key: 'aws-mla-c01',
    name: 'AWS Certified Machine Learning Engineer – Associate',
    provider: 'AWS',
    status: 'studying',
    examDate: null,
    earnedOn: null,
    expiresOn: null,
    studyMinutes: 0,
    targetMinutes: null,
    practiceExams: [],
    attempts: [],
    costUsd: null,
    ...overrides,
  };
}

export function teamFile(overrides: Partial<TeamFile> & { engineerName?: string; id?: string } = {}): TeamFile {
  const { engineerName = 'Alice Chen', id = '3f1c2a9e-5b7d-4c1a-9e2f-1a2b3c4d5e6f', ...rest } = overrides;
  return {
    format: 'cert-study-team',
    version: 1,
    exportedAt: '2026-11-20T08:15:00-07:00',
    generator: { name: 'cert-study-tracker', version: '0.1.0' },
    engineer: { id, name: engineerName, email: null, role: null, billingRateUsd: { baseline: null, current: null } },
    certifications: [],
    weeklyStudy: weeks('2026-11-16'),
    ...rest,
  };
}

// ── fast-check arbitraries of valid files ──────────────────────────────────────────────────

const noNegativeZero = (x: number) => (Object.is(x, -0) ? 0 : x);
export const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const two = (n: number) => String(n).padStart(2, '0');
export const instantArb = fc
  .tuple(dateArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 999999 })), fc.constantFrom('Z', '-07:00', '+05:30', '+14:00', '-12:00', '+00:00'))
  .map(([d, h, m, s, frac, zone]) => `${d}T${two(h)}:${two(m)}:${two(s)}${frac === null ? '' : `.${String(frac)}`}${zone}`);
/** Any text, astral characters and lone surrogates included. */
export const textArb = fc.string({ unit: 'binary', maxLength: 40 });
const nameArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 });
const numberArb = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(noNegativeZero);
const nonNegArb = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 }).map(noNegativeZero);
const minutesArb = fc.integer({ min: 0, max: 10_000_000 });
const keyArb = fc.oneof(
  fc.constantFrom('aws-mla-c01', 'google-pmle', 'azure-ai-103', 'databricks-ml-associate', 'nvidia-nca-genl'),
  fc.stringMatching(/^(custom:)?[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}$/),
);
const safeKeyArb = fc.string({ maxLength: 12 }).filter((k) => k !== '__proto__' && k !== 'constructor');
const { json: jsonArb } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    textArb,
    numberArb,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(safeKeyArb, tie('json'), { maxKeys: 4 }),
  ),
}));

const certArb: fc.Arbitrary<TeamCertification> = fc.record({
  key: keyArb,
  name: textArb,
  provider: textArb,
  status: fc.constantFrom(...TEAM_STATUSES),
  examDate: fc.option(dateArb),
  earnedOn: fc.option(dateArb),
  expiresOn: fc.option(dateArb),
  studyMinutes: minutesArb,
  targetMinutes: fc.option(minutesArb),
  practiceExams: fc.array(fc.record({ takenOn: dateArb, scorePercent: fc.double({ noNaN: true, min: 0, max: 100 }).map(noNegativeZero), source: fc.option(textArb) }), { maxLength: 4 }),
  attempts: fc.array(fc.record({ takenOn: dateArb, passed: fc.boolean(), score: fc.option(numberArb), scale: fc.option(textArb) }), { maxLength: 3 }),
  costUsd: fc.option(nonNegArb),
});

export const teamFileArb: fc.Arbitrary<TeamFile> = fc
  .record({
    exportedAt: instantArb,
    generator: fc.record({ name: textArb, version: textArb }),
    engineer: fc.record({
      id: fc.uuid(),
      name: nameArb,
      email: fc.option(textArb),
      role: fc.option(textArb),
      billingRateUsd: fc.record({ baseline: fc.option(numberArb), current: fc.option(numberArb) }),
    }),
    certifications: fc.uniqueArray(certArb, { selector: (c) => c.key, maxLength: 5 }),
    lastMonday: dateArb.map((d) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7))),
    minutes: fc.array(minutesArb, { minLength: 26, maxLength: 26 }),
    extensions: fc.option(fc.dictionary(safeKeyArb, jsonArb, { maxKeys: 4 }), { nil: undefined }),
  })
  .map(({ lastMonday, minutes, extensions, ...rest }) => {
    const file: TeamFile = { format: 'cert-study-team', version: 1, ...rest, weeklyStudy: weeks(lastMonday, (i) => minutes[i]) };
    if (extensions !== undefined) file.extensions = extensions as TeamFile['extensions'];
    return file;
  });
