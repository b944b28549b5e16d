// A suite that must fail: test/harness-check/harness.test.mjs runs it (built to
// out/test/selfcheck/index.js, through test/harness/extension-tests.mjs) to prove the runner
// reports a failing extension-test run with a non-zero exit code (and prints the failure),
// instead of silently passing. Same run() shape and output contract as test/integration/index.ts.
import * as assert from 'assert';
import { runSuites } from '../integration/index';

export function run(): Promise<void> {
  return runSuites('SELFCHECK', () => {
    describe('selfcheck (deliberately failing)', () => {
      it('passes', () => {
        assert.strictEqual(1 + 1, 2);
      });
      it('fails on purpose', () => {
        assert.strictEqual(1 + 1, 3, 'deliberate failure: the runner must exit non-zero');
      });
    });
  });
}
