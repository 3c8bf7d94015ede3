/**
 * Why no HTTP request can reach an action exported as `exportName`, if none can: the name is the last
 * segments of its route, and URLs lose `.` and `..` segments to normalisation (`/m/../f` is `/f`), while an
 * empty segment (`""`, `"a/"`, `"a//b"`) is dropped or merged by the server's path handling.
 */
export function unroutableNameProblem(exportName: string): string | undefined {
  const segment = exportName.split('/').find((part) => part === '' || part === '.' || part === '..');
  if (segment === undefined) return undefined;
  const what = segment === '' ? 'an empty path segment' : `the path segment '${segment}', which URL normalisation removes`;
  return `Server action ${JSON.stringify(exportName)} cannot be called over HTTP: its name is part of its route and holds ${what}; export it under another name`;
}
