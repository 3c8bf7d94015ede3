/** One dispatched server-sent event: its type (`message` unless the stream named one), data, and the last id seen. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string;
}

/**
 * The event-stream parser of the HTML standard (§ 9.2.6), fed text in chunks that may end anywhere: inside a
 * field, between a CR and its LF. Comments (`: ping`) and `retry` are skipped; an unfinished event at the end
 * is dropped, as the standard says.
 */
export class EventStreamParser {
  private pending = '';
  private data = '';
  private hasData = false;
  private type = '';
  private lastId = '';

  /** The events completed by this chunk. */
  feed(chunk: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let text = this.pending + chunk;
    let start = 0;
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char !== LF && char !== CR) continue;
      // a CR last in the chunk may be the first half of a CRLF: wait for the next chunk
      if (char === CR && index === text.length - 1) break;
      this.line(text.slice(start, index), events);
      if (char === CR && text.charCodeAt(index + 1) === LF) index++;
      start = index + 1;
    }
    text = text.slice(start);
    this.pending = text;
    return events;
  }

  /** The end of the stream: a CR still held ends its line; an event without its blank line is dropped. */
  end(): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    if (this.pending.endsWith('\r')) this.line(this.pending.slice(0, -1), events);
    this.pending = '';
    return events;
  }

  private line(line: string, events: ServerSentEvent[]): void {
    if (line === '') {
      if (this.hasData) events.push({ event: this.type || 'message', data: this.data, id: this.lastId });
      this.data = '';
      this.hasData = false;
      this.type = '';
      return;
    }
    if (line.charCodeAt(0) === COLON) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === SPACE) value = value.slice(1);
    if (field === 'data') {
      this.data = this.hasData ? `${this.data}\n${value}` : value;
      this.hasData = true;
    } else if (field === 'event') {
      this.type = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.lastId = value;
    }
  }
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
