import { addDays, addMinutes, set as setTime, subDays } from 'date-fns';
import { ACTIVITY_KINDS, type PracticeExam, type StudySession } from '../../src/core/model/logs';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { CATALOG_ENTRIES } from '../../src/core/catalog/entries';
import { toOffsetInstant } from '../../src/core/time/clock';
import { localToday } from '../../src/core/time/localDays';

/**
 * Seeded, repeatable study data: ten years of daily study for the load benchmark, and a few
 * realistic weeks for `npm start -- --demo`. Same seed, same data, on every machine.
 */
export interface GeneratedData {
  certifications: TrackedCertification[];
  sessions: StudySession[];
  practiceExams: PracticeExam[];
}

/** mulberry32: tiny, fast and good enough to make test data repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function certification(key: string, addedAt: Date, fields: Partial<TrackedCertification> = {}): TrackedCertification {
  return {
    key,
    status: 'studying',
    examDate: null,
    targetMinutes: 120 * 60,
    costUsd: null,
    notes: '',
    addedAt: toOffsetInstant(addedAt),
    earnedOn: null,
    expiresOnOverride: null,
    attempts: [],
    ...fields,
  };
}

/** A morning study block on `day`, starting near 08:00 local, lasting `minutes`. */
function morningSession(random: () => number, day: Date, certKey: string, minutes: number, domainIds: string[]): StudySession {
  const start = setTime(day, { hours: 8, minutes: Math.floor(random() * 10), seconds: 0, milliseconds: 0 });
  return {
    id: uuidFrom(random),
    certKey,
    start: toOffsetInstant(start),
    end: toOffsetInstant(addMinutes(start, minutes)),
    domainId: domainIds.length && random() < 0.8 ? domainIds[Math.floor(random() * domainIds.length)] : null,
    activity: ACTIVITY_KINDS[Math.floor(random() * ACTIVITY_KINDS.length)],
    source: random() < 0.9 ? 'timer' : 'manual',
    note: '',
  };
}

const domainIdsOf = (key: string) => CATALOG_ENTRIES.find((e) => e.key === key)?.domains.map((d) => d.id) ?? [];

/** About 3,000 sessions and 300 practice exams over ten years, ending at `end`. */
export function generateTenYears(seed: number, end: Date): GeneratedData {
  const random = seededRandom(seed);
  const keys = CATALOG_ENTRIES.map((e) => e.key);
  const first = subDays(end, 3650);
  const certifications = keys.slice(0, 10).map((key, i) => certification(key, addDays(first, i * 365), { status: i < 9 ? 'passed' : 'studying', earnedOn: i < 9 ? localToday(addDays(first, i * 365 + 300)) : null }));
  const sessions: StudySession[] = [];
  const practiceExams: PracticeExam[] = [];
  for (let d = 0; d < 3650; d++) {
    const day = addDays(first, d);
    const certKey = certifications[Math.min(9, Math.floor(d / 365))].key;
    // Every weekday morning and about a third of weekends: ~3,000 sessions in ten years.
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    if (!weekend || random() < 0.38) {
      sessions.push(morningSession(random, day, certKey, 30 + Math.floor(random() * 40), domainIdsOf(certKey)));
    }
    if (d % 12 === 0 && practiceExams.length < 300) {
      const scorePercent = Math.round(45 + random() * 50);
      practiceExams.push({ id: uuidFrom(random), certKey, takenAt: toOffsetInstant(setTime(day, { hours: 19, minutes: 0 })), scorePercent, entered: { kind: 'percent', percent: scorePercent }, domainScores: {}, source: 'Practice test', note: '' });
    }
  }
  return { certifications, sessions: sessions.slice(0, 3000), practiceExams };
}

/**
 * An engineer five weeks into AWS MLA-C01 with the exam booked four weeks out, a second
 * certification planned and one earned last year: what `npm start -- --demo` shows.
 */
export function generateDemo(seed: number, now: Date): GeneratedData {
  const random = seededRandom(seed);
  const started = subDays(now, 35);
  const mla = 'aws-mla-c01';
  const certifications = [
    certification(mla, started, { status: 'scheduled', examDate: localToday(addDays(now, 28)), targetMinutes: 90 * 60, costUsd: 150, notes: 'SageMaker pipelines are the weak spot.' }),
    certification('google-pmle', subDays(now, 10), { status: 'planned', targetMinutes: 100 * 60 }),
    certification('databricks-ml-associate', subDays(now, 420), { status: 'passed', earnedOn: localToday(subDays(now, 330)), targetMinutes: 60 * 60, costUsd: 200, attempts: [{ takenOn: localToday(subDays(now, 330)), passed: true, score: null, scale: null }] }),
  ];
  const sessions: StudySession[] = [];
  for (let d = 0; d < 35; d++) {
    const day = addDays(started, d);
    const weekday = day.getDay() !== 0 && day.getDay() !== 6;
    if (weekday && random() < 0.85) sessions.push(morningSession(random, day, mla, 40 + Math.floor(random() * 21), domainIdsOf(mla)));
    if (day.getDay() === 6 && random() < 0.6) {
      const kaggle = morningSession(random, setTime(day, { hours: 10 }), mla, 90, []);
      sessions.push({ ...kaggle, activity: 'kaggle', start: toOffsetInstant(setTime(day, { hours: 10, minutes: 0 })), end: toOffsetInstant(setTime(day, { hours: 11, minutes: 30 })) });
    }
  }
  // Official practice sets of 65 questions, the latest with a score per exam domain.
  const mlaDomains = domainIdsOf(mla);
  const practiceExams: PracticeExam[] = [38, 42, 46].map((correct, i) => ({
    id: uuidFrom(random),
    certKey: mla,
    takenAt: toOffsetInstant(setTime(addDays(started, 2 + i * 14), { hours: 19, minutes: 30, seconds: 0, milliseconds: 0 })),
    scorePercent: Math.round((correct / 65) * 1000) / 10,
    entered: { kind: 'raw', correct, total: 65 },
    domainScores: i === 2 ? Object.fromEntries(mlaDomains.map((id, d) => [id, [78, 71, 58, 69][d] ?? 70])) : {},
    source: i === 0 ? 'Diagnostic: official practice question set' : 'Official practice question set',
    note: '',
  }));
  return { certifications, sessions, practiceExams };
}
