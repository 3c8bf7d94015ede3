import { dirname, resolve } from 'node:path';

/** The plugin entry of tsconfig.json, as written by the user. */
export interface PluginConfig {
  generatedDir?: string;
  basePath?: string;
  mode?: 'server' | 'client';
  /** `info.title` of the OpenAPI document; defaults to the package name */
  title?: string;
}

export interface ResolvedConfig {
  /** absolute */
  generatedDir: string;
  basePath: string;
  mode: 'server' | 'client';
  title: string | undefined;
  /** the directory of tsconfig.json (or the working directory) */
  projectDir: string;
}

export class ConfigError extends Error {}

export function resolveConfig(config: PluginConfig, configFilePath: string | undefined, rootDir: string): ResolvedConfig {
  const projectDir = configFilePath ? dirname(configFilePath) : process.cwd();
  const basePath = (config.basePath ?? '/actions').replace(/\/+$/, '');
  if (basePath !== '' && !/^\/[A-Za-z0-9._~\-/]*$/.test(basePath)) {
    throw new ConfigError(`actionwire: basePath must start with '/' and hold only URL path characters, got ${JSON.stringify(config.basePath)}`);
  }
  const mode = config.mode ?? 'server';
  if (mode !== 'server' && mode !== 'client') throw new ConfigError(`actionwire: mode must be "server" or "client", got ${JSON.stringify(mode)}`);
  if (mode === 'client') {
    throw new ConfigError(
      'actionwire: mode "client" is not available yet; in client code, import the generated client (generatedDir/client/…) instead of the server modules',
    );
  }
  return {
    generatedDir: config.generatedDir ? resolve(projectDir, config.generatedDir) : resolve(rootDir, 'generated'),
    basePath,
    mode,
    title: config.title,
    projectDir,
  };
}
