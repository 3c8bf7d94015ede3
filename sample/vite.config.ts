// The page script's build: web/main.tsx → dist/public/app.js (served at /app.js). actionwire/vite turns every
// 'use server' module the components import into stubs of the generated client (generated/client/, written by
// `tspc -p sample/tsconfig.json` first), so the bundle calls the actions over HTTP and holds no server code.
import react from '@vitejs/plugin-react';
import actionwire from 'actionwire/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), actionwire({ tsconfig: 'tsconfig.json' })],
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    rollupOptions: { input: 'web/main.tsx', output: { entryFileNames: 'app.js' } },
  },
});
