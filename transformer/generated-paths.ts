import { relative, resolve, sep } from 'node:path';

/** A test of whether a path lies in `directory` (the directory itself included). */
export function insideOf(directory: string): (path: string) => boolean {
  return (path) => {
    const rest = relative(directory, resolve(path));
    return rest === '' || (!rest.startsWith('..') && !rest.startsWith(sep));
  };
}
