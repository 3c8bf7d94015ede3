import { createElement, type ComponentProps, type ComponentType } from 'react';
import { prerender } from 'react-dom/static';
import { clientRoots, type ClientRootName } from '../components/client-roots.js';
import { Document } from './document.js';
import { encodeProps } from './encode-props.js';

/** `<` escaped, so no text in the props can close the script element that carries them. */
const scriptSafe = (json: string): string => json.replace(/</g, '\\u003c');

/**
 * A whole page as HTML: the client root `name` rendered with `props` inside #root (react-dom/static's
 * `prerender`, which waits for everything to render), and the same props as JSON for the page script, which
 * hydrates #root with them.
 */
export async function renderPage<N extends ClientRootName>(title: string, name: N, props: ComponentProps<(typeof clientRoots)[N]>): Promise<string> {
  const root = createElement(clientRoots[name] as ComponentType<object>, props);
  const { prelude } = await prerender(
    <Document title={title}>
      <div id="root" data-root={name}>
        {root}
      </div>
      <script id="root-props" type="application/json" dangerouslySetInnerHTML={{ __html: scriptSafe(JSON.stringify(encodeProps(props))) }} />
    </Document>,
  );
  return new Response(prelude).text();
}
