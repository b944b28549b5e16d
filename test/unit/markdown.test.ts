import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeMarkdown } from '../../src/core/util/markdown';

/** The characters of escapeMarkdown's output that stand for one typed character. */
const ENTITY = /^&(amp|lt|gt|#36);/;
const DECODED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#36;': '$' };

/**
 * Reads escaped text the way a Markdown renderer reads plain text: `\x` is x, the four entities
 * are their characters. Also checks that nothing is left for Markdown, HTML or VS Code's theme
 * icons to act on: every character that could start markup comes escaped.
 */
function readBack(escaped: string): string {
  let out = '';
  for (let i = 0; i < escaped.length; ) {
    const entity = ENTITY.exec(escaped.slice(i));
    if (entity) {
      out += DECODED[entity[0]];
      i += entity[0].length;
    } else if (escaped[i] === '\\' && i + 1 < escaped.length && /[!-/:-@[-`{-~]/.test(escaped[i + 1])) {
      out += escaped[i + 1];
      i += 2;
    } else {
      assert.doesNotMatch(escaped[i], /[<>&$\\`*_[\]()!#|~{}]/, `unescaped ${JSON.stringify(escaped[i])} at ${i} in ${JSON.stringify(escaped)}`);
      out += escaped[i];
      i += 1;
    }
  }
  return out;
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=2</script>',
  '<svg onload=window.__pwned=3>',
  '![x](https://example.invalid/x.png)',
  '[click](command:workbench.action.quit)',
  '$(alert) icon',
  '\\$(alert) escaped icon',
  '**bold** _em_ `code` ~~del~~ <b>b</b>',
  'Tom &amp; Jerry &lt;3 & co',
  '# heading\n- item\n+ item\n1. first\n===\n> quote',
  'Acme https://evil.example www.evil.example a@b.co',
  'a | table | row',
];

describe('escapeMarkdown', () => {
  it('writes <, > and & as HTML entities, so no HTML parser on the way sees a tag (issue 18)', () => {
    assert.equal(escapeMarkdown('<img src=x onerror="window.__pwned=1">'), '&lt;img src=x onerror="window\\.\\_\\_pwned=1"&gt;');
    assert.equal(escapeMarkdown('Tom & Jerry'), 'Tom &amp; Jerry');
    assert.equal(escapeMarkdown('&lt;b&gt;'), '&amp;lt;b&amp;gt;', 'an entity typed by the user reads as typed');
    for (const name of HOSTILE) {
      const escaped = escapeMarkdown(name);
      assert.doesNotMatch(escaped, /[<>]/, escaped);
      assert.doesNotMatch(escaped.replace(/&(amp|lt|gt|#36);/g, ''), /&/, escaped);
    }
  });

  it('neutralises emphasis, links, images, code, theme icons and the like', () => {
    assert.equal(escapeMarkdown('[a](b) *c* _d_'), '\\[a\\]\\(b\\) \\*c\\* \\_d\\_');
    assert.equal(escapeMarkdown('![x](y)'), '\\!\\[x\\]\\(y\\)');
    assert.equal(escapeMarkdown('`code`'), '\\`code\\`');
    // VS Code draws `$(icon)` in the HTML it rendered, after backslashes are gone: `$` is an entity.
    assert.equal(escapeMarkdown('$(zap) x'), '&#36;\\(zap\\) x');
    assert.doesNotMatch(escapeMarkdown('$(alert) and \\$(alert)'), /\$/);
    assert.equal(escapeMarkdown('AWS MLA-C01'), 'AWS MLA-C01', 'a dash inside a line stays as it is');
  });

  it('escapes the markers that only count at the start of a line', () => {
    assert.equal(escapeMarkdown('- item\n1. first'), '\\- item\n1\\. first');
    assert.equal(escapeMarkdown('+ a\n  = b\n# c'), '\\+ a\n  \\= b\n\\# c');
  });

  it('breaks the autolinks GitHub-flavoured Markdown would make', () => {
    assert.equal(escapeMarkdown('Acme https://evil.example'), 'Acme https\\://evil\\.example');
    assert.equal(escapeMarkdown('www.evil.example'), 'www\\.evil\\.example');
    assert.equal(escapeMarkdown('a@b.co'), 'a\\@b\\.co');
  });

  it('reads back exactly as typed, with nothing left unescaped, for hostile names', () => {
    for (const name of HOSTILE) assert.equal(readBack(escapeMarkdown(name)), name);
  });

  it('property: any text reads back exactly as typed, with nothing left unescaped', () => {
    const markup = fc.constantFrom('<', '>', '&', '$(', '\\', '`', '*', '_', '[', ']', '(', ')', '!', '#', '|', '~', '{', '}', ':', '.', '@', '-', '+', '=', '\n', ' ', '&amp;', '&#36;');
    fc.assert(
      fc.property(fc.array(fc.oneof(markup, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        assert.equal(readBack(escapeMarkdown(text)), text);
      }),
    );
  });
});
