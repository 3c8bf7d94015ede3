import type { ReactNode } from 'react';
import { PAGE_STYLE } from './page-style.js';

export interface DocumentProps {
  title: string;
  children: ReactNode;
}

/** Every page's shell: charset, viewport, the navigation, and the page script (which hydrates #root). */
export function Document({ title, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <style>{PAGE_STYLE}</style>
      </head>
      <body>
        <header>
          <h1>{title}</h1>
          <nav>
            <a id="home-link" href="/">Home</a>
            <a id="post-link" href="/posts/1">Post #1</a>
            <a id="docs-link" href="/docs">API reference</a>
            <a id="openapi-link" href="/docs/openapi.json">openapi.json</a>
          </nav>
        </header>
        <noscript><p>Creating and listing users need JavaScript; signing in, feedback and editing a post work without it.</p></noscript>
        {children}
        <script type="module" src="/app.js" />
      </body>
    </html>
  );
}
