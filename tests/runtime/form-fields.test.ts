import { fieldCounter } from '../../runtime/server/http/form-fields.js';

const MULTIPART = 'multipart/form-data; boundary=XyZ';

/** Feeds `body` to a fresh counter in pieces cut at `cuts`, returning the count after the last piece. */
function countIn(contentType: string, body: Buffer, cuts: number[]): number {
  const counter = fieldCounter(contentType);
  if (counter === undefined) throw new Error('no counter');
  let count = 0;
  let start = 0;
  for (const end of [...cuts, body.length]) {
    count = counter.add(body.subarray(start, end));
    start = end;
  }
  return count;
}

/** The count for every way of cutting `body` in two, and for `body` fed one byte at a time. */
function everyCut(contentType: string, body: string): Set<number> {
  const bytes = Buffer.from(body);
  const counts = new Set<number>();
  for (let cut = 0; cut <= bytes.length; cut++) counts.add(countIn(contentType, bytes, [cut]));
  counts.add(countIn(contentType, bytes, Array.from({ length: bytes.length }, (_, index) => index)));
  return counts;
}

async function parsedFields(contentType: string, body: string): Promise<number> {
  return [...(await new Response(body, { headers: { 'content-type': contentType } }).formData())].length;
}

const part = (name: string, value: string): string => `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('fieldCounter', () => {
  it.each(['', 'a=1', 'a=1&b=2', '&&a&&b=2&&', '=', 'a=%26&b', '&', 'a=1&b=2&c=3&d=4&e=5'])('counts the fields of the urlencoded body %j as the parser does, however it is cut', async (body) => {
    const contentType = 'application/x-www-form-urlencoded';
    expect(everyCut(contentType, body)).toEqual(new Set([await parsedFields(contentType, body)]));
  });

  it.each([
    ['one part', part('a', '1') + '--XyZ--\r\n'],
    ['three parts', part('a', '1') + part('b', '') + part('c', 'three') + '--XyZ--'],
    ['a file holding the start of a delimiter', part('a', '1') + '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="f.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--Xy\r\r\n-\r\n' + '--XyZ--'],
  ])('counts the parts of a multipart body with %s as the parser does, however it is cut', async (_what, body) => {
    expect(everyCut(MULTIPART, body)).toEqual(new Set([await parsedFields(MULTIPART, body)]));
  });

  it('never counts ahead of the parts that have started', () => {
    const counter = fieldCounter(MULTIPART);
    expect(counter?.add(Buffer.from(part('a', '1')))).toBe(0);
    expect(counter?.add(Buffer.from('--XyZ'))).toBe(1);
    expect(counter?.add(Buffer.from('--'))).toBe(1);
  });

  it('reads a quoted boundary, and has no counter for a multipart type without one', async () => {
    const quoted = 'multipart/form-data; BOUNDARY="XyZ"';
    expect(everyCut(quoted, part('a', '1') + part('b', '2') + '--XyZ--')).toEqual(new Set([2]));
    expect(fieldCounter('multipart/form-data')).toBeUndefined();
  });
});
