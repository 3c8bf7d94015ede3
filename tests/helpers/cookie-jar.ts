import type { ClientOptions } from 'actionwire/client';

/** Keeps cookies between calls, as a browser would, for a Node client. */
export function cookieJar(): { options: Pick<ClientOptions, 'hooks'>; cookies: Map<string, string>; setCookieHeaders: string[] } {
  const cookies = new Map<string, string>();
  const setCookieHeaders: string[] = [];
  return {
    cookies,
    setCookieHeaders,
    options: {
      hooks: {
        beforeRequest: [
          ({ request }) => {
            if (cookies.size > 0) request.headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
          },
        ],
        afterResponse: [
          ({ response }) => {
            for (const header of response.headers.getSetCookie()) {
              setCookieHeaders.push(header);
              const [pair] = header.split(';');
              const [name, ...rest] = pair.split('=');
              const value = rest.join('=');
              if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) cookies.delete(name.trim());
              else cookies.set(name.trim(), value);
            }
          },
        ],
      },
    },
  };
}
