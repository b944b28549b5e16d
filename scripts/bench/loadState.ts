// Budget (Foundation issue): loading ten years of daily study (~3,000 sessions, 300 practice
// exams) from storage in at most 10 ms in plain Node. Prints figures; asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Catalog } from '../../src/core/catalog/catalog';
import { PRACTICE_EXAMS_LOG, SESSIONS_LOG } from '../../src/core/store/logSpecs';
import { StudyStore } from '../../src/core/store/studyStore';
import { buildCertTree } from '../../src/core/tree/certTree';
import { formatPlaceholders } from '../../src/core/util/localize';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from '../../test/unit/support/memoryStorage';
import { generateTenYears } from '../../test/support/studyDataGenerator';

async function main() {
  const now = new Date('2026-11-26T15:00:00Z');
  const data = generateTenYears(42, now);
  const dir = mkdtempSync(path.join(tmpdir(), 'cert-study-bench-'));
  const storage = new MemoryStorage();
  const files = new NodeFileAccess();
  try {
    // Write the files and globalState directly, without going through zod, so the first load
    // below is truly cold, as it is when VS Code starts in the morning.
    const jsonl = (kind: string, v: number, records: unknown[]) => [JSON.stringify({ kind, v }), ...records.map((r) => JSON.stringify(r))].join('\n') + '\n';
    writeFileSync(path.join(dir, 'sessions.jsonl'), jsonl(SESSIONS_LOG.kind, SESSIONS_LOG.version, data.sessions));
    writeFileSync(path.join(dir, 'practice-exams.jsonl'), jsonl(PRACTICE_EXAMS_LOG.kind, PRACTICE_EXAMS_LOG.version, data.practiceExams));
    storage.seed('certStudy.certifications', { v: 1, data: data.certifications });
    const globalStateBytes = [...storage.data.values()].reduce((n, v) => n + Buffer.byteLength(v), 0);

    const loads: number[] = [];
    const longestBlocks: number[] = [];
    const parses: number[] = [];
    const trees: number[] = [];
    for (let i = 0; i < 30; i++) {
      const store = new StudyStore(storage, files, dir, () => now);
      const t0 = performance.now();
      const problems = await store.load();
      const t1 = performance.now();
      buildCertTree({ snapshot: store.snapshot(), catalog: new Catalog(), now, sortBy: 'examDate', t: formatPlaceholders });
      const t2 = performance.now();
      if (problems.length) throw new Error(`unexpected problems: ${JSON.stringify(problems[0])}`);
      loads.push(t1 - t0);
      longestBlocks.push(Math.max(store.sessions.lastLongestBlockMs, store.practiceExams.lastLongestBlockMs));
      parses.push(store.loadTiming.state.wallMs + store.loadTiming.logs.wallMs);
      trees.push(t2 - t1);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const warm = loads.slice(1);
    console.log(`state load, ${data.sessions.length} sessions + ${data.practiceExams.length} practice exams:`);
    console.log(`  first load in this process (cold: zod and V8 not yet warmed up) ${loads[0].toFixed(2)} ms   budget 10 ms`);
    console.log(`  later loads (warm) median ${median(warm).toFixed(2)} ms, max ${Math.max(...warm).toFixed(2)} ms   budget 10 ms`);
    console.log(`  of which parsing and validating: cold ${parses[0].toFixed(2)} ms, warm median ${median(parses.slice(1)).toFixed(2)} ms (the rest is reading the files)`);
    console.log(`  longest block without yielding to the host: cold ${longestBlocks[0].toFixed(2)} ms, warm median ${median(longestBlocks.slice(1)).toFixed(2)} ms   budget 16 ms (one frame)`);
    console.log(`  tree model built in median ${median(trees.slice(1)).toFixed(2)} ms`);
    console.log(`  globalState size ${(globalStateBytes / 1024).toFixed(1)} KB (VS Code warns at 512 KB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
