import * as client from 'actionwire/client';
import * as internalClient from 'actionwire/internal/client';
import * as internalServer from 'actionwire/internal/server';
import * as server from 'actionwire/server';

describe('the entry points', () => {
  it('actionwire/server holds what actions use (the typed forms’ fieldsOf among them, and the errors onError may see), nothing generated code needs', () => {
    expect(Object.keys(server).sort()).toEqual(['ActionError', 'NotAnActionError', 'OutputMismatchError', 'cookies', 'fieldsOf', 'formProblem', 'getContext', 'headers', 'lastEventId', 'mayThrow', 'signal', 'toReference']);
  });

  it('actionwire/client holds configuration, errors, references, the cookie jar hooks and the React form fallback', () => {
    expect(Object.keys(client).sort()).toEqual(['ActionError', 'configureClient', 'cookieJarHooks', 'fromReference', 'isActionReference', 'withFormFallback']);
  });

  it('the internal entry points hold what generated code calls, and share no name with the public ones', () => {
    expect(Object.keys(internalServer)).toEqual(expect.arrayContaining(['buildActionRouter', 'defineModuleRoutes', 'bindAction', 'inlineAction']));
    expect(Object.keys(internalClient)).toEqual(expect.arrayContaining(['bindActions', 'createCaller', 'defaultCaller', 'registerActions']));
    expect(Object.keys(internalServer).filter((name) => name in server)).toEqual([]);
    expect(Object.keys(internalClient).filter((name) => name in client)).toEqual([]);
  });
});
