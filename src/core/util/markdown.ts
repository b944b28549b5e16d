/**
 * Escapes text for Markdown so user-entered names cannot inject links, images, HTML, theme
 * icons or formatting. `:`, `.` and `@` are escaped too, because GitHub-flavoured Markdown
 * turns bare `https://…`, `www.…` and `a@b.co` into links (escaping `.` also stops `1.` from
 * opening a list); `-` and `+` only matter at the start of a line, so only there are they escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#<>!|~$:.@]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+])/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}
