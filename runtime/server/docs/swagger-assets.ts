import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The files of swagger-ui-dist the reference page loads, by name, with their media types; nothing else of the package is served. */
const ASSETS: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

export interface Asset {
  type: string;
  body: Buffer;
}

/**
 * Swagger UI's files from the installed swagger-ui-dist (an optional peer dependency of actionwire), read on first request
 * and kept. The package is located when the router is built, so a missing one stops the server at start-up.
 */
export function swaggerAssets(): (name: string) => Promise<Asset | undefined> {
  let directory: string;
  try {
    directory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch (error) {
    throw new Error('actionwire: the `docs` option serves Swagger UI from the swagger-ui-dist package, which is not installed (npm install swagger-ui-dist)', { cause: error });
  }
  const loaded = new Map<string, Promise<Asset>>();
  return (name) => {
    const type = ASSETS.get(name);
    if (type === undefined) return Promise.resolve(undefined);
    let asset = loaded.get(name);
    if (asset === undefined) {
      asset = readFile(join(directory, name)).then((body) => ({ type, body }));
      loaded.set(name, asset);
    }
    return asset;
  };
}
