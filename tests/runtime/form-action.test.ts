import { jest } from '@jest/globals';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { bindAction, buildActionRouter } from '../../runtime/server/internal.js';
import { giveFormAction } from '../../runtime/server/references/form-action.js';
import { route } from './in-process-server.js';

/**
 * `$$FORM_ACTION` where React's server renderer cannot get a working form: an action no router serves yet,
 * and one that takes JSON. React catches the error, logs it and renders its JavaScript-only form; the log says why.
 */

function renderLogged(action: (...args: never[]) => unknown): { markup: string; logged: string } {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const markup = renderToString(createElement('form', { action }, createElement('button', null, 'Go')));
    const logged = spy.mock.calls.map((call) => call.map((part) => (part instanceof Error ? part.message : String(part))).join(' ')).join('\n');
    return { markup, logged };
  } finally {
    spy.mockRestore();
  }
}

it('an inline action rendered before any router serves it: the render logs which call is missing', () => {
  const save = bindAction(async (_bound: { id: string }, _form: FormData) => undefined, 'page/Page.save', { id: '1' });
  const { markup, logged } = renderLogged(save);
  expect(logged).toContain('actionwire: no action router serves save, so its form has no URL: call createActionRouter');
  expect(markup).not.toContain('/actions/');
});

it('an action that takes JSON arguments: the render logs that a form cannot post to it', () => {
  const rename = async (title: string): Promise<string> => title;
  giveFormAction(rename);
  buildActionRouter([route('app/rename', false, rename)], '/actions');
  const { markup, logged } = renderLogged(rename);
  expect(logged).toContain('the action app/rename takes JSON arguments, not one FormData, so a form cannot post to it');
  expect(markup).not.toContain('/actions/app/rename');
});

it('a FormData action of a router: its URL under the prefix and base path, each route segment encoded', () => {
  const upload = async (form: FormData): Promise<FormData> => form;
  giveFormAction(upload);
  buildActionRouter([route('files/ünï code/upload', true, upload)], '/rpc', { prefix: '/api' });
  const { markup, logged } = renderLogged(upload);
  expect(logged).toBe('');
  expect(markup).toBe(
    '<form action="/api/rpc/files/%C3%BCn%C3%AF%20code/upload" encType="multipart/form-data" method="POST"><input type="hidden" name="$action"/><button>Go</button></form>',
  );
});
