import { StoreService } from '../certifications/storeService';
import type { StudyStore } from '../store/studyStore';
import { formatPlaceholders, type Localize } from '../util/localize';
import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import { toOffsetInstant } from '../time/clock';
import { localDayOf, localToday } from '../time/localDays';
import { parseScore } from './score';

/** A practice exam to record; `date` defaults to today, `score` is parsed by parseScore. */
export interface PracticeInput {
  key: string;
  date?: IsoDate;
  score: string | number;
  source?: string | null;
  /** Percent per exam-domain id (a number, or text such as "16/25"). */
  domains?: Readonly<Record<string, number | string>>;
  note?: string;
}

/** A change to a practice exam: `undefined` leaves a field alone; `domains` replaces them all. */
export type PracticePatch = Partial<Omit<PracticeInput, 'key'>>;

export class PracticeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PracticeError';
  }
}

const MAX_SOURCE = 200;
const MAX_NOTE = 2_000;

/**
 * Recording, editing and deleting practice exams, with no UI. Everything is checked before
 * anything is written: a bad score, an unknown domain or a future date is refused whole, with a
 * message (`t`) saying what is wrong.
 */
export class PracticeService extends StoreService {
  constructor(
    store: StudyStore,
    now: () => Date,
    t: Localize = formatPlaceholders,
    /**
     * A practice exam was recorded for `key`: studying has begun, so the container moves a
     * planned certification to studying (CertificationService.markStudying), as a saved study
     * session does (the status lifecycle).
     */
    private readonly onRecorded: (key: string) => Promise<void> = () => Promise.resolve(),
  ) {
    super(store, now, t);
  }

  /** A certification's practice exams, latest first (at the same instant, the one recorded last). */
  examsOf(key: string): PracticeExam[] {
    return this.store.practiceExams
      .all()
      .filter((e) => e.certKey === key)
      .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt))
      .reverse();
  }

  find(id: string): PracticeExam | undefined {
    return this.store.practiceExams.all().find((e) => e.id === id);
  }

  require(id: string): PracticeExam {
    const exam = this.find(id);
    if (!exam) throw new PracticeError(this.t('No practice exam with id {0}', id));
    return exam;
  }

  async record(input: PracticeInput): Promise<PracticeExam> {
    const t = this.t;
    if (!this.tracked().some((c) => c.key === input.key)) {
      throw new PracticeError(t('{0} is not among your certifications: add it first', input.key));
    }
    const entry = this.entryOf(input.key);
    const { scorePercent, entered } = this.score(input.score, entry);
    const exam: PracticeExam = {
      // Web Crypto: in Node 20 and in a browser alike (a browser bundle is a later issue).
      id: globalThis.crypto.randomUUID(),
      certKey: input.key,
      takenAt: this.takenAt(input.date ?? localToday(this.now()), null),
      scorePercent,
      entered,
      domainScores: this.domainScores(input.domains ?? {}, entry, input.key),
      source: this.source(input.source ?? null),
      note: this.note(input.note ?? ''),
    };
    await this.store.practiceExams.append(exam);
    await this.onRecorded(input.key);
    return exam;
  }

  async update(id: string, patch: PracticePatch): Promise<PracticeExam> {
    const current = this.require(id);
    const entry = this.entryOf(current.certKey);
    const next: PracticeExam = { ...current };
    if (patch.date !== undefined) next.takenAt = this.takenAt(patch.date, current.takenAt);
    if (patch.score !== undefined) Object.assign(next, this.score(patch.score, entry));
    if (patch.domains !== undefined) next.domainScores = this.domainScores(patch.domains, entry, current.certKey);
    if (patch.source !== undefined) next.source = this.source(patch.source);
    if (patch.note !== undefined) next.note = this.note(patch.note);
    await this.store.practiceExams.replaceAll(this.store.practiceExams.all().map((e) => (e.id === id ? next : e)));
    return next;
  }

  async remove(id: string): Promise<PracticeExam> {
    const removed = this.require(id);
    await this.store.practiceExams.replaceAll(this.store.practiceExams.all().filter((e) => e.id !== id));
    return removed;
  }

  /** Undo for `remove`: puts it back unless it is there already. */
  async restore(exam: PracticeExam): Promise<void> {
    if (this.find(exam.id)) return;
    await this.store.practiceExams.append(exam);
  }

  private entryOf(key: string): CatalogEntry | undefined {
    return this.catalog().get(key);
  }

  private score(input: string | number, entry: CatalogEntry | undefined): Pick<PracticeExam, 'scorePercent' | 'entered'> {
    const parsed = parseScore(input, entry?.passingScore ?? null, this.t);
    if (!parsed.ok) throw new PracticeError(this.t('score: {0}', parsed.message));
    return { scorePercent: parsed.percent, entered: parsed.entered };
  }

  /**
   * The instant for a day: now when it is today (or the day it already has, which keeps its
   * time); otherwise noon that day, since the time of day was not given. Never a future day.
   */
  private takenAt(date: IsoDate, current: string | null): string {
    const today = localToday(this.now());
    if (date > today) throw new PracticeError(this.t('date: {0} is in the future: record a practice exam once you have taken it (today is {1})', date, today));
    if (current && localDayOf(current) === date) return current;
    if (date === today) return toOffsetInstant(this.now());
    const [y, m, d] = date.split('-').map(Number);
    return toOffsetInstant(new Date(y, m - 1, d, 12, 0, 0, 0));
  }

  private domainScores(domains: Readonly<Record<string, number | string>>, entry: CatalogEntry | undefined, key: string): Record<string, number> {
    const t = this.t;
    const known = new Map((entry?.domains ?? []).map((d) => [d.id, d]));
    const scores: Record<string, number> = {};
    for (const [id, value] of Object.entries(domains)) {
      const domain = known.get(id);
      if (!domain) {
        const ids = [...known.keys()];
        throw new PracticeError(
          ids.length
            ? t('domains: "{0}" is not a domain of {1}; its domains are {2}', id, entry?.shortName ?? key, ids.join(', '))
            : t('domains: {0} has no exam domains to score', entry?.shortName ?? key),
        );
      }
      const parsed = parseScore(value, null, t);
      if (!parsed.ok) throw new PracticeError(t('domains.{0}: {1}', id, parsed.message));
      scores[id] = parsed.percent;
    }
    return scores;
  }

  private source(source: string | null): string | null {
    const trimmed = source?.trim() ?? '';
    if (trimmed.length > MAX_SOURCE) throw new PracticeError(this.t('source: at most {0} characters', MAX_SOURCE));
    return trimmed === '' ? null : trimmed;
  }

  private note(note: string): string {
    if (note.length > MAX_NOTE) throw new PracticeError(this.t('note: at most {0} characters', MAX_NOTE));
    return note;
  }
}
