import assert from 'node:assert/strict';
import { asPlainText } from '../../src/core/util/plainText';

/** VS Code 1.100's patterns: `$(icon)` in labels (renderLabelWithIcons; `\$(` is literal) and links in notifications (parseLinkedText). */
const ICON = /(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

describe('asPlainText', () => {
  it('leaves no icon or link for VS Code to render, and reads as typed', () => {
    for (const typed of ['$(alert) [x](command:workbench.action.quit)', '\\$(alert) escaped', '[a](https://x.y "t") $(sync~spin)', 'SnowPro Core (2025)']) {
      const shown = asPlainText(typed);
      assert.deepEqual([...shown.matchAll(ICON)].filter((m) => !m[1]), [], shown);
      // An escaped `\$(` would render without its backslash, so it must not survive either.
      assert.deepEqual([...shown.matchAll(ICON)], [], shown);
      assert.doesNotMatch(shown, LINK);
      assert.equal(shown.replace(/\u2060/g, ''), typed);
    }
    assert.equal(asPlainText('SnowPro Core (2025)'), 'SnowPro Core (2025)', 'ordinary brackets stay untouched');
  });
});
