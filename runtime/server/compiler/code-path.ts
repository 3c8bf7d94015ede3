/** A JSON Pointer built in generated code: static tokens folded at generation time, dynamic ones at run time. */
export type PathPart = { text: string } | { expression: string };

export function renderPath(parts: PathPart[]): string {
  const pieces: string[] = [];
  let text = '';
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
    } else {
      if (text) pieces.push(JSON.stringify(text));
      text = '';
      pieces.push(part.expression);
    }
  }
  if (text || pieces.length === 0) pieces.push(JSON.stringify(text));
  return pieces.join(' + ');
}
