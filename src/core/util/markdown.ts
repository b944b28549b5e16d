/**
 * Escapes text for Markdown so user-entered names cannot inject links, images, HTML or
 * formatting. List markers only matter at the start of a line, so only there are they escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#<>!|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+]|\d+\.)/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}
