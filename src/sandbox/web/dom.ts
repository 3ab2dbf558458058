/** Attributes and listeners for `h`: `on…` keys are listeners, `class` and the rest are attributes. */
export type Attrs = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/** A child: a node, text, nothing, or a list of those. */
export type Child = Node | string | null | undefined | false | Child[];

/** Creates an element with attributes and children; text is always a text node, never parsed as HTML. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (flattened; empty ones skipped). */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}
