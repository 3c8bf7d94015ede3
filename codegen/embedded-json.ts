import { rawTemplateText } from './naming.js';

/**
 * Data in a generated file, as the expression `JSON.parse(String.raw\`…\`)` (cheap to compile and to
 * parse): each entry of the outer two levels (a schema, an action, an export) on a line of its own, so that
 * a change to one action diffs as the lines of that action.
 */
export function embeddedJson(value: unknown): string {
  return `JSON.parse(String.raw\`${rawTemplateText(jsonByLine(value))}\`)`;
}

/**
 * `JSON.stringify(value)`, with an entry per line where the data has its entries: the items of an array (each
 * written compactly), the properties of the outer object, and the properties or items of its values.
 */
export function jsonByLine(value: unknown, depth = 0): string {
  if (depth >= 2 || value === null || typeof value !== 'object') return compact(value);
  const entries = Array.isArray(value)
    ? value.map((item: unknown) => compact(item))
    : Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => `${JSON.stringify(key)}:${jsonByLine(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(',\n')}\n${close}`;
}

/** As an array item: `undefined` is `null`, as JSON.stringify writes it. */
const compact = (value: unknown): string => JSON.stringify(value) ?? 'null';
