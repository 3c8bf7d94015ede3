import fc from 'fast-check';
import { getDomain } from 'tldts';
import { buildActionRouter } from '../../runtime/server/internal.js';
import { originAccess } from '../../runtime/server/http/origin.js';
import { parseAllowedOrigins, type AllowedOrigins } from '../../runtime/server/http/allowed-origins.js';

/** The message `createActionRouter` throws for these `allowedOrigins`, or undefined when it builds. */
function refusal(...patterns: string[]): string | undefined {
  try {
    buildActionRouter([], '/actions', { allowedOrigins: patterns });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('allowedOrigins are checked when the router is built', () => {
  it.each([
    ['every origin', '*', ['"*"', 'every site', 'corsCredentials', '"https://app.example.com"', '"https://*.example.com"']],
    ['every host of a scheme', 'https://*', ['"https://*"', 'every site', 'corsCredentials']],
    ['every site under a public suffix', '*.com', ['"*.com"', 'public suffix com', '"*.example.com"']],
    ['every site under a two-label public suffix', 'https://*.co.uk', ['"https://*.co.uk"', 'public suffix co.uk', '"https://*.example.co.uk"']],
    ['every site under a private public suffix', 'https://*.github.io', ['public suffix github.io', '"https://*.example.github.io"']],
    ['a wildcard over a name without registrable domain', 'http://*.localhost', ['"http://*.localhost"', 'public suffix localhost']],
    ['a wildcard over an IP address', 'http://*.127.0.0.1', ['"http://*.127.0.0.1"', 'not an origin']],
    ['a default port without a scheme', 'x.com:443', ['"x.com:443"', 'default port', 'write "https://x.com"']],
    ['a wildcard inside a label', 'https://app*.example.com', ['"https://app*.example.com"', 'first label', 'write "https://*.example.com"']],
    ['a wildcard below the first label', 'https://a.*.example.com', ['first label', 'write "https://*.example.com"']],
    ['the default https port', 'https://example.com:443', ['"https://example.com:443"', 'default port', 'write "https://example.com"']],
    ['the default http port', 'http://example.com:80', ['default port', 'write "http://example.com"']],
    ['an upper-case scheme', 'HTTPS://x.com', ['"HTTPS://x.com"', 'lower case', 'write "https://x.com"']],
    ['an upper-case host', 'https://App.Example.com', ['lower case', 'write "https://app.example.com"']],
    ['a trailing slash', 'https://x.com/', ['"https://x.com/"', 'no path', 'write "https://x.com"']],
    ['a path', 'https://x.com/app', ['no path', 'write "https://x.com"']],
    ['a query', 'https://x.com?a=1', ['no path', 'write "https://x.com"']],
    ['a fragment', 'https://x.com#top', ['no path', 'write "https://x.com"']],
    ['a user name', 'https://user:pw@x.com', ['user name', 'write "https://x.com"']],
    ['a Unicode host', 'https://bücher.example', ['punycode', 'write "https://xn--bcher-kva.example"']],
    ['a wildcard with a trailing slash', 'https://*.example.com/', ['no path', 'write "https://*.example.com"']],
    ['an upper-case null', 'NULL', ['"NULL"', 'write "null"']],
    ['an empty string', '', ['""', 'not an origin', '"https://app.example.com"']],
    ['a scheme alone', 'https://', ['"https://"', 'not an origin']],
    ['a port out of range', 'https://x.com:99999', ['not an origin']],
    ['words', 'my site', ['"my site"', 'not an origin']],
  ])('refuses %s (%s), saying what to write', (_what, pattern, parts) => {
    const message = refusal(pattern);
    expect(message).toBeDefined();
    for (const part of parts) expect(message).toContain(part);
  });

  it('refuses a value that is not a string', () => {
    expect(refusal(42 as unknown as string)).toMatch(/allowedOrigins[\s\S]*42[\s\S]*not an origin/);
  });

  it('names every bad pattern in one error', () => {
    const message = refusal('https://ok.example.com', '*', 'https://x.com/');
    expect(message).toContain('"*"');
    expect(message).toContain('"https://x.com/"');
    expect(message).not.toContain('"https://ok.example.com"');
  });

  it.each([
    'https://app.example.com',
    'https://*.example.com',
    'https://*.app.example.co.uk',
    'https://*.example.com:8443',
    'http://trusted.test:8080',
    'app.example.com',
    '*.example.com',
    'null',
    'http://localhost:5173',
    'http://127.0.0.1:5173',
    'http://[::1]:3000',
    'chrome-extension://abcdefghijklmnop',
  ])('accepts %s', (pattern) => {
    expect(refusal(pattern)).toBeUndefined();
  });
});

/** What one generated pattern is made of, so that the test knows an origin it must admit. */
interface PatternParts {
  scheme: 'https' | 'http' | 'HTTPS' | undefined;
  wildcard: '' | '*.' | '*' | 'a*.' | '*.*.';
  labels: string[];
  suffix: string;
  port: '' | ':443' | ':80' | ':8443';
  tail: '' | '/' | '/x' | '?q';
}

const label = fc.stringMatching(/^[a-zA-Z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const suffixes = ['com', 'co.uk', 'github.io', 'test', 'example', 'localhost', 'org', 'com.au', 'blogspot.com', 'b.br', 'uk'];
const parts: fc.Arbitrary<PatternParts> = fc.record({
  scheme: fc.constantFrom('https' as const, 'http' as const, 'HTTPS' as const, undefined),
  wildcard: fc.constantFrom('' as const, '*.' as const, '*' as const, 'a*.' as const, '*.*.' as const),
  labels: fc.array(label, { maxLength: 2 }),
  suffix: fc.constantFrom(...suffixes),
  port: fc.constantFrom('' as const, ':443' as const, ':80' as const, ':8443' as const),
  tail: fc.constantFrom('' as const, '/' as const, '/x' as const, '?q' as const),
});

function patternOf(p: PatternParts): string {
  const host = [...p.labels, p.suffix].join('.');
  return `${p.scheme === undefined ? '' : `${p.scheme}://`}${p.wildcard}${host}${p.port}${p.tail}`;
}

/** An origin that the accepted pattern names, with `sub` as the label a wildcard stands for. */
function originFor(p: PatternParts, sub: string): string {
  const host = [...p.labels, p.suffix].join('.').toLowerCase();
  const scheme = (p.scheme ?? 'https').toLowerCase();
  return `${scheme}://${p.wildcard === '' ? '' : `${sub}.`}${host}${p.port}`;
}

const OWN_HOST = 'server.internal';
const RUNS = Number(process.env['FC_RUNS'] ?? 400);

describe('every accepted allowedOrigins pattern (property)', () => {
  it('admits the origins it names, and none under another registrable domain; a refusal names the pattern and its advice is accepted', () => {
    const otherHost = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom(...suffixes, 'net', 'co.jp')).map(([labels, suffix]) => [...labels, suffix].join('.').toLowerCase());
    fc.assert(
      fc.property(parts, label, otherHost, fc.constantFrom('https', 'http'), (p, sub, other, otherScheme) => {
        const pattern = patternOf(p);
        let allowed: AllowedOrigins;
        try {
          allowed = parseAllowedOrigins([pattern]);
        } catch (error) {
          const message = (error as Error).message;
          expect(message).toContain(JSON.stringify(pattern));
          const advice = /write (".*?")/.exec(message)?.[1];
          if (advice !== undefined) expect(() => parseAllowedOrigins([JSON.parse(advice) as string])).not.toThrow();
          return;
        }
        const named = originFor(p, sub.toLowerCase());
        expect(originAccess(named, OWN_HOST, allowed)).toBe('allowed');
        const patternHost = new URL(named).hostname;
        const origin = `${otherScheme}://${other}`;
        const otherSite = getDomain(other, { allowPrivateDomains: true });
        const sameSite = otherSite !== null && otherSite === getDomain(patternHost, { allowPrivateDomains: true });
        if (!sameSite && other !== patternHost) expect(originAccess(origin, OWN_HOST, allowed)).toBe('refused');
      }),
      { numRuns: RUNS },
    );
  });
});
