/**
 * Builds elements from plain data. Text goes in with textContent only, never innerHTML: user
 * text (a certification named `<img src=x onerror=alert(1)>`) is shown as text, never parsed.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    // Only plain attributes: no inline handlers or styles, which the CSP would refuse anyway.
    if (/^on/i.test(name) || name === 'style') throw new Error(`refused attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** `{0}` placeholders, as the host's labels carry them. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
