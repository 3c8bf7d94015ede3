import { jest } from '@jest/globals';
import fc from 'fast-check';
import { createSealer, MAX_SEAL_LENGTH, SealError, type SealErrorReason, type Sealer } from '../../runtime/server/sealing/seal.js';

const OLD = 'old-secret-0123456789abcdefghijklmnopqrstuv';
const NEW = 'new-secret-0123456789abcdefghijklmnopqrstuv';
const ROUTE = 'app/posts/page/updatePost';
const quiet = { production: true, warn: () => undefined };

function refusal(open: () => string): SealErrorReason {
  try {
    open();
  } catch (error) {
    if (SealError.is(error)) return error.reason;
    throw error;
  }
  throw new Error('the seal opened');
}

/** Flips one byte of one dot-separated part of a seal (decoded as base64url, except the version). */
function flipByte(sealed: string, part: number, byte: number): string {
  const parts = sealed.split('.');
  const text = parts[part] ?? '';
  const bytes = part === 0 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'base64url');
  const index = byte < 0 ? bytes.length + byte : byte;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  parts[part] = part === 0 ? bytes.toString('latin1') : bytes.toString('base64url');
  return parts.join('.');
}

let savedSecret: string | undefined;
beforeEach(() => {
  savedSecret = process.env.ACTIONWIRE_SECRET;
  delete process.env.ACTIONWIRE_SECRET;
});
afterEach(() => {
  if (savedSecret === undefined) delete process.env.ACTIONWIRE_SECRET;
  else process.env.ACTIONWIRE_SECRET = savedSecret;
});

describe('round trip', () => {
  const sealer = () => createSealer({ ...quiet, secret: NEW });

  it.each([
    ['an empty text', ''],
    ['JSON', JSON.stringify([42, { at: '2026-11-26T14:00:00.000Z', n: '12345678901234567890' }])],
    ['non-ASCII text', 'Zürich — 東京 🎉 \u0000 \u2028'],
    ['a large text', 'x'.repeat(40_000)],
  ])('opens %s to what was sealed', (_what, plaintext) => {
    const sealed = sealer().seal(ROUTE, plaintext);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealer().open(ROUTE, sealed)).toBe(plaintext);
  });

  it('hides the plaintext and never seals twice alike', () => {
    const a = sealer().seal(ROUTE, 'post-1234567');
    const b = sealer().seal(ROUTE, 'post-1234567');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[3] ?? '', 'base64url').toString('latin1')).not.toContain('post-');
  });

  it('seals the largest text whose seal open reads, and no larger', () => {
    const largest = Math.floor(((MAX_SEAL_LENGTH - 'v1.12345678.1234567890123456.'.length) * 3) / 4) - 16;
    const sealed = sealer().seal(ROUTE, 'é'.repeat(largest / 2));
    expect(sealed.length).toBeLessThanOrEqual(MAX_SEAL_LENGTH);
    expect(sealer().open(ROUTE, sealed)).toBe('é'.repeat(largest / 2));
    expect(() => sealer().seal(ROUTE, 'x'.repeat(largest + 1))).toThrow(/too large to seal/);
  });

  it('refuses to seal what it could not open again', () => {
    expect(() => sealer().seal(ROUTE, 'x'.repeat(MAX_SEAL_LENGTH))).toThrow(RangeError);
    expect(() => sealer().seal(ROUTE, 'lone \uD800 surrogate')).toThrow(TypeError);
    expect(() => sealer().seal('route\uDC00', 'x')).toThrow(TypeError);
  });
});

