import assert from 'node:assert/strict';
import { warmIntlOffThread } from '../../src/shell/warmIntl';

// What it saves (ICU's first load, off the host's thread) is a figure for `npm run bench:blocks`,
// not a test; what a test can hold is that the calendar export never waits on it for ever.
describe('warmIntlOffThread (the calendar export’s time-zone data, Node host)', () => {
  it('settles once its worker has made a date format, and every caller shares that one warm-up', async () => {
    const first = warmIntlOffThread();
    assert.equal(warmIntlOffThread(), first);
    assert.equal(await first, undefined);
    assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone.length > 0, true);
  });
});
