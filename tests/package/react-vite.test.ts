import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ChromiumPages, describeWithBrowser, shown } from '../helpers/chromium.js';
import { repoRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createUserProject, documentationBlock, documentationFiles, type UserProject } from '../helpers/user-project.js';

const PAGE = join(repoRoot, 'docs', 'react.md');
const SECRET = 'react-app-secret-9d1c6f';

/**
 * docs/react.md, word for word: a project outside the repository with its install block (the packed tarball,
 * React, Vite), its tsconfig.json and its files, built with its commands (tspc, vite build), served by its Koa
 * server and used in headless Chromium with JavaScript and without.
 */
describeWithBrowser('a React + Vite project set up as docs/react.md says', () => {
  let project: UserProject;
  let server: ServerProcess;
  const chromium = new ChromiumPages();

  async function openPage(javaScriptEnabled: boolean): Promise<Page> {
    const page = await chromium.newPage({ javaScriptEnabled });
    await page.goto(server.url);
    return page;
  }

  beforeAll(async () => {
    project = createUserProject('react', { tsconfig: 'tsconfig:react ', files: documentationFiles(PAGE) });
    const commands = documentationBlock('run:react ').split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(commands).toEqual(['npx tspc', 'npx vite build', 'node dist/server.js']);
    for (const command of commands.slice(0, 2)) {
      const [program = '', ...args] = command.split(' ');
      const result = project.run(program, args);
      if (result.status !== 0) throw new Error(`\`${command}\` failed in ${project.dir}:\n${result.output}`);
    }
    server = await startServerProcess(join(project.dir, 'dist', 'server.js'));
    await chromium.launch();
  });
  afterEach(() => chromium.closePages());
  afterAll(async () => {
    await chromium.close();
    await server?.stop();
    project?.remove();
  });

  it('builds a browser bundle that holds no server code (no secret, no Koa, no server runtime)', () => {
    const bundleDir = join(project.dir, 'dist', 'public');
    const files = readdirSync(bundleDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((entry) => entry.name)).toContain('app.js');
    for (const entry of files) {
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/koa|actionwire\/internal\/server|createActionRouter/);
    }
  });

  it('adds a note with JavaScript through the generated client: no page load, the Date revived, the 422 in the page', async () => {
    const page = await openPage(true);
    await page.waitForFunction(() => document.querySelector('#note-form')?.getAttribute('action')?.startsWith('javascript:') === false);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations.push(frame.url())));
    await page.fill('#note-text', 'with JavaScript');
    const [call] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/actions/notes/addNote')), page.click('#note-submit')]);
    expect(call.request().resourceType()).toBe('fetch');
    expect(await shown(page, '#notes li', 'with JavaScript (Date)')).toBe('with JavaScript (Date)');
    await page.click('#note-submit');
    expect(await shown(page, '#note-error', '422 Write a note first')).toBe('422 Write a note first');
    expect(navigations).toEqual([]);
  });

  it('adds a note without JavaScript: the form posts to the action and comes back, and a failure is shown by the page', async () => {
    const page = await openPage(false);
    await page.fill('#note-text', 'without JavaScript');
    const [landed] = await Promise.all([page.waitForNavigation(), page.click('#note-submit')]);
    expect((await landed?.request().redirectedFrom()?.response())?.status()).toBe(303);
    expect(page.url()).toBe(server.url);
    expect(await page.locator('#notes li').allInnerTexts()).toContain('without JavaScript (Date)');

    await page.fill('#note-text', SECRET);
    await Promise.all([page.waitForNavigation(), page.click('#note-submit')]);
    expect(await shown(page, '#note-error', '409 That note is reserved')).toBe('409 That note is reserved');
  });
});
