/** The characters written as HTML entities rather than with a backslash (see escapeMarkdown). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', $: '&#36;' };

/**
 * Escapes text for Markdown so user-entered names cannot inject links, images, HTML, theme
 * icons or formatting: the hover shows the text exactly as typed.
 *
 * `<`, `>` and `&` become HTML entities, not `\<`: VS Code also renders every tree tooltip to
 * plain text, where bold and italic text is passed on as its raw source (backslashes and all) to
 * an HTML sanitizer, and Chromium reports a `<img onerror=…>` it parses there as a Content
 * Security Policy violation (issue 18). An entity is text for every parser on the way. `$`
 * becomes `&#36;` because VS Code turns `$(icon)` into an icon in the HTML it rendered, after the
 * Markdown escapes are gone, when a hover supports theme icons (ours do, for `$(warning)`).
 *
 * The rest is escaped with a backslash. `:`, `.` and `@` too, because GitHub-flavoured Markdown
 * turns bare `https://…`, `www.…` and `a@b.co` into links (escaping `.` also stops `1.` from
 * opening a list); `-`, `+` and `=` only matter at the start of a line (a list, a heading
 * underline), so only there are they escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>$\\`*_{}[\]()#!|~:.@]/g, (ch) => ENTITIES[ch] ?? `\\${ch}`)
    .replace(/^(\s*)([-+=])/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}
