/** The actionwire entry of compilerOptions.plugins (`{ "transform": "actionwire/transformer", … }`), if the options list one. */
export function findPluginEntry(options: object): Record<string, unknown> | undefined {
  const plugins: unknown = (options as { plugins?: unknown }).plugins;
  if (!Array.isArray(plugins)) return undefined;
  return (plugins as unknown[]).find(
    (plugin): plugin is Record<string, unknown> =>
      typeof plugin === 'object' && plugin !== null && typeof (plugin as Record<string, unknown>).transform === 'string' && /actionwire[\\/]transformer|actionwire$/.test(String((plugin as Record<string, unknown>).transform)),
  );
}
