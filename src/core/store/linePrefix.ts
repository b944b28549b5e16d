/**
 * What goes before lines appended to a JSON Lines file, given its last character (undefined: no
 * file; '': empty): the header for a new or empty file; a newline when the file does not end in
 * one (hand-edited, or a crash mid-append), which would otherwise glue the first new line to its
 * last one and lose both; nothing otherwise. Both FileAccess implementations apply it.
 */
export function linePrefix(lastChar: string | undefined, header: string): string {
  if (lastChar === undefined || lastChar === '') return header;
  return lastChar === '\n' ? '' : '\n';
}
