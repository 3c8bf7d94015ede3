/** The generated client's own files, beside one file per 'use server' module: no module may take these names. */
export const CLIENT_TYPES_MODULE = '_types';
export const RESERVED_CLIENT_MODULES: ReadonlySet<string> = new Set(['index', CLIENT_TYPES_MODULE]);
