import { isWithin, toPosix } from '../transformer/analysis/names/module-paths.js';
import { isAbsolute, join, relative } from 'node:path';
import type { BundlerOptions } from './bundler-options.js';
import { clientStubText } from './client-stub.js';
import { generatedActionNames, generatedClientPath, specifierFrom } from './generated-client.js';
import { ImportChains } from './import-chain.js';
import { readModuleSyntax } from './module-syntax.js';
import { readProjectSettings, type ProjectSettings } from './project-settings.js';
import { loadProjectTypeScript, type ProjectTypeScript } from './project-typescript.js';
import { serverOnlyReason } from './server-only.js';

/** A 'use server' module's replacement, and the generated file it re-exports (the bundler watches it). */
export interface ClientModule {
  code: string;
  generatedClient: string;
}

const SCRIPT = /\.[cm]?[jt]sx?$/;

/**
 * One client bundle as both plugins see it, whatever the bundler: the imports it resolves (refused when they
 * reach server code, with the chain that got there) and the modules it loads ('use server' modules become
 * stubs of the generated client). The bundler adapters translate hooks into these calls and errors into theirs.
 */
export class ClientGraph {
  private readonly chains: ImportChains;
  private settings: ProjectSettings | undefined;
  private typescript: Promise<ProjectTypeScript> | undefined;

  constructor(
    private readonly root: string,
    private readonly options: BundlerOptions,
  ) {
    this.chains = new ImportChains(root);
  }

  /** A new build (or the dev server's start): reads the tsconfig again, forgets the last build's imports. */
  async start(): Promise<void> {
    this.settings = readProjectSettings(await this.projectTypeScript(), this.root, this.options.tsconfig);
    this.chains.clear();
  }

  /** The generated client's folder, which stubs import from: a dev server watches it for tspc --watch's rewrites. */
  async generatedClientDirectory(): Promise<string> {
    return join((await this.projectSettings()).generatedDir, 'client');
  }

  /** The build is over: lets go of the project's TypeScript (TypeScript 7's compiler process); a next build takes it again. */
  async close(): Promise<void> {
    // a TypeScript that failed to load was reported by the build; there is nothing to let go of
    const typescript = await this.typescript?.catch(() => undefined);
    typescript?.close();
  }

  /** Throws when `importer` (a resolved path; undefined for an entry) may not import `specifier`, which resolved to `resolved`. */
  resolved(specifier: string, importer: string | undefined, resolved: string | undefined): void {
    const reason = serverOnlyReason(specifier, resolved, this.root, this.options.serverOnly ?? []);
    if (reason !== undefined) {
      // a package by the name it is imported under, a file of the project by its path
      const shown = /^[./]/.test(specifier) || isAbsolute(specifier) ? (resolved ?? specifier) : specifier;
      throw new Error(`actionwire: a client bundle imports server code: ${reason}.\n  import chain: ${this.chains.describe(shown, importer)}`);
    }
    if (resolved !== undefined) this.chains.record(importer, resolved);
  }

  /** What the bundler should load instead of this module's code: a stub for a 'use server' module; undefined when it stays as it is. */
  async load(fileName: string, code: string): Promise<ClientModule | undefined> {
    if (!SCRIPT.test(fileName) || /[\\/]node_modules[\\/]/.test(fileName)) return undefined;
    const typescript = await this.projectTypeScript();
    const syntax = readModuleSyntax(typescript, fileName, code);
    if (syntax.kind === 'plain') return undefined;
    if (syntax.kind === 'inline-actions') {
      throw new Error(
        `actionwire: a client bundle imports ${this.display(fileName)}, which holds inline server actions (${syntax.functionNames.join(', ')}): it is server code. ` +
          `Hand its actions to the client as values (return them from an action) instead of importing the module.\n  import chain: ${this.chains.describe(fileName)}`,
      );
    }
    const settings = await this.projectSettings();
    if (!isWithin(settings.rootDir, fileName)) {
      throw new Error(`actionwire: the 'use server' module ${this.display(fileName)} is outside rootDir (${this.display(settings.rootDir)}) of ${this.display(settings.tsconfig)}: tspc generates no client for it.\n  import chain: ${this.chains.describe(fileName)}`);
    }
    const generatedClient = generatedClientPath(settings, fileName);
    const actions = generatedActionNames(typescript, generatedClient);
    if (actions === undefined) {
      throw new Error(
        `actionwire: the generated client of the 'use server' module ${this.display(fileName)} (${this.display(generatedClient)}) does not exist: ` +
          `run tspc (or actionwire generate, or keep tspc --watch running) on ${this.display(settings.tsconfig)} first.\n  import chain: ${this.chains.describe(fileName)}`,
      );
    }
    const missing = syntax.exportNames.filter((name) => !actions.has(name));
    if (missing.length > 0) {
      throw new Error(
        `actionwire: the 'use server' module ${this.display(fileName)} exports ${missing.map((name) => `'${name}'`).join(', ')}, which its generated client (${this.display(generatedClient)}) lacks: ` +
          `either the generated client is stale (run tspc or actionwire generate again) or the export is not an async function (tspc reports it: every value a 'use server' module exports is a server action).\n  import chain: ${this.chains.describe(fileName)}`,
      );
    }
    return { code: clientStubText(specifierFrom(fileName, generatedClient), syntax.exportNames, syntax.exportsStar), generatedClient };
  }

  /**
   * What a dependency scanner (Vite's pre-bundling) should read of this module: a 'use server' module's stub, or
   * nothing when it cannot be made yet — so the scan never pre-bundles the server module's imports (Koa, a
   * database driver) for the browser. Problems are left to the build itself, which reports them with their chain.
   */
  async scanView(fileName: string, code: string): Promise<string | undefined> {
    try {
      return (await this.load(fileName, code))?.code;
    } catch {
      return readModuleSyntax(await this.projectTypeScript(), fileName, code).kind === 'plain' ? undefined : 'export {};\n';
    }
  }

  /** The project's TypeScript, loaded once for the plugin's life. */
  private projectTypeScript(): Promise<ProjectTypeScript> {
    this.typescript ??= loadProjectTypeScript();
    return this.typescript;
  }

  /** The tsconfig as the last start() read it (or now, when a dev server asks before its build starts). */
  private async projectSettings(): Promise<ProjectSettings> {
    this.settings ??= readProjectSettings(await this.projectTypeScript(), this.root, this.options.tsconfig);
    return this.settings;
  }

  private display(path: string): string {
    return toPosix(relative(this.root, path)) || '.';
  }
}
