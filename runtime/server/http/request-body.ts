import { finished, Readable, Transform, type TransformCallback } from 'node:stream';
import type { Context } from 'koa';
import { ActionError } from '../action-error.js';
import { BodyTimeoutError, BodyTooLargeError, bodyReadFailure, bodyTimer, endsEmpty, readBody, refusalBeforeReading, refuseBody, stopReading } from './body.js';
import { fieldCounter, type FieldCounter } from './form-fields.js';
import { exceedsDepth } from './json-depth.js';
import { DEFAULT_MAX_DEPTH, type ResolvedLimits } from '../options.js';

function mediaType(ctx: Context): string {
  const header = ctx.req.headers['content-type'];
  // the common case, spelled as clients send it, without splitting
  if (header === 'application/json') return header;
  return header?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

/** Read from Node's parsed headers directly (Koa's getters parse Content-Length on every read). */
function hasBody(ctx: Context): boolean {
  const headers = ctx.req.headers;
  const length = headers['content-length'];
  return (length !== undefined && Number.parseInt(length, 10) > 0) || (headers['transfer-encoding'] ?? '') !== '';
}

function refuse(ctx: Context, status: number, message: string): never {
  throw new ActionError(status, message, { headers: refuseBody(ctx.req) });
}

/**
 * A body of a media type the action does not take: `empty` when it turns out to have no content (a chunked
 * body's length is known only at its end: an empty one is a bare POST too), else a 415 with `message`.
 */
function unlessEmpty<T>(ctx: Context, limits: ResolvedLimits, message: string, empty: () => T): Promise<T> {
  if (ctx.req.headers['content-length'] !== undefined) refuse(ctx, 415, message);
  return endsEmpty(ctx.req, limits.bodyTimeout).then((isEmpty) => (isEmpty ? empty() : refuse(ctx, 415, message)));
}

/**
 * The JSON arguments object of a call; an empty body is `{}`. Not an async function: reading, parsing and
 * the depth check resolve one promise (the body's).
 */
export function readJsonArguments(ctx: Context, limits: ResolvedLimits): Promise<unknown> | unknown {
  if (!hasBody(ctx)) return {};
  const type = mediaType(ctx);
  if (!isJsonType(type)) {
    return unlessEmpty(ctx, limits, FORM_TYPES.has(type) ? 'This action takes its arguments as application/json, not as a form' : 'Send the arguments as application/json', () => ({}));
  }
  return readBody(ctx.req, limits.bodyLimit, limits.bodyTimeout, limits.maxDepth === DEFAULT_MAX_DEPTH ? parseArguments : (text) => parseJsonArguments(text, limits.maxDepth));
}

function parseArguments(text: string): unknown {
  return parseJsonArguments(text, DEFAULT_MAX_DEPTH);
}

function parseJsonArguments(text: string, maxDepth: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (text.trim() === '') return {};
    throw new ActionError(400, 'The request body is not valid JSON');
  }
  // d nested arrays or objects take 2·d characters: a shorter text cannot nest deeper than the limit
  if (text.length > 2 * maxDepth && exceedsDepth(value, maxDepth)) throw new ActionError(400, `The request body nests deeper than ${maxDepth} levels`);
  return value;
}

function tooManyFields(maxFields: number, headers: Record<string, string> = {}): ActionError {
  return new ActionError(413, `The form has more than ${maxFields} fields`, { headers });
}

/**
 * Stands between the request and the form parser: counts bytes and fields on their way through, and
 * ends the parse with the reason (`refusal`) when the body grows too large, holds too many fields,
 * arrives too slowly, or the client goes away. A form with too many fields ends the parse at once; when its
 * length is declared (and so within the byte limit), the rest of its body is still read and dropped, so that
 * a browser still sending it gets the 413 instead of a reset connection; a body of unknown length is not
 * waited for (the answer closes the connection).
 */
class FormGuard extends Transform {
  refusal: Error | undefined;
  /** true once the parse is over: what still arrives is only counted */
  draining = false;
  private received = 0;

  constructor(
    private readonly limits: ResolvedLimits,
    private readonly fields: FieldCounter | undefined,
    private readonly lengthDeclared: boolean,
  ) {
    super();
  }

  stop(reason: Error): void {
    this.refusal ??= reason;
    this.destroy(reason);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limits.bodyLimit) {
      this.refusal ??= new BodyTooLargeError(this.limits.bodyLimit);
      callback(this.refusal);
    } else if (this.draining) {
      callback();
    } else if (this.fields !== undefined && this.fields.add(chunk) > this.limits.maxFields) {
      if (!this.lengthDeclared) {
        this.refusal ??= tooManyFields(this.limits.maxFields, { Connection: 'close' });
        callback(this.refusal);
        return;
      }
      this.refusal ??= tooManyFields(this.limits.maxFields);
      this.draining = true;
      this.push(null);
      callback();
    } else {
      callback(null, chunk);
    }
  }
}

/**
 * The FormData of a multipart/form-data or urlencoded body (what a plain HTML form sends), parsed by
 * the platform's own `Request.formData()` behind the byte, field and time limits, then held to the file limit.
 */
export async function readFormArguments(ctx: Context, limits: ResolvedLimits): Promise<FormData> {
  if (!hasBody(ctx)) return new FormData();
  const type = mediaType(ctx);
  if (!FORM_TYPES.has(type)) return unlessEmpty(ctx, limits, 'This action takes a form: send multipart/form-data or application/x-www-form-urlencoded', () => new FormData());
  const refusal = refusalBeforeReading(ctx.req, limits.bodyLimit);
  if (refusal) throw refusal;
  const guard = new FormGuard(limits, fieldCounter(ctx.get('content-type')), ctx.req.headers['content-length'] !== undefined);
  const timer = bodyTimer(ctx.req, limits.bodyTimeout, () => guard.stop(new BodyTimeoutError(limits.bodyTimeout)));
  // pipe() does not pass on the request's end by error or close: without this, a client that goes away mid-upload would leave the parse waiting forever.
  const unwatch = finished(ctx.req, (error) => {
    if (error) guard.stop(bodyReadFailure(error));
  });
  ctx.req.pipe(guard);
  const request = new Request('http://actionwire.invalid/', {
    method: 'POST',
    headers: { 'content-type': ctx.get('content-type') },
    body: Readable.toWeb(guard) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  let form: FormData | undefined;
  let failure: unknown;
  try {
    form = await request.formData();
  } catch (error) {
    failure = error;
  } finally {
    const release = (): void => {
      clearTimeout(timer);
      unwatch();
    };
    // a draining guard still reads the body under the time limit: release when it has all of it (or failed)
    if (guard.draining) finished(guard.resume(), release);
    else release();
  }
  if (guard.refusal !== undefined) {
    if (!guard.draining) stopReading(ctx.req);
    throw guard.refusal;
  }
  if (form === undefined) {
    throw new ActionError(400, `The form body could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
  let fields = 0;
  for (const [name, value] of form) {
    fields += 1;
    if (fields > limits.maxFields) throw tooManyFields(limits.maxFields);
    if (typeof value !== 'string' && value.size > limits.maxFileSize) {
      throw new ActionError(413, `The file in field "${name}" is larger than ${limits.maxFileSize} bytes`);
    }
  }
  return form;
}
