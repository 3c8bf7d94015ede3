#!/usr/bin/env node
import { resolve } from 'node:path';
import type { AnalysisOptions } from '../transformer/analysis/analyze.js';
import type { CliOptions } from './cli-options.js';
import { inlineUnavailable, projectTypeScriptMajor } from './project-typescript.js';
import { generateOnTypeScript6 } from './typescript-6-path.js';
import { generateOnTypeScript7 } from './typescript-7-path.js';

const USAGE = `usage: actionwire generate [-p tsconfig.json] [--check] [--watch]

  -p, --project  the tsconfig.json whose plugins list actionwire/transformer (default: ./tsconfig.json)
  --check        write nothing; exit 1 when a generated file is missing or stale
  --watch        regenerate whenever a source file changes`;

/** What the command line asks for: a run, the usage text (exit 0), or a usage error (exit 2). */
type ParsedArguments = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const usageError = (message: string): ParsedArguments => ({ kind: 'error', message: message === '' ? USAGE : `${message}\n\n${USAGE}` });

function parseArguments(args: string[]): ParsedArguments {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) return { kind: 'help' };
  if (args[0] !== 'generate') return usageError(args.length === 0 ? '' : `unknown command ${args[0]}`);
  const options: CliOptions = { project: 'tsconfig.json', check: false, watch: false };
  for (let index = 1; index < args.length; index++) {
    const arg = args[index];
    if (arg === '-p' || arg === '--project') {
      const value = args[++index];
      if (!value) return usageError(`${arg} needs a path`);
      options.project = value;
    } else if (arg === '--check') options.check = true;
    else if (arg === '--watch' || arg === '-w') options.watch = true;
    else if (arg === '-h' || arg === '--help') return { kind: 'help' };
    else return usageError(`unknown option ${arg}`);
  }
  if (options.check && options.watch) return usageError('--check and --watch do not go together');
  return { kind: 'run', options };
}

async function main(): Promise<number | undefined> {
  const command = parseArguments(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === 'error') {
    console.error(command.message);
    return 2;
  }
  const parsed = command.options;
  const project = resolve(parsed.project);
  const options: AnalysisOptions = { inlineUnavailable: inlineUnavailable(project) };
  // the project's own compiler runs the analysis: TypeScript 7 through its checker API, 5.9 and 6 in this process
  return (projectTypeScriptMajor(project) ?? 0) >= 7 ? generateOnTypeScript7(parsed, options) : generateOnTypeScript6(parsed, options);
}

const code = await main();
if (code !== undefined) process.exitCode = code;
