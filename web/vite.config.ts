import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app, built into web/dist and served by `confer serve` on the API's
 * port. `npm run dev:web` serves it with hot reload and sends /v1, /auth and /scim to a
 * `confer serve` on the default port.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/auth': 'http://127.0.0.1:8080', '/scim': 'http://127.0.0.1:8080' } },
});
