import { parse as parseHost } from 'tldts';

/** One checked entry of `allowedOrigins`: an origin's scheme (undefined: any) and host, or, with `subdomains`, every host below it. */
export interface OriginPattern {
  /** `https:` */
  readonly scheme: string | undefined;
  /** lower case, ASCII, with the port when there is one: `example.com`, `example.com:8443` */
  readonly host: string;
  readonly subdomains: boolean;
}

/** `allowedOrigins` as the router matches them. */
export interface AllowedOrigins {
  /** `null` is listed: documents with an opaque origin (sandboxed frames, `file:` pages) may call */
  readonly opaque: boolean;
  readonly patterns: readonly OriginPattern[];
}

type Checked = { kind: 'opaque' } | { kind: 'pattern'; pattern: OriginPattern } | { kind: 'problem'; problem: string };

const EXAMPLES = '"https://app.example.com" or "https://*.example.com"';

/**
 * Checks `allowedOrigins` when the router is built: every entry must be written as a browser sends
 * `Origin` (`https://app.example.com`, lower case, no default port, no path), or be `null`, or a
 * wildcard over the subdomains of a registrable domain (`https://*.example.com`: never `*`, nor
 * `*.com` or `*.co.uk`, which would admit every site under a public suffix). Throws one error naming
 * every refused entry and what to write instead.
 */
export function parseAllowedOrigins(entries: readonly string[]): AllowedOrigins {
  const problems: string[] = [];
  const patterns: OriginPattern[] = [];
  let opaque = false;
  for (const entry of entries) {
    const checked = checkEntry(entry);
    if (checked.kind === 'problem') problems.push(`${JSON.stringify(entry)} ${checked.problem}`);
    else if (checked.kind === 'opaque') opaque = true;
    else patterns.push(checked.pattern);
  }
  if (problems.length > 0) throw new Error(`actionwire: options.allowedOrigins has entries the router refuses:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return { opaque, patterns };
}

function checkEntry(entry: unknown): Checked {
  const problem = (text: string): Checked => ({ kind: 'problem', problem: text });
  if (typeof entry !== 'string') return problem(`is not an origin: write scheme://host[:port], e.g. ${EXAMPLES}`);
  if (entry === 'null') return { kind: 'opaque' };
  if (entry.toLowerCase() === 'null') return problem('is the opaque origin in upper case: write "null"');
  const schemeEnd = entry.indexOf('://');
  const scheme = schemeEnd > 0 ? entry.slice(0, schemeEnd) : undefined;
  const url = parseUrl(scheme === undefined ? `${SCHEMELESS}//${entry}` : entry);
  if (url === undefined || url.host === '') return problem(`is not an origin: write scheme://host[:port], e.g. ${EXAMPLES}`);
  // without a scheme, a default port means its scheme: `x.com:443` is best written `https://x.com`
  const portScheme = scheme === undefined ? SCHEME_OF_DEFAULT_PORT.get(url.port) : undefined;
  const prefix = scheme !== undefined ? `${url.protocol}//` : portScheme !== undefined ? `${portScheme}://` : '';
  const port = url.port === '' || portScheme !== undefined ? '' : `:${url.port}`;
  if (url.hostname === '*') {
    return problem(
      `would let every site on the web call your actions from its pages (and, with corsCredentials: true, act with your users' cookies): ` +
        `list the origins that may call, e.g. ${EXAMPLES}; clients that send no Origin (servers, curl) need no entry`,
    );
  }
  if (url.hostname.includes('*')) {
    const wildcard = checkWildcard(url.hostname, (host) => `${prefix}*.${host}${port}`);
    if (wildcard !== undefined) return problem(wildcard);
  }
  if (portScheme !== undefined) {
    const otherScheme = portScheme === 'https' ? 'http' : 'https';
    return problem(`has the default port of ${portScheme}, which browsers leave out of Origin: write "${prefix}${url.hostname}" (or, for ${otherScheme} on that port, "${otherScheme}://${url.host}")`);
  }
  const written = `${prefix}${url.host}`;
  if (entry !== written) return problem(`is not written as browsers send Origin (${spellingDifferences(entry, scheme, url).join('; ')}): write ${JSON.stringify(written)}`);
  const subdomains = url.hostname.startsWith('*.');
  return { kind: 'pattern', pattern: { scheme: scheme === undefined ? undefined : url.protocol, host: subdomains ? url.host.slice(2) : url.host, subdomains } };
}

/**
 * An entry without a scheme is parsed as a URL of this one: it lower-cases and IDNA-encodes hosts as
 * http's does, and its default port, 21, is one browsers refuse to fetch from, so no port an origin
 * can carry is dropped.
 */
const SCHEMELESS = 'ftp:';

const SCHEME_OF_DEFAULT_PORT = new Map([
  ['443', 'https'],
  ['80', 'http'],
]);

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Why a wildcard host (`*.example.com`) admits too much or cannot match, or undefined when it is sound. */
function checkWildcard(hostname: string, written: (host: string) => string): string | undefined {
  const afterLastWildcard = hostname.indexOf('.', hostname.lastIndexOf('*'));
  const parent = afterLastWildcard === -1 ? '' : hostname.slice(afterLastWildcard + 1);
  const advice = (host: string): string => JSON.stringify(written(registrable(host) ? host : `example.${host || 'com'}`));
  if (!hostname.startsWith('*.') || hostname.includes('*', 1)) {
    return `has a * that is not the first label: a * stands for the subdomains of a domain, as the first label only; write ${advice(parent)}`;
  }
  if (!registrable(parent)) {
    const suffix = parseHost(parent, { allowPrivateDomains: true }).publicSuffix ?? parent;
    return `would let every site under the public suffix ${suffix} call your actions: a wildcard must stand below a domain of your own; write ${advice(parent)}`;
  }
  return undefined;
}

/** The host is at or below a registrable domain (`example.co.uk`), not a public suffix (`co.uk`, `github.io`) itself. */
function registrable(host: string): boolean {
  return host !== '' && parseHost(host, { allowPrivateDomains: true }).domain !== null;
}

/** How an entry that parses as an origin differs from the origin browsers send. */
function spellingDifferences(entry: string, scheme: string | undefined, url: URL): string[] {
  const afterScheme = scheme === undefined ? entry : entry.slice(scheme.length + 3);
  const tailStart = afterScheme.search(/[/?#]/);
  const authority = tailStart === -1 ? afterScheme : afterScheme.slice(0, tailStart);
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const differences: string[] = [];
  if (/[A-Z]/.test(authority) || (scheme !== undefined && scheme !== scheme.toLowerCase())) differences.push('in lower case');
  if (/[^\x20-\x7e]/.test(hostAndPort)) differences.push('the host in punycode, as browsers send it');
  if (url.username !== '' || url.password !== '') differences.push('no user name or password');
  const explicitPort = /:(\d*)$/.exec(hostAndPort);
  if (explicitPort !== null && url.port === '') differences.push(`no default port ${explicitPort[0]}`);
  if (tailStart !== -1) differences.push('no path, query or fragment: an Origin has none, not even a trailing "/"');
  return differences.length > 0 ? differences : ['as browsers send it'];
}
