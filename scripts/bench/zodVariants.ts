// Which zod is fastest to validate ten years of sessions cold (the first load of a window)?
// Run as `node --import tsx scripts/bench/zodVariants.ts <variant> <data.json>` in a fresh
// process per measurement (scripts/bench.mjs does this); prints one JSON line. Every variant
// applies exactly the checks of StudySessionSchema (src/core/model/logs.ts).
import { readFileSync } from 'node:fs';

type Variant = 'classic' | 'classic-jitless' | 'mini' | 'mini-jitless';

async function schemaFor(variant: Variant): Promise<{ safeParse(v: unknown): { success: boolean } }> {
  if (variant.startsWith('classic')) {
    const z = await import('zod');
    if (variant.endsWith('jitless')) z.config({ jitless: true });
    return (await import('../../src/core/model/logs')).StudySessionSchema;
  }
  const z = await import('zod/mini');
  if (variant.endsWith('jitless')) z.config({ jitless: true });
  const { CALENDAR_DATE } = await import('../../src/core/model/primitives');
  const { endsAfterStart } = await import('../../src/core/model/logs');
  const instant = z.string().check(
    z.regex(new RegExp(`^${CALENDAR_DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$`)),
  );
  return z
    .strictObject({
      id: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)),
      certKey: z.string().check(z.regex(/^(custom:)?[a-z0-9]+(-[a-z0-9]+)*$/)),
      start: instant,
      end: instant,
      domainId: z.nullable(z.string().check(z.maxLength(100))),
      activity: z.enum(['reading', 'video', 'lab', 'practice', 'project', 'kaggle', 'pair', 'other']),
      source: z.enum(['timer', 'manual']),
      note: z.string().check(z.maxLength(2_000)),
    })
    .check(z.refine((s) => endsAfterStart(s.start, s.end), { message: 'a session cannot end before it starts', path: ['end'] }));
}

async function main() {
  const [variant, dataFile] = process.argv.slice(2) as [Variant, string];
  const records = JSON.parse(readFileSync(dataFile, 'utf8')) as unknown[];
  const t0 = performance.now();
  // Includes importing the modules (tsx compiles them on the fly): compare coldValidateMs only.
  const schema = await schemaFor(variant);
  const t1 = performance.now();
  let ok = 0;
  for (const r of records) if (schema.safeParse(r).success) ok++;
  const t2 = performance.now();
  if (ok !== records.length) throw new Error(`${variant}: ${records.length - ok} records refused`);
  console.log(JSON.stringify({ variant, schemaMs: t1 - t0, coldValidateMs: t2 - t1 }));
}

void main();
