import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loginShellHtml } from './login-shell.ts';
import { precompress } from './precompress.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    precompress(),
    {
      name: 'fazhi-login-shell',
      transformIndexHtml: (html) => html.replace('<div id="root"></div>', `${loginShellHtml()}<div id="root"></div>`),
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads it to sum the first page's JS.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // antd is left to the bundler's own splitting: one antd chunk would put every component any page
        // uses (1.36 MB) in front of the sign-in form. Only ECharts, used by one page, is named apart.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/readyz': 'http://localhost:3000' } },
});
