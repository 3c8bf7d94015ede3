import { parse as parsePath, posix } from 'node:path';
import type ts from 'typescript';
import type * as Ast from 'typescript-7/unstable/ast';
import type * as Sync from 'typescript-7/unstable/sync';
import type { TypeScript7 } from './typescript-7-modules.js';

/** A folder that exists only in what the parser hands TypeScript 7 (which names files with `/`): one tsconfig.json and one file per script kind. */
const FOLDER = `${parsePath(process.cwd()).root.replace(/\\/g, '/')}__actionwire_syntax__`;
const TSCONFIG = posix.join(FOLDER, 'tsconfig.json');
const SCRIPTS = ['module.ts', 'module.tsx', 'module.js', 'module.jsx'] as const;
/** Parse only: no default library, no @types, no import followed — the program is the four files. */
const CONFIG = JSON.stringify({ compilerOptions: { noLib: true, noResolve: true, types: [], allowJs: true, jsx: 'preserve' }, files: SCRIPTS });

/** Which of the folder's files reads `fileName` with the same grammar (TypeScript, TSX, JavaScript, JSX), as ts.createSourceFile's script kinds. */
function scriptFor(fileName: string): (typeof SCRIPTS)[number] {
  if (/\.[cm]?tsx$/.test(fileName)) return 'module.tsx';
  if (/\.[cm]?ts$/.test(fileName)) return 'module.ts';
  if (/\.[cm]?jsx$/.test(fileName)) return 'module.jsx';
  return 'module.js';
}

/**
 * ts.createSourceFile on TypeScript 7, which has no parser in JavaScript: its compiler process (started on the first
 * parse, about 10 ms) parses the text as one file of a program of four files held in memory, and hands back the
 * syntax tree (about 1 ms a file). Also reads a tsconfig's compiler options as that compiler does.
 */
export class TypeScript7Parser {
  private api: Sync.API | undefined;
  private snapshot: Sync.Snapshot | undefined;
  private readonly texts = new Map<string, string>(SCRIPTS.map((script) => [posix.join(FOLDER, script), '']));

  constructor(private readonly typescript: TypeScript7) {}

  /** The syntax tree of `text` (the file `fileName`'s, whose extension picks the grammar), read with the namespace of syntax-namespace.ts. */
  parse(fileName: string, text: string): Ast.SourceFile {
    const path = posix.join(FOLDER, scriptFor(fileName));
    this.texts.set(path, text);
    const api = this.started();
    const previous = this.snapshot;
    this.snapshot = api.updateSnapshot(previous ? { fileChanges: { changed: [path] } } : { openProjects: [TSCONFIG] });
    previous?.dispose();
    const file = this.snapshot.getProject(TSCONFIG)?.program.getSourceFile(path);
    if (!file) throw new Error(`TypeScript ${this.typescript.version} did not parse ${fileName}`);
    return file;
  }

  /** A tsconfig.json's compiler options as TypeScript 7 reads them (TypeScript 6's names, absolute paths; `plugins` left out). */
  compilerOptions(tsconfig: string): ts.CompilerOptions {
    return this.started().parseConfigFile(tsconfig).options as ts.CompilerOptions;
  }

  /** Stops the compiler process; the next call starts another. */
  close(): void {
    this.snapshot?.dispose();
    this.snapshot = undefined;
    this.api?.close();
    this.api = undefined;
  }

  private started(): Sync.API {
    const inFolder = (path: string): boolean => path === FOLDER || path.startsWith(`${FOLDER}/`);
    this.api ??= new this.typescript.sync.API({
      cwd: process.cwd(),
      fs: {
        // undefined: the real file system answers (tsconfig files, their `extends`)
        readFile: (path) => (path === TSCONFIG ? CONFIG : inFolder(path) ? (this.texts.get(path) ?? null) : undefined),
        fileExists: (path) => (inFolder(path) ? path === TSCONFIG || this.texts.has(path) : undefined),
        directoryExists: (path) => (inFolder(path) ? path === FOLDER : undefined),
      },
    });
    return this.api;
  }
}
