/** The actionwire entry of a tsconfig's `compilerOptions.plugins`, if it has one. */
export function pluginEntry(plugins: unknown): Record<string, unknown> | undefined {
  const list = Array.isArray(plugins) ? (plugins as unknown[]) : [];
  return list.find(
    (plugin): plugin is Record<string, unknown> =>
      typeof plugin === 'object' && plugin !== null && typeof (plugin as Record<string, unknown>).transform === 'string' && /actionwire[\\/]transformer|actionwire$/.test(String((plugin as Record<string, unknown>).transform)),
  );
}
