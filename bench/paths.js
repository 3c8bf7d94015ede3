import { fileURLToPath } from 'node:url';

export const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
export const rootDirectory = fileURLToPath(new URL('..', import.meta.url));
export const fixtureDirectory = fileURLToPath(new URL('fixture/', import.meta.url));
export const fixtureOutput = fileURLToPath(new URL('fixture/dist/', import.meta.url));
export const scratchDirectory = fileURLToPath(new URL('.tmp/', import.meta.url));
