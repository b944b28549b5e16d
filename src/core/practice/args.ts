import * as z from 'zod';
import { CertKeySchema, IsoDateSchema, UuidSchema } from '../model/primitives';

/**
 * The optional argument objects of the practice-exam commands. A score is a percent (a bare
 * number), or text: `"76"`, `"38/50"`, `"780/1000"` (see parseScore); a domain score likewise.
 */
const ScoreArg = z.union([z.number(), z.string().max(40)]);

const PracticeFieldsSchema = z.object({
  date: IsoDateSchema.optional(),
  score: ScoreArg.optional(),
  source: z.string().max(200).nullable().optional(),
  domains: z.record(z.string().max(100), ScoreArg).optional(),
  note: z.string().max(2_000).optional(),
});

export const PRACTICE_FIELDS = ['date', 'score', 'source', 'domains', 'note'] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];

/** `{ key, date?, score?, source?, domains?, note? }`: what is missing is asked for. */
export const RecordPracticeArgSchema = z.object({ key: CertKeySchema }).extend(PracticeFieldsSchema.shape).strict();

const EditByIdSchema = z.object({ id: UuidSchema, field: z.enum(PRACTICE_FIELDS).optional() }).extend(PracticeFieldsSchema.shape).strict();
const ByKeySchema = z.object({ key: CertKeySchema }).strict();
const DeleteByIdSchema = z.object({ id: UuidSchema }).strict();

export type EditPracticeArg = z.infer<typeof EditByIdSchema> | z.infer<typeof ByKeySchema>;
export type DeletePracticeArg = z.infer<typeof DeleteByIdSchema> | z.infer<typeof ByKeySchema>;

/**
 * Edit takes `{ id, field?, …fields }` (the given fields are set without asking; with `field`,
 * only that one is asked for), or `{ key }` to pick one of that certification's practice exams.
 */
export const EditPracticeArgSchema = (arg: object): z.ZodType<EditPracticeArg> => ('key' in arg ? ByKeySchema : EditByIdSchema);

/** Delete takes `{ id }`, or `{ key }` to pick one of that certification's practice exams. */
export const DeletePracticeArgSchema = (arg: object): z.ZodType<DeletePracticeArg> => ('key' in arg ? ByKeySchema : DeleteByIdSchema);

const PRACTICE_ROW = /^cert:([^/]+)\/practice$/;
const PRACTICE_EXAM_ROW = /^cert:([^/]+)\/practice\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The tree passes a row's id: the Practice exams row (`cert:<key>/practice`) stands for
 * `{ key }`, a practice exam's row (`cert:<key>/practice/<id>`) for `{ id }`. Anything else is
 * left for parseCommandArg (which takes `cert:<key>` and refuses other strings).
 */
export function practiceRowArg(arg: unknown): unknown {
  if (typeof arg !== 'string') return arg;
  const exam = PRACTICE_EXAM_ROW.exec(arg);
  if (exam) return { id: exam[2].toLowerCase() };
  const row = PRACTICE_ROW.exec(arg);
  return row ? { key: row[1] } : arg;
}
