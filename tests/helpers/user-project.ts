import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths.js';

/**
 * A user's project, as the README tells users to make one: outside this repository, the packed
 * tarball installed with npm's defaults plus exactly the packages of one of the README's install
 * blocks, and the README's tsconfig.json.
 */
export interface UserProject {
  dir: string;
  /** runs a command in the project (npx, npm, node …); the output is stdout and stderr together */
  run: (command: string, args: string[], options?: { node?: string }) => { status: number; output: string };
  remove: () => void;
}

/** README.md and the pages of docs/, where the install blocks and the tsconfig.json users copy are written. */
function documentation(): string {
  const pages = readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).sort();
  return [join(repoRoot, 'README.md'), ...pages.map((name) => join(repoRoot, 'docs', name))].map((path) => readFileSync(path, 'utf8')).join('\n');
}

/** The fenced block that follows `<!-- marker …-->` in the README or a page of docs/. */
export function documentationBlock(marker: string): string {
  const text = documentation();
  const at = text.indexOf(`<!-- ${marker}`);
  if (at < 0) throw new Error(`neither README.md nor docs/ has a <!-- ${marker} --> block`);
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at));
  if (!match) throw new Error(`no code block after <!-- ${marker} -->`);
  return match[1];
}

/** The commands of one install block of the documentation (`typescript-6`, `typescript-5.9`, `typescript-7`). */
function readmeInstallCommands(key: string): string[] {
  return documentationBlock(`install:${key} `).split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

function documentationTsconfig(marker: string): unknown {
  const parsed = ts.parseConfigFileTextToJson('tsconfig.json', documentationBlock(marker));
  if (parsed.error) throw new Error(`the documentation's tsconfig.json block <!-- ${marker}--> does not parse: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config;
}

/** Every `<!-- file:PATH -->` block of one documentation page, by path: the files a page tells users to write. */
export function documentationFiles(page: string): Record<string, string> {
  const text = readFileSync(page, 'utf8');
  return Object.fromEntries([...text.matchAll(/<!-- file:(\S+) -->\n```[a-z]*\n([\s\S]*?)```/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

/** `npm pkg set scripts.build="a && b"` → ['npm', 'pkg', 'set', 'scripts.build=a && b'] (the README's lines use double quotes only). */
function words(line: string): string[] {
  return [...line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((match) => match[0].replace(/"/g, ''));
}

let packed: string | undefined;

/**
 * The tarball `npm pack` makes of this repository (already built by `npm test`), once per test file, with the
 * package.json users install (scripts/installed-manifest.js, which prepack writes): packed with scripts off and
 * its package.json replaced inside the tarball, so that test files packing at the same time never touch the
 * repository's own package.json.
 */
export function packedTarball(): string {
  if (packed) return packed;
  const destination = mkdtempSync(join(tmpdir(), 'actionwire-pack-'));
  const run = (command: string, args: string[], cwd: string): string => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  const [info] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], repoRoot)) as [{ filename: string }];
  const tarball = join(destination, info.filename);
  const unpacked = join(destination, 'unpacked');
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball, '-C', unpacked], destination);
  writeFileSync(join(unpacked, 'package', 'package.json'), run(process.execPath, [join(repoRoot, 'scripts', 'installed-manifest.js'), 'print'], repoRoot));
  run('tar', ['-czf', tarball, '-C', unpacked, 'package'], destination);
  packed = tarball;
  return packed;
}

/** Runs `command` in a user's project directory (or `node command` with the given Node binary). */
export function runIn(dir: string, command: string, args: string[], node?: string): { status: number; output: string } {
  // Without the npm_* variables `npm test` sets for its scripts: the project is a user's, not this package's.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const env: NodeJS.ProcessEnv = { ...inherited, NODE_OPTIONS: '', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true' };
  const result = node
    ? spawnSync(node, [command, ...args], { cwd: dir, encoding: 'utf8', env })
    : spawnSync(command, args, { cwd: dir, encoding: 'utf8', env });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/**
 * Creates the project in the system's temporary directory with the packed tarball in it, runs the README's
 * install block word for word, writes the README's tsconfig.json and the app of
 * tests/fixtures/user-app. Throws with npm's output when a command fails or prints an npm error.
 */
export interface ProjectSource {
  /** the documentation block of its tsconfig.json (default: the README's) */
  tsconfig?: string;
  /** its files by path (default: tests/fixtures/user-app/src as src/) */
  files?: Record<string, string>;
}

export function createUserProject(installKey: string, source: ProjectSource = {}): UserProject {
  const dir = mkdtempSync(join(tmpdir(), `actionwire-user-${installKey}-`));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'user-app', version: '1.0.0', private: true }, null, 2)}\n`);
  // beside package.json, where the README's install line expects it (a README naming another version fails to install)
  const tarball = packedTarball();
  copyFileSync(tarball, join(dir, basename(tarball)));
  for (const line of readmeInstallCommands(installKey)) {
    const [command, ...args] = words(line);
    const result = runIn(dir, command, args);
    if (result.status !== 0 || /^npm (error|ERR!)/m.test(result.output)) throw new Error(`\`${line}\` failed in ${dir}:\n${result.output}`);
    if (/^npm warn install-scripts/m.test(result.output)) throw new Error(`\`${line}\` warned about install scripts in ${dir}:\n${result.output}`);
  }
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(documentationTsconfig(source.tsconfig ?? 'tsconfig '), null, 2)}\n`);
  if (source.files === undefined) {
    cpSync(join(repoRoot, 'tests', 'fixtures', 'user-app', 'src'), join(dir, 'src'), { recursive: true });
  } else {
    for (const [path, text] of Object.entries(source.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  return {
    dir,
    run: (command, args, options = {}) => runIn(dir, command, args, options.node),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
