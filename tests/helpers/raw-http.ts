import { request, type Agent, type OutgoingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

/** One request with node:http, so a test controls sockets, chunking and exact headers. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer | Array<string | Buffer>; agent?: Agent },
): Promise<RawResponse> {
  const body = options.body;
  const headers: OutgoingHttpHeaders = { ...options.headers };
  // A body sent in one piece gets a Content-Length (as fetch would); pieces go chunked, unless a length is given.
  if ((typeof body === 'string' || Buffer.isBuffer(body)) && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    if (Array.isArray(body)) body.forEach((piece) => req.write(piece));
    else if (body !== undefined) req.write(body);
    req.end();
  });
}
