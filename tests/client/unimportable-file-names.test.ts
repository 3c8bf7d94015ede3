import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpRoot } from '../helpers/paths.js';
import { tspc, writeProject } from '../helpers/project.js';
import { unimportableCharacters } from '../../transformer/analysis/names/importable-paths.js';

/**
 * routes.ts and the generated client import each module by a relative specifier, which TypeScript reads as a
 * path and Node's ES module loader as a URL: a file name holding a character they read differently builds
 * but cannot be imported at run time. No specifier works for both, so such files are build errors.
 */

const action = (name: string): string => `'use server';\nexport async function where(): Promise<string> {\n  return ${JSON.stringify(name)};\n}\n`;

describe('modules whose file names Node cannot import', () => {
  it('are errors at the module, naming the file and the characters to avoid', () => {
    const dir = writeProject('unimportable-file-names', {
      'src/100%.ts': action('100%'),
      'src/a#b?c.ts': action('a#b?c'),
      // a module with inline actions is imported by routes.ts too
      'src/pages/50%/page.ts': `// a page\nexport function page(id: string) {\n  return async function save(): Promise<string> {\n    'use server';\n    return id;\n  };\n}\n`,
      'src/fine.ts': action('fine'),
    });
    const result = tspc(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("src/100%.ts(1,1): error TS93017: [actionwire/unimportable-file-name] This 'use server' module cannot be imported by Node's ES module loader: its path from the generated files (../100%.js) holds '%'");
    expect(result.output).toContain("src/a#b?c.ts(1,1): error TS93017: [actionwire/unimportable-file-name] This 'use server' module cannot be imported by Node's ES module loader: its path from the generated files (../a#b?c.js) holds '#', '?'");
    expect(result.output).toMatch(/src\/pages\/50%\/page\.ts\(3,10\): error TS93017: \[actionwire\/unimportable-file-name\] This module, which has inline 'use server' functions, cannot be imported .* holds '%'/);
    expect(result.output).not.toMatch(/src\/fine\.ts/);
  });
});

describe('unimportableCharacters', () => {
  it("names exactly the characters of a file name that Node's ES module loader cannot import by a relative specifier", () => {
    const dir = join(tmpRoot, 'unimportable-characters');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // every ASCII character a file name can hold (not '/' nor NUL), and a few others
    const characters = [...Array.from({ length: 127 }, (_, code) => String.fromCharCode(code + 1)).filter((character) => character !== '/'), 'ü', '€', '😀'];
    const probe = `
import { writeFileSync } from 'node:fs';
const characters = ${JSON.stringify(characters)};
const failing = [];
for (const [index, character] of characters.entries()) {
  const name = 'm' + index + character + '.mjs';
  writeFileSync(name, 'export const index = ' + index + ';');
  try {
    if ((await import('./' + name)).index !== index) failing.push(character);
  } catch {
    failing.push(character);
  }
}
console.log(JSON.stringify(failing));
`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(result.status).toBe(0);
    const failing = JSON.parse(result.stdout) as string[];
    expect(characters.filter((character) => unimportableCharacters(`./a${character}b.js`).length > 0)).toEqual(failing);
    expect(unimportableCharacters('../my file/grüße.js')).toEqual([]);
  });
});
