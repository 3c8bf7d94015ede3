/** What both plugins take. */
export interface BundlerOptions {
  /** the project's tsconfig.json, whose actionwire plugin entry gives `generatedDir`; relative to the bundler's root (default `tsconfig.json`) */
  tsconfig?: string;
  /**
   * Modules that must never reach a client bundle, besides `actionwire/server`: a string matches an import
   * specifier (`'pg'`, `'pg/lib/x'`, `'server-only'`) or a file or folder by its path relative to the root
   * (`'src/db'`, `'src/db/pool.ts'`); a RegExp is tested against both.
   */
  serverOnly?: ReadonlyArray<string | RegExp>;
}

/** The esbuild plugin's options: esbuild has no client and server environments of its own. */
export interface EsbuildPluginOptions extends BundlerOptions {
  /** this build is a server bundle: 'use server' modules stay as they are and nothing is refused (default false) */
  server?: boolean;
}

/** The options each plugin reads. */
export const VITE_OPTIONS: readonly string[] = ['tsconfig', 'serverOnly'];
export const ESBUILD_OPTIONS: readonly string[] = [...VITE_OPTIONS, 'server'];

/** Refuses options a plugin does not read, and values of the wrong type, each with the fix. */
export function checkOptions(options: unknown, known: readonly string[]): void {
  const problems: string[] = [];
  if (typeof options !== 'object' || options === null) throw new Error(`actionwire: the plugin takes an options object ({ tsconfig?, serverOnly? }), got ${String(options)}`);
  const entries = options as Record<string, unknown>;
  for (const key of Object.keys(entries)) if (!known.includes(key)) problems.push(`unknown option "${key}" (the plugin reads ${known.map((name) => `"${name}"`).join(', ')})`);
  if (entries.tsconfig !== undefined && typeof entries.tsconfig !== 'string') problems.push(`"tsconfig" must be a path, got ${JSON.stringify(entries.tsconfig)}`);
  const serverOnly = entries.serverOnly;
  if (serverOnly !== undefined && (!Array.isArray(serverOnly) || !serverOnly.every((entry) => typeof entry === 'string' || entry instanceof RegExp))) {
    problems.push('"serverOnly" must be an array of strings (import specifiers, or paths relative to the root) and RegExps');
  }
  if (entries.server !== undefined && typeof entries.server !== 'boolean') problems.push(`"server" must be a boolean, got ${JSON.stringify(entries.server)}`);
  if (problems.length > 0) throw new Error(`actionwire: ${problems.join('; ')}`);
}
