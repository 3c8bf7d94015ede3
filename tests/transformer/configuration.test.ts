import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actionwireCli, tspc, writeProject, type PluginOptions } from '../helpers/project.js';

const actions = { 'src/actions.ts': `'use server';\nexport async function f(): Promise<number> { return 1; }\n` };

interface Case {
  name: string;
  options: PluginOptions;
  messages: RegExp[];
}

const cases: Case[] = [
  { name: 'unknown-mode', options: { plugin: { mode: 'edge' } }, messages: [/error TS93011: \[actionwire\/config\] "mode" must be "server" or "client", got "edge"/] },
  { name: 'base-path', options: { basePath: 'api' }, messages: [/error TS93011: \[actionwire\/config\] "basePath" must start with '\/'/] },
  {
    name: 'misspelled',
    options: { plugin: { generatedDIr: 'src/gen', basepath: '/api', colour: 'red' } },
    messages: [
      /\[actionwire\/config\] unknown option "generatedDIr": did you mean "generatedDir"\?/,
      /\[actionwire\/config\] unknown option "basepath": did you mean "basePath"\?/,
      /\[actionwire\/config\] unknown option "colour" \(actionwire reads "generatedDir", "basePath", "mode", "title", "warningsAsErrors", "security", "openapiVersion"\)/,
    ],
  },
  {
    name: 'wrong-types',
    options: { plugin: { title: 3, warningsAsErrors: 'yes' } },
    messages: [/"title" must be a string, got 3/, /"warningsAsErrors" must be a boolean, got "yes"/],
  },
  {
    name: 'outside-root',
    options: { generatedDir: 'generated' },
    messages: [/\[actionwire\/config\] "generatedDir" \(.*[\\/]generated\) is outside rootDir \(.*[\\/]src\).*Use e\.g\. "src[\\/]generated"/],
  },
  { name: 'generated-is-root', options: { generatedDir: 'src' }, messages: [/"generatedDir" is rootDir itself/] },
  {
    name: 'no-root-dir',
    options: { compilerOptions: { rootDir: undefined, outDir: undefined } },
    messages: [/\[actionwire\/config\] compilerOptions\.rootDir is not set: every route is the module's path relative to rootDir/],
  },
  {
    name: 'out-dir-overlap',
    options: { generatedDir: 'src/generated', compilerOptions: { outDir: 'src/generated/out' } },
    messages: [/"generatedDir" \(.*\) and outDir \(.*\) overlap/],
  },
  {
    name: 'security-not-an-object',
    options: { plugin: { security: 'cookie' } },
    messages: [/\[actionwire\/config\] "security" must be an object such as \{ "cookie": "session" \} or \{ "header": "Authorization", "scheme": "bearer" \}, got "cookie"/],
  },
  {
    name: 'security-values',
    options: { plugin: { security: { cookie: 'my session', header: 'X-Key', required: 'yes', scopes: [] } } },
    messages: [
      /\[actionwire\/config\] "security" names both a cookie and a header: keep the one your actions read/,
      /\[actionwire\/config\] "security\.cookie" must be a cookie name \(letters, digits and !#\$%&'\*\+\-\.\^_`\|~\), got "my session"/,
      /\[actionwire\/config\] "security\.required" must be a boolean, got "yes"/,
      /\[actionwire\/config\] unknown option "security\.scopes" \(security reads "cookie", "header", "scheme", "required"\)/,
    ],
  },
  {
    name: 'security-scheme',
    options: { plugin: { security: { header: 'X-Key', scheme: 'bearer token', requird: true } } },
    messages: [
      /"security\.scheme" is the scheme of the Authorization header: write "header": "Authorization" with it, or drop "scheme" for an API key in X-Key/,
      /"security\.scheme" must be an HTTP authentication scheme such as "bearer" or "basic", got "bearer token"/,
      /unknown option "security\.requird": did you mean "required"\?/,
    ],
  },
  {
    name: 'security-authorization-without-scheme',
    options: { plugin: { security: { header: 'authorization' } } },
    messages: [/"security" names the Authorization header without its "scheme": add e\.g\. "scheme": "bearer"/],
  },
  { name: 'security-empty', options: { plugin: { security: {} } }, messages: [/"security" names neither a cookie nor a header: add "cookie": "<name>" or "header": "<name>"/] },
  { name: 'not-a-program-transformer', options: { plugin: { transformProgram: undefined } }, messages: [/add "transformProgram": true to the actionwire\/transformer entry/] },
];

describe('plugin configuration errors: every problem at once, each with its fix, nothing written', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s (tspc)', (name, { options, messages }) => {
    const dir = writeProject(`config-${name}`, actions, options);
    const result = tspc(dir);
    for (const message of messages) expect(result.output).toMatch(message);
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(result.status).not.toBe(0);
    for (const generatedDir of ['src/generated', 'generated', 'src/gen', 'src']) expect(existsSync(join(dir, generatedDir, 'openapi.json'))).toBe(false);
  });

  it.each(cases.filter((testCase) => testCase.name !== 'not-a-program-transformer').map((testCase) => [testCase.name, testCase] as const))(
    '%s (actionwire generate)',
    (name, { options, messages }) => {
      const dir = writeProject(`config-cli-${name}`, actions, options);
      const result = actionwireCli(dir, ['generate']);
      for (const message of messages) expect(result.output).toMatch(message);
      expect(result.output).not.toMatch(/\n\s+at /);
      expect(result.status).toBe(1);
      for (const generatedDir of ['src/generated', 'generated', 'src/gen', 'src']) expect(existsSync(join(dir, generatedDir, 'openapi.json'))).toBe(false);
    },
  );
});
