import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { Context } from 'koa';
import { ActionError } from './action-error.js';
import { BodyTooLargeError, discardBody, readBody } from './body.js';
import { exceedsDepth } from './json-depth.js';
import type { ResolvedLimits } from './options.js';

function mediaType(ctx: Context): string {
  return ctx.get('content-type').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

function hasBody(ctx: Context): boolean {
  return (ctx.request.length ?? 0) > 0 || ctx.get('transfer-encoding') !== '';
}

function refuse(ctx: Context, status: number, message: string): never {
  discardBody(ctx.req);
  throw new ActionError(status, message);
}

/** The JSON arguments object of a call; an empty body is `{}`. */
export async function readJsonArguments(ctx: Context, limits: ResolvedLimits): Promise<unknown> {
  if (!hasBody(ctx)) return {};
  const type = mediaType(ctx);
  if (!isJsonType(type)) {
    refuse(ctx, 415, FORM_TYPES.has(type) ? 'This action takes its arguments as application/json, not as a form' : 'Send the arguments as application/json');
  }
  const text = await readBody(ctx.req, limits.bodyLimit);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ActionError(400, 'The request body is not valid JSON');
  }
  if (exceedsDepth(value, limits.maxDepth)) throw new ActionError(400, `The request body nests deeper than ${limits.maxDepth} levels`);
  return value;
}

/** Counts bytes on their way to the form parser and stops the stream past the limit. */
class ByteLimit extends Transform {
  exceeded = false;
  private received = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) {
      this.exceeded = true;
      callback(new BodyTooLargeError(this.limit));
      return;
    }
    callback(null, chunk);
  }
}

/**
 * The FormData of a multipart/form-data or urlencoded body (what a plain HTML form sends), parsed by
 * the platform's own `Request.formData()` behind a byte limit, then held to the field and file limits.
 */
export async function readFormArguments(ctx: Context, limits: ResolvedLimits): Promise<FormData> {
  if (!hasBody(ctx)) return new FormData();
  const type = mediaType(ctx);
  if (!FORM_TYPES.has(type)) refuse(ctx, 415, 'This action takes a form: send multipart/form-data or application/x-www-form-urlencoded');
  const declared = Number(ctx.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.bodyLimit) {
    discardBody(ctx.req);
    throw new BodyTooLargeError(limits.bodyLimit);
  }
  const limiter = new ByteLimit(limits.bodyLimit);
  ctx.req.pipe(limiter);
  const request = new Request('http://actionwire.invalid/', {
    method: 'POST',
    headers: { 'content-type': ctx.get('content-type') },
    body: Readable.toWeb(limiter) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (limiter.exceeded) {
      discardBody(ctx.req);
      throw new BodyTooLargeError(limits.bodyLimit);
    }
    throw new ActionError(400, `The form body could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let fields = 0;
  for (const [name, value] of form) {
    fields += 1;
    if (fields > limits.maxFields) throw new ActionError(413, `The form has more than ${limits.maxFields} fields`);
    if (typeof value !== 'string' && value.size > limits.maxFileSize) {
      throw new ActionError(413, `The file in field "${name}" is larger than ${limits.maxFileSize} bytes`);
    }
  }
  return form;
}
