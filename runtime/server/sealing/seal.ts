import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealError } from './seal-error.js';
import { resolveSealKeys, type SealKey, type SealerOptions } from './seal-keys.js';

export { SealError, type SealErrorReason } from './seal-error.js';
export type { SealerOptions } from './seal-keys.js';

/** The longest seal `open` reads (in characters); `seal` refuses plaintexts whose seal would be longer. */
export const MAX_SEAL_LENGTH = 64 * 1024;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_LENGTH = `${VERSION}.`.length + 8 + 1 + 16 + 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /\p{Cs}/u;

export interface Sealer {
  /** Encrypts and authenticates `plaintext` for `route`: `v1.<keyId>.<iv>.<ciphertext+tag>`, URL-safe. */
  seal(route: string, plaintext: string): string;
  /** The plaintext `seal(route, …)` sealed; a SealError for anything else. */
  open(route: string, sealed: string): string;
}

/**
 * Seals the values an inline action captures, so they can travel through the client and come back unchanged
 * and unread: AES-256-GCM with the format version and the action's route as additional authenticated data.
 *
 * @example
 * const sealer = createSealer({ production: process.env.NODE_ENV === 'production' });
 * const bound = sealer.seal('app/posts/page/updatePost', JSON.stringify([post.id]));
 * const [id] = JSON.parse(sealer.open('app/posts/page/updatePost', bound));
 */
export function createSealer(options: SealerOptions): Sealer {
  const keys = resolveSealKeys(options);
  const sealingKey = keys[0];
  if (sealingKey === undefined) throw new Error('actionwire: no seal key');
  const byId = keysById(keys);
  return {
    seal: (route, plaintext) => seal(sealingKey, route, plaintext),
    open: (route, sealed) => open(byId, route, sealed),
  };
}

function keysById(keys: readonly SealKey[]): Map<string, SealKey> {
  const byId = new Map<string, SealKey>();
  for (const key of keys) {
    const same = byId.get(key.id);
    if (same !== undefined && !same.key.equals(key.key)) throw new Error('actionwire: two seal secrets derive the same key id; replace one of them');
    if (same === undefined) byId.set(key.id, key);
  }
  return byId;
}

function additionalData(keyId: string, route: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${route}`, 'utf8');
}

function seal(key: SealKey, route: string, plaintext: string): string {
  if (LONE_SURROGATE.test(route)) throw new TypeError('actionwire: a seal route must be well-formed Unicode');
  if (LONE_SURROGATE.test(plaintext)) throw new TypeError('actionwire: sealed text must be well-formed Unicode (it has a lone surrogate)');
  const data = Buffer.from(plaintext, 'utf8');
  const length = HEADER_LENGTH + Math.ceil(((data.length + TAG_BYTES) * 4) / 3);
  if (length > MAX_SEAL_LENGTH) {
    throw new RangeError(`actionwire: the captured values are too large to seal (${data.length} bytes; a seal holds at most ${MAX_SEAL_LENGTH} characters)`);
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(key.id, route));
  const body = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${key.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function open(keys: ReadonlyMap<string, SealKey>, route: string, sealed: string): string {
  if (typeof sealed !== 'string') throw new SealError('malformed', 'The seal is not a string');
  if (sealed.length > MAX_SEAL_LENGTH) throw new SealError('too-long', `The seal is longer than ${MAX_SEAL_LENGTH} characters`);
  const parts = sealed.split('.');
  const [version, keyId, ivText, bodyText] = parts;
  if (version !== VERSION) {
    if (version !== undefined && /^v\d{1,4}$/.test(version)) throw new SealError('version', `Seal version ${version} is not supported (expected ${VERSION})`);
    throw new SealError('malformed', 'The seal is malformed');
  }
  if (parts.length !== 4 || keyId === undefined || ivText === undefined || bodyText === undefined) throw new SealError('malformed', 'The seal is malformed');
  const iv = decode(ivText);
  const body = decode(bodyText);
  if (keyId.length !== 8 || decode(keyId) === undefined || iv?.length !== IV_BYTES || body === undefined || body.length < TAG_BYTES) {
    throw new SealError('malformed', 'The seal is malformed');
  }
  const key = keys.get(keyId);
  if (key === undefined) throw new SealError('unknown-key', 'The seal was made with a key this server does not have');
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(keyId, route));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    const plaintext = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    return plaintext.toString('utf8');
  } catch {
    throw new SealError('not-authentic', 'The seal is not authentic for this action (tampered, truncated, or made for another action)');
  }
}

/** Strict base64url: only the canonical spelling of some bytes, so no two seals open to the same thing. */
function decode(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
