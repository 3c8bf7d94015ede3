import { hkdfSync, randomBytes } from 'node:crypto';

/** HKDF-SHA256 salt for every seal key; changing it invalidates every seal in circulation. */
const SEAL_KEY_SALT = 'actionwire-seal-v1';
const KEY_INFO = 'aes-256-gcm key';
const KEY_ID_INFO = 'key id';
const KEY_ID_BYTES = 6;
const MIN_SECRET_LENGTH = 32;

export interface SealKey {
  /** 8 base64url characters naming the key inside a seal; derived apart from the key, so it reveals nothing of it */
  readonly id: string;
  readonly key: Buffer;
}

export interface SealerOptions {
  /** one secret, or a list to rotate keys (seal with the first, open with any); default: `ACTIONWIRE_SECRET`, comma-separated */
  secret?: string | readonly string[];
  /** without a secret: true throws, false uses a random key of this process and warns once */
  production: boolean;
  /** where the one development warning goes (default `console.warn`) */
  warn?: (message: string) => void;
}

function deriveSealKey(material: string | Uint8Array): SealKey {
  const derive = (info: string, length: number) => Buffer.from(hkdfSync('sha256', material, SEAL_KEY_SALT, info, length));
  return { id: derive(KEY_ID_INFO, KEY_ID_BYTES).toString('base64url'), key: derive(KEY_INFO, 32) };
}

/** The keys to seal with (the first) and open with (any), from the option, `ACTIONWIRE_SECRET`, or the process's random key. */
export function resolveSealKeys(options: SealerOptions): SealKey[] {
  const secrets = configuredSecrets(options.secret);
  if (secrets === undefined) {
    if (options.production) throw new Error(NO_SECRET_IN_PRODUCTION);
    return [developmentKey(options.warn ?? console.warn)];
  }
  return secrets.map(checkedSecret).map(deriveSealKey);
}

function configuredSecrets(option: string | readonly string[] | undefined): readonly string[] | undefined {
  if (option !== undefined) {
    const list = typeof option === 'string' ? [option] : option;
    if (list.length === 0) throw new Error('actionwire: the `secret` option is an empty list; give at least one secret (the newest first)');
    return list;
  }
  const variable = process.env.ACTIONWIRE_SECRET;
  if (variable === undefined) return undefined;
  const list = variable.split(',').map((secret) => secret.trim()).filter((secret) => secret !== '');
  return list.length === 0 ? undefined : list;
}

function checkedSecret(secret: string, index: number): string {
  if (typeof secret !== 'string' || [...secret].length < MIN_SECRET_LENGTH) {
    throw new Error(
      `actionwire: seal secret #${index + 1} is too short: use at least ${MIN_SECRET_LENGTH} random characters ` +
        '(e.g. `node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"`)',
    );
  }
  return secret;
}

const NO_SECRET_IN_PRODUCTION =
  'actionwire: no secret to seal the values inline actions capture. Set the ACTIONWIRE_SECRET environment variable ' +
  `(at least ${MIN_SECRET_LENGTH} random characters; a comma-separated list to rotate keys, newest first) ` +
  'or the router option `secret`, the same on every server instance.';

const DEVELOPMENT_KEY = Symbol.for('actionwire.seal.developmentKey');

/** One random key per process, kept on globalThis so that two copies of this package share it and warn once. */
function developmentKey(warn: (message: string) => void): SealKey {
  const store = globalThis as unknown as Record<symbol, SealKey | undefined>;
  const existing = store[DEVELOPMENT_KEY];
  if (existing !== undefined) return existing;
  const created = deriveSealKey(randomBytes(32));
  store[DEVELOPMENT_KEY] = created;
  warn(
    'actionwire: no ACTIONWIRE_SECRET (or router option `secret`) set, so inline actions seal their captured values with a ' +
      'random key of this process: seals will not survive a restart or reach another server instance.',
  );
  return created;
}