describe('tampering', () => {
  const sealer = createSealer({ ...quiet, secret: NEW });
  const sealed = sealer.seal(ROUTE, JSON.stringify(['post-42', 7]));

  it.each<[string, number, number, SealErrorReason]>([
    ['version letter', 0, 0, 'malformed'],
    ['version number', 0, 1, 'version'],
    ['key id', 1, 0, 'unknown-key'],
    ['iv', 2, 5, 'not-authentic'],
    ['ciphertext', 3, 0, 'not-authentic'],
    ['tag', 3, -1, 'not-authentic'],
  ])('a flipped byte in the %s is refused', (_region, part, byte, reason) => {
    expect(refusal(() => sealer.open(ROUTE, flipByte(sealed, part, byte)))).toBe(reason);
  });

  it('another version is refused as such', () => {
    expect(refusal(() => sealer.open(ROUTE, `v2${sealed.slice(2)}`))).toBe('version');
    expect(refusal(() => sealer.open(ROUTE, 'v2.anything'))).toBe('version');
  });

  it('every truncation is refused', () => {
    const short = sealer.seal(ROUTE, '1');
    for (let length = 0; length < short.length; length++) {
      expect(() => sealer.open(ROUTE, short.slice(0, length))).toThrow(SealError);
    }
  });

  it('a seal made for one route does not open for another', () => {
    const other = 'app/posts/page/deletePost';
    const forOther = sealer.seal(other, JSON.stringify(['post-42', 7]));
    expect(refusal(() => sealer.open(other, sealed))).toBe('not-authentic');
    expect(refusal(() => sealer.open(ROUTE, forOther))).toBe('not-authentic');
    expect(sealer.open(other, forOther)).toBe(JSON.stringify(['post-42', 7]));
  });

  it('a seal made with another secret is refused', () => {
    const foreign = createSealer({ ...quiet, secret: OLD }).seal(ROUTE, 'x');
    expect(refusal(() => sealer.open(ROUTE, foreign))).toBe('unknown-key');
    const renamed = [...foreign.split('.').slice(0, 1), sealed.split('.')[1], ...foreign.split('.').slice(2)].join('.');
    expect(refusal(() => sealer.open(ROUTE, renamed))).toBe('not-authentic');
  });

  it.each<[string, unknown, SealErrorReason]>([
    ['not a string', 42, 'malformed'],
    ['empty', '', 'malformed'],
    ['extra parts', `${sealed}.AAAA`, 'malformed'],
    ['padding', `${sealed}==`, 'malformed'],
    ['standard base64', sealed.replace(/[A-Za-z0-9]$/, '+'), 'malformed'],
    ['too long', `v1.${'A'.repeat(MAX_SEAL_LENGTH)}`, 'too-long'],
  ])('malformed input (%s) is refused before decryption', (_what, input, reason) => {
    expect(refusal(() => sealer.open(ROUTE, input as string))).toBe(reason);
  });

  it('the error speaks Koa’s contract and is recognised across copies', () => {
    let caught: unknown;
    try {
      sealer.open(ROUTE, 'nonsense');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SealError);
    expect(caught).toMatchObject({ name: 'SealError', status: 400, expose: true, code: 'actionwire/bad-seal' });
    const fromAnotherCopy = { get [Symbol.for('actionwire.SealError')]() { return true; } };
    expect(SealError.is(fromAnotherCopy)).toBe(true);
    expect(SealError.is(new Error('x'))).toBe(false);
  });
});

describe('key rotation', () => {
  const oldOnly = createSealer({ ...quiet, secret: [OLD] });
  const newOnly = createSealer({ ...quiet, secret: [NEW] });
  const rotated = createSealer({ ...quiet, secret: [NEW, OLD] });

  it('opens a seal of the old key after rotation', () => {
    expect(rotated.open(ROUTE, oldOnly.seal(ROUTE, 'a'))).toBe('a');
  });

  it('seals with the first key', () => {
    expect(newOnly.open(ROUTE, rotated.seal(ROUTE, 'b'))).toBe('b');
    expect(rotated.open(ROUTE, newOnly.seal(ROUTE, 'c'))).toBe('c');
  });

  it('refuses a seal of a key that was dropped', () => {
    expect(refusal(() => newOnly.open(ROUTE, oldOnly.seal(ROUTE, 'd')))).toBe('unknown-key');
  });
});

