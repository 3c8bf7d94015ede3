import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';
import { BodyTimeoutError, BodyTooLargeError, readBody } from '../../runtime/server/http/body.js';
import { headers, runInActionContext } from '../../runtime/server/context.js';
import { keyCount } from '../../runtime/server/codec/decode-helpers.js';
import { exceedsDepth } from '../../runtime/server/http/json-depth.js';
import { originAllowed } from '../../runtime/server/http/origin.js';
import { parseAllowedOrigins } from '../../runtime/server/http/allowed-origins.js';

function requestStream(declaredLength?: number): PassThrough & IncomingMessage {
  const stream = new PassThrough() as PassThrough & IncomingMessage;
  Object.assign(stream, { headers: declaredLength === undefined ? {} : { 'content-length': String(declaredLength) } });
  return stream;
}

describe('readBody', () => {
  it('joins chunks, even a character split between two of them', async () => {
    const request = requestStream();
    const reading = readBody(request, 100);
    const bytes = Buffer.from('{"city":"Zürich"}');
    const split = bytes.indexOf(0xc3) + 1;
    request.write(bytes.subarray(0, split));
    request.end(bytes.subarray(split));
    await expect(reading).resolves.toBe('{"city":"Zürich"}');
  });

  it('refuses a declared length over the limit without reading', async () => {
    await expect(readBody(requestStream(101), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a streamed body as soon as it passes the limit', async () => {
    const request = requestStream();
    const reading = readBody(request, 10);
    request.write('0123456789');
    request.write('x');
    await expect(reading).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a body still incomplete after the timeout, and stops reading it', async () => {
    const request = requestStream();
    const reading = readBody(request, 100, 20);
    request.write('{"a":');
    await expect(reading).rejects.toBeInstanceOf(BodyTimeoutError);
    expect(request.isPaused()).toBe(true);
    expect(request.listenerCount('data')).toBe(0);
  });

  it('has no time limit with a timeout of 0', async () => {
    const request = requestStream();
    const reading = readBody(request, 100, 0);
    request.write('{"a":');
    setTimeout(() => request.end('1}'), 30);
    await expect(reading).resolves.toBe('{"a":1}');
  });

  it('fails when the client goes away before the end, and on stream errors', async () => {
    const closed = requestStream();
    const reading = readBody(closed, 100);
    closed.write('{"a":');
    closed.destroy();
    await expect(reading).rejects.toThrow('closed the connection');

    const broken = requestStream();
    const failing = readBody(broken, 100);
    broken.destroy(new Error('reset'));
    await expect(failing).rejects.toThrow('reset');
  });
});

describe('headers()', () => {
  const ctx = { request: { headers: { 'x-tag': 'h1', accept: 'application/json', 'x-many': ['a', 'b'] } } } as unknown as Context;

  it('reads names case-insensitively, joins repeated values, and iterates like Headers', () => {
    runInActionContext(ctx, () => {
      const seen = headers();
      expect(seen).toBeInstanceOf(Headers);
      expect(seen.get('X-Tag')).toBe('h1');
      expect(seen.get('x-many')).toBe('a, b');
      expect(seen.get('missing')).toBeNull();
      expect(seen.has('ACCEPT')).toBe(true);
      expect(seen.has('missing')).toBe(false);
      expect([...seen.keys()]).toEqual(['accept', 'x-many', 'x-tag']);
      expect(Object.fromEntries(seen.entries())).toEqual({ accept: 'application/json', 'x-many': 'a, b', 'x-tag': 'h1' });
    });
  });

  it('is read-only', () => {
    runInActionContext(ctx, () => {
      const seen = headers();
      expect(() => seen.set('x-tag', 'other')).toThrow('read-only');
      expect(() => seen.append('x-tag', 'other')).toThrow('read-only');
      expect(() => seen.delete('x-tag')).toThrow('read-only');
      expect(seen.get('x-tag')).toBe('h1');
    });
  });
});

describe('headers() sees only the request’s own headers', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'Constructor', '__PROTO__'];
  const plain = { request: { headers: { 'x-tag': 'h1' } } } as unknown as Context;

  it.each(inherited)('%s: get is null, has is false, iteration never shows it', (name) => {
    runInActionContext(plain, () => {
      const seen = headers();
      expect(seen.get(name)).toBeNull();
      expect(seen.has(name)).toBe(false);
      const names: string[] = [];
      seen.forEach((_value, key) => names.push(key));
      expect(names).toEqual(['x-tag']);
      expect([...seen.keys()]).toEqual(['x-tag']);
      expect([...seen.values()]).toEqual(['h1']);
      expect([...seen.entries()]).toEqual([['x-tag', 'h1']]);
      expect([...seen]).toEqual([['x-tag', 'h1']]);
      expect(seen.getSetCookie()).toEqual([]);
      expect(() => seen.set(name, 'x')).toThrow('read-only');
      expect(() => seen.append(name, 'x')).toThrow('read-only');
      expect(() => seen.delete(name)).toThrow('read-only');
      expect(seen.get(name)).toBeNull();
    });
  });

  it('reads such names when the request really sent them', () => {
    const sent = { request: { headers: { constructor: 'c', tostring: 't' } } } as unknown as Context;
    runInActionContext(sent, () => {
      expect(headers().get('Constructor')).toBe('c');
      expect(headers().has('toString')).toBe(true);
      expect(headers().get('toString')).toBe('t');
      expect(headers().has('__proto__')).toBe(false);
    });
  });
});

describe('exceedsDepth', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { child: value };
    return value;
  };

  it('allows exactly the limit and refuses one level more', () => {
    expect(exceedsDepth(nested(64), 64)).toBe(false);
    expect(exceedsDepth(nested(65), 64)).toBe(true);
    expect(exceedsDepth('text', 0)).toBe(false);
    expect(exceedsDepth({}, 0)).toBe(true);
  });

  it('stops at the limit on values far deeper than the stack', () => {
    expect(exceedsDepth(nested(200_000), 64)).toBe(true);
  });
});

describe('keyCount', () => {
  it('counts own keys, including __proto__ from JSON', () => {
    expect(keyCount({})).toBe(0);
    expect(keyCount(JSON.parse('{"a":1,"__proto__":{"x":1},"b":2}') as object)).toBe(3);
  });
});

describe('originAllowed', () => {
  const none = parseAllowedOrigins([]);
  const subdomainsOfExample = parseAllowedOrigins(['https://*.example.com']);
  it('answers the same for repeated origins, whatever their case, and refuses malformed ones', () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(originAllowed('http://App.Example:8080', 'app.example:8080', none)).toBe(true);
      expect(originAllowed('http://app.example:8080', 'other.example', none)).toBe(false);
      expect(originAllowed('not a url', 'app.example', none)).toBe(false);
      expect(originAllowed('https://api.example.com', 'app.example.com', subdomainsOfExample)).toBe(true);
      expect(originAllowed('http://api.example.com', 'app.example.com', subdomainsOfExample)).toBe(false);
    }
  });

  it('keeps answering correctly past the number of origins it remembers', () => {
    for (let index = 0; index < 600; index++) expect(originAllowed(`https://host${index}.example`, `host${index}.example`, none)).toBe(true);
    expect(originAllowed('https://host1.example', 'host2.example', none)).toBe(false);
  });
});
