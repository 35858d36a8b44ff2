import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * The web app. `npx vite --config web/vite.config.ts` serves it on :5173 with the API proxied to a server on :3000;
 * `npx vite build --config web/vite.config.ts` writes dist/web, which the server hands out itself.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd is one large library shared by every page; the pages themselves are split (React.lazy).
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': api,
      '/metrics': api,
      '/open311': api,
    },
  },
});
