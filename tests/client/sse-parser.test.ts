import fc from 'fast-check';
import { EventStreamParser, type ServerSentEvent } from '../../runtime/client/sse-parser.js';

/**
 * The incremental parser against a straightforward one that reads the whole text at once, over random streams
 * (multi-line data, CR / LF / CRLF line ends, comments, fields without a colon or a space, unknown fields, ids,
 * non-ASCII text) cut into random chunks at any byte, UTF-8 sequences and CRLF pairs included.
 */
const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 500);
const SEED = process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

/** The HTML standard's algorithm, on the whole stream: split into lines first, then read each. */
function referenceParse(text: string): ServerSentEvent[] {
  const lines = text.split(/\r\n|\r|\n/);
  // the last piece has no line end: an unfinished line, which the stream's end drops
  lines.pop();
  const events: ServerSentEvent[] = [];
  let data: string[] = [];
  let type = '';
  let id = '';
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) events.push({ event: type || 'message', data: data.join('\n'), id });
      data = [];
      type = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    if (field === 'event') type = value;
    if (field === 'id' && !value.includes('\0')) id = value;
  }
  return events;
}

const lineText = fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', ':', 'é', '€', '😀', '\0', 'd', 'i'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).map((text) => text.replace(/[\r\n]/g, ''));
const eol = fc.constantFrom('\n', '\r', '\r\n');
const line = fc.oneof(
  fc.tuple(fc.constantFrom('data', 'event', 'id', 'retry', 'other', 'data:', ''), fc.constantFrom(':', ': ', ''), lineText).map(([field, colon, value]) => `${field}${colon}${value}`),
  lineText.map((text) => `:${text}`),
  fc.constant(''),
);
const stream = fc.array(fc.tuple(line, eol), { maxLength: 40 }).chain((lines) =>
  fc.tuple(fc.constant(lines.map(([text, end]) => text + end).join('')), fc.option(lineText, { nil: undefined })).map(([body, tail]) => body + (tail ?? '')),
);

function parseInChunks(bytes: Uint8Array, cuts: number[]): ServerSentEvent[] {
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  const events: ServerSentEvent[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    events.push(...parser.feed(decoder.decode(bytes.subarray(start, cut), { stream: true })));
    start = cut;
  }
  events.push(...parser.feed(decoder.decode(bytes.subarray(start))));
  events.push(...parser.end());
  return events;
}

describe('the client’s event-stream parser', () => {
  it('gives the reference parser’s events wherever the chunks end', () => {
    fc.assert(
      fc.property(
        stream.chain((text) => {
          const bytes = new TextEncoder().encode(text);
          return fc.tuple(fc.constant(text), fc.constant(bytes), fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }));
        }),
        ([text, bytes, cuts]) => {
          expect(parseInChunks(bytes, cuts)).toEqual(referenceParse(text));
        },
      ),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('reads the events actionwire sends: ids, multi-line data, comments, CRLF split between chunks', () => {
    const parser = new EventStreamParser();
    const events = [
      ...parser.feed('event: message\r'),
      ...parser.feed('\nid: 1\r\ndata: {"a":\r\ndata: 1}\r\n: ping\r\n\r'),
      ...parser.feed('\nevent: done\ndata: null\n\n'),
    ];
    expect(events).toEqual([
      { event: 'message', data: '{"a":\n1}', id: '1' },
      { event: 'done', data: 'null', id: '1' },
    ]);
  });
});
