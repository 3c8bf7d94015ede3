/** A form as server-rendered markup describes it, and its submission as a browser without JavaScript makes it. */
export interface RenderedForm {
  action: string;
  method: string;
  enctype: string;
  /** every input's name and value, in document order (hidden ones too); a button's name only when it is the submitter */
  fields: Array<[string, string]>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

function decodeHtml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return all;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/\s([a-zA-Z$:-]+)(?:="([^"]*)")?/g)) found.set(match[1]!.toLowerCase(), decodeHtml(match[2] ?? ''));
  return found;
}

/**
 * Reads the form `id` from rendered markup as a browser would submit it: its action, method and enctype (or,
 * with `submitter`, those of the button of that text and its name), and its inputs' names and values.
 */
export function readRenderedForm(html: string, id: string, submitter?: string): RenderedForm {
  const match = new RegExp(`<form[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (match === null) throw new Error(`no form #${id} in\n${html}`);
  const form = attributes(match[0].slice(0, match[0].indexOf('>') + 1));
  const body = match[1]!;
  const fields: Array<[string, string]> = [];
  for (const input of body.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(input[0]);
    const name = attrs.get('name');
    if (name !== undefined) fields.push([name, attrs.get('value') ?? '']);
  }
  let button = new Map<string, string>();
  if (submitter !== undefined) {
    const tag = new RegExp(`<button\\b([^>]*)>${submitter}</button>`).exec(body);
    if (tag === null) throw new Error(`no button ${submitter} in #${id}`);
    button = attributes(tag[0]);
    const name = button.get('name');
    if (name !== undefined) fields.push([name, button.get('value') ?? '']);
  }
  return {
    action: button.get('formaction') ?? form.get('action') ?? '',
    method: (button.get('formmethod') ?? form.get('method') ?? 'GET').toUpperCase(),
    enctype: button.get('formenctype') ?? form.get('enctype') ?? 'application/x-www-form-urlencoded',
    fields,
  };
}

/** What Chromium sends as Accept when it navigates (a form post included). */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * Submits `form` from the page at `referer` as a browser without JavaScript: the form's method, action and
 * encoding, its fields with `values` in place of the rendered ones, the browser's Accept; redirects not followed.
 */
export async function submitRenderedForm(
  base: string,
  form: RenderedForm,
  values: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  const data = new FormData();
  const given = new Set<string>();
  for (const [name, value] of form.fields) {
    given.add(name);
    data.append(name, Object.hasOwn(values, name) ? values[name]! : value);
  }
  for (const [name, value] of Object.entries(values)) if (!given.has(name)) data.append(name, value);
  const body = form.enctype === 'multipart/form-data' ? data : new URLSearchParams([...data].map(([name, value]) => [name, String(value)]));
  return fetch(new URL(form.action, base), { method: form.method, body, headers: { accept: BROWSER_ACCEPT, ...headers }, redirect: 'manual' });
}
