/**
 * The page script: hydrates the client root the server rendered (#root) with the props it rendered it with.
 * The components import actions exactly as server code would — from the 'use server' modules themselves; the
 * client build turns each of those modules into stubs of the generated client, so these calls are HTTP requests
 * to the actions and no server code reaches the bundle. In a browser the client's baseUrl is the page's origin
 * and the session cookie travels by itself: no configureClient needed.
 */
import { createElement, type ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import '../generated/client/index.js'; // registers every action, so references in the props can be called
import { clientRoots, type ClientRootName } from '../components/client-roots.js';
import { decodeProps } from './decode-props.js';

const container = document.getElementById('root');
const name = container?.dataset['root'];
const propsText = document.getElementById('root-props')?.textContent;
if (!container || name === undefined || !Object.hasOwn(clientRoots, name) || propsText == null) {
  throw new Error('actionwire sample: this page has no #root with a known data-root and #root-props');
}
const Root = clientRoots[name as ClientRootName] as ComponentType<object>;
hydrateRoot(container, createElement(Root, decodeProps(JSON.parse(propsText)) as object));
