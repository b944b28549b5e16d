/**
 * User text (a custom certification's name, a typed value) for the places where VS Code reads
 * markup in a plain string: quick-pick labels, descriptions and details and input-box messages
 * render `$(icon)`, and notifications and input-box messages turn `[text](command:…)` into a link
 * that runs the command. A WORD JOINER (U+2060: invisible, never a line break) between `$` or `]`
 * and `(` breaks both patterns, so the text reads exactly as typed. VS Code's own `\$(` escape
 * would cover icons only, and shows its backslash in the Markdown hover of a quick-pick description.
 */
export function asPlainText(text: string): string {
  return text.replace(/([$\]])\(/g, '$1\u2060(');
}