describe('ACTIONWIRE_SECRET', () => {
  it('is the key when no option is given', () => {
    process.env.ACTIONWIRE_SECRET = OLD;
    const fromEnvironment = createSealer({ production: true });
    expect(createSealer({ ...quiet, secret: OLD }).open(ROUTE, fromEnvironment.seal(ROUTE, 'e'))).toBe('e');
  });

  it('holds a comma-separated list, newest first', () => {
    process.env.ACTIONWIRE_SECRET = ` ${NEW} , ${OLD} ,`;
    const fromEnvironment = createSealer({ production: true });
    expect(fromEnvironment.open(ROUTE, createSealer({ ...quiet, secret: OLD }).seal(ROUTE, 'f'))).toBe('f');
    expect(createSealer({ ...quiet, secret: NEW }).open(ROUTE, fromEnvironment.seal(ROUTE, 'g'))).toBe('g');
  });

  it('gives way to the option', () => {
    process.env.ACTIONWIRE_SECRET = OLD;
    const sealed = createSealer({ ...quiet, secret: NEW }).seal(ROUTE, 'h');
    expect(refusal(() => createSealer({ production: true }).open(ROUTE, sealed))).toBe('unknown-key');
  });
});

describe('secrets', () => {
  it.each<[string, () => Sealer]>([
    ['an option', () => createSealer({ ...quiet, secret: 'x'.repeat(31) })],
    ['the second of a list', () => createSealer({ ...quiet, secret: [NEW, 'short'] })],
    ['an empty string', () => createSealer({ ...quiet, secret: '' })],
    [
      'the environment',
      () => {
        process.env.ACTIONWIRE_SECRET = `${NEW},tooshort`;
        return createSealer(quiet);
      },
    ],
  ])('shorter than 32 characters (%s) are refused', (_where, create) => {
    expect(create).toThrow(/too short: use at least 32/);
  });

  it('of exactly 32 characters are accepted', () => {
    expect(() => createSealer({ ...quiet, secret: 'x'.repeat(32) })).not.toThrow();
  });

  it('an empty list is refused', () => {
    expect(() => createSealer({ ...quiet, secret: [] })).toThrow(/empty list/);
  });
});

describe('no secret', () => {
  const developmentKey = Symbol.for('actionwire.seal.developmentKey');
  beforeEach(() => {
    delete (globalThis as unknown as Record<symbol, unknown>)[developmentKey];
  });

  it.each([['unset', undefined], ['empty', ''], ['only commas', ' , ']])('in production (variable %s) is a startup error saying how to set one', (_what, value) => {
    if (value !== undefined) process.env.ACTIONWIRE_SECRET = value;
    expect(() => createSealer({ production: true })).toThrow(/ACTIONWIRE_SECRET[\s\S]*router option `secret`/);
  });

  it('in development uses one random key per process and warns once', () => {
    const warn = jest.fn<(message: string) => void>();
    const first = createSealer({ production: false, warn });
    const second = createSealer({ production: false, warn });
    const third = createSealer({ production: false, warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/will not survive a restart or reach another server instance/);
    expect(second.open(ROUTE, first.seal(ROUTE, 'i'))).toBe('i');
    expect(first.open(ROUTE, third.seal(ROUTE, 'j'))).toBe('j');
    expect(refusal(() => createSealer({ ...quiet, secret: NEW }).open(ROUTE, first.seal(ROUTE, 'k')))).toBe('unknown-key');
  });

  it('in development warns through console.warn by default', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      createSealer({ production: false });
      createSealer({ production: false });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('properties', () => {
  const sealer = createSealer({ ...quiet, secret: [NEW, OLD] });
  const text = fc.string({ unit: 'binary', maxLength: 200 });

  it('open(seal(x)) === x for any text and route', () => {
    fc.assert(fc.property(text, text, (route, plaintext) => sealer.open(route, sealer.seal(route, plaintext)) === plaintext));
  });

  it('any single-character change to a seal is refused', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ é';
    fc.assert(
      fc.property(text, text, fc.nat(), fc.constantFrom(...alphabet), (route, plaintext, at, replacement) => {
        const sealed = sealer.seal(route, plaintext);
        const index = at % sealed.length;
        fc.pre(sealed[index] !== replacement);
        const changed = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
        return SealError.is(catchError(() => sealer.open(route, changed)));
      }),
      { numRuns: 500 },
    );
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
