import { Readable } from 'node:stream';
import busboy from 'busboy';
import { alternate, grouped, median, round } from './lib/stats.js';

const BOUNDARY = 'actionwire-bench-boundary';
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A form as a browser sends it: a few text fields and one file of `fileBytes` bytes. */
function multipartBody(fileBytes) {
  const part = (headers, content) => Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n${headers}\r\n\r\n`), content, Buffer.from('\r\n')]);
  const file = Buffer.alloc(fileBytes, 0x61);
  return Buffer.concat([
    part('Content-Disposition: form-data; name="title"', Buffer.from('Quarterly report')),
    ...['finance', 'q3', 'draft'].map((tag) => part('Content-Disposition: form-data; name="tags"', Buffer.from(tag))),
    part('Content-Disposition: form-data; name="doc"; filename="report.pdf"\r\nContent-Type: application/pdf', file),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

/** What readFormArguments does: the platform's Request.formData() over the request stream. */
async function withRequestFormData(body) {
  const stream = Readable.toWeb(Readable.from([body]));
  return new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': CONTENT_TYPE }, body: stream, duplex: 'half' }).formData();
}

/** The alternative: busboy streaming the parts, collected into the same FormData of strings and Files. */
function withBusboy(body) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    const parser = busboy({ headers: { 'content-type': CONTENT_TYPE } });
    parser.on('field', (name, value) => form.append(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => form.append(name, new File(chunks, info.filename, { type: info.mimeType })));
    });
    parser.on('close', () => resolve(form));
    parser.on('error', reject);
    Readable.from([body]).pipe(parser);
  });
}

async function formsPerSecond(parse, body, count) {
  const start = process.hrtime.bigint();
  for (let index = 0; index < count; index++) {
    const form = await parse(body);
    if (form.getAll('tags').length !== 3) throw new Error('a parser lost a field');
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Multipart parsing as the form actions do it (Request.formData) vs busboy, on a small and a 1 MB file. */
export async function benchForm({ rounds, log }) {
  const figures = {};
  for (const [label, fileBytes, count] of [['64kb', 64 * 1024, 2000], ['1mb', 1024 * 1024, 200]]) {
    const body = multipartBody(fileBytes);
    const samples = await alternate(rounds, {
      formData: () => formsPerSecond(withRequestFormData, body, count),
      busboy: () => formsPerSecond(withBusboy, body, count),
    });
    const formData = median(samples.formData);
    const viaBusboy = median(samples.busboy);
    log(`  ${label.padEnd(5)} file: Request.formData ${grouped(formData)} forms/s   busboy ${grouped(viaBusboy)} forms/s`);
    figures[`form.${label}.formdata_per_s`] = Math.round(formData);
    figures[`form.${label}.busboy_per_s`] = Math.round(viaBusboy);
    figures[`form.${label}.ratio`] = round(formData / viaBusboy);
  }
  return figures;
}
