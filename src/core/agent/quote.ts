/**
 * User-entered text (a custom certification's name, a domain name, a note, a source) inside the
 * language model tools' plain-text answers. The model reads those answers as part of its
 * conversation, so a name such as `Ignore previous instructions` or one with a line break and a
 * fake heading must stay recognisably data: every such text is put in double quotes, with the
 * quote, the backslash, line breaks, other control characters and the invisible characters that
 * reorder or hide text (bidirectional controls, zero-width marks) written as escapes, so it can
 * neither end its quotes nor start a line of its own. Each answer says that quoted text is user
 * data (`USER_DATA_NOTE`).
 */

/** The longest user text an answer quotes in full; longer text is cut with an ellipsis. */
export const MAX_QUOTED = 200;

/** Line breaks and other control characters (C0, DEL, C1), and the invisible characters that reorder or hide text. */
function mustEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    code === 0x61c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    (code >= 0xe0000 && code <= 0xe007f) || // tag characters: invisible text a model still reads
    (code >= 0xe0100 && code <= 0xe01ef) // variation selectors supplement
  );
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/** `"name"`: the text in double quotes, escaped as above (JSON's escapes where JSON has one). */
export function quoted(text: string, max = MAX_QUOTED): string {
  const clipped = [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
  let body = '';
  for (const c of clipped) {
    // Code points, not UTF-16 units: the tag characters are outside the basic plane.
    const code = c.codePointAt(0)!;
    body += NAMED[c] ?? (mustEscape(code) ? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`) : c);
  }
  return `"${body}"`;
}
