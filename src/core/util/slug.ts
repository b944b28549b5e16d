/**
 * Text as a lowercase ASCII slug: accents dropped, every run of other characters one hyphen,
 * no hyphen at either end, at most `maxLength` characters. '' when nothing is left.
 */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength);
}
