/** Counts a form's fields as its bytes stream by, so a form with too many is refused before it is all parsed. */
export interface FieldCounter {
  /** Counts the fields that `chunk` starts and returns the count so far. */
  add(chunk: Buffer): number;
}

const AMPERSAND = 0x26;

/** `a=1&b=2`: a field starts at each byte that is not `&` and follows `&` or the start (`&&` holds no field). */
class UrlencodedFieldCounter implements FieldCounter {
  private fields = 0;
  private atFieldStart = true;

  add(chunk: Buffer): number {
    let position = 0;
    while (position < chunk.length) {
      if (this.atFieldStart) {
        if (chunk[position] === AMPERSAND) {
          position += 1;
          continue;
        }
        this.fields += 1;
        this.atFieldStart = false;
      }
      const separator = chunk.indexOf(AMPERSAND, position);
      if (separator === -1) break;
      this.atFieldStart = true;
      position = separator + 1;
    }
    return this.fields;
  }
}

/**
 * Multipart: counts the delimiters (CRLF `--boundary`, the first one also at the very start), including
 * those split between chunks. Every delimiter but the closing one starts a part, so `n` delimiters
 * mean at least `n - 1` parts: the count lags by one part at most. (Delimiters written after the
 * closing one, in an epilogue no client sends, are counted too.)
 */
class MultipartFieldCounter implements FieldCounter {
  private delimiters = 0;
  /** the last bytes seen (up to the delimiter's length less one), as if the body began with CRLF */
  private tail = Buffer.from('\r\n');

  constructor(private readonly delimiter: Buffer) {}

  add(chunk: Buffer): number {
    const length = this.delimiter.length;
    const head = Buffer.concat([this.tail, chunk.subarray(0, length - 1)]);
    for (let at = head.indexOf(this.delimiter); at !== -1 && at < this.tail.length; at = head.indexOf(this.delimiter, at + 1)) this.delimiters += 1;
    for (let at = chunk.indexOf(this.delimiter); at !== -1; at = chunk.indexOf(this.delimiter, at + length)) this.delimiters += 1;
    this.tail = chunk.length >= length - 1 ? Buffer.from(chunk.subarray(chunk.length - (length - 1))) : Buffer.concat([this.tail, chunk]).subarray(-(length - 1));
    return Math.max(this.delimiters - 1, 0);
  }
}

const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i;

/** The counter for a form's content type; undefined for a multipart body without a boundary (which the parser refuses anyway). */
export function fieldCounter(contentType: string): FieldCounter | undefined {
  if (!contentType.toLowerCase().startsWith('multipart/')) return new UrlencodedFieldCounter();
  const match = BOUNDARY.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary === undefined ? undefined : new MultipartFieldCounter(Buffer.from(`\r\n--${boundary}`, 'latin1'));
}
