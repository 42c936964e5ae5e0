import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by both hosts (app:// in Electron, loopback HTTP in the web host),
// so every asset URL is relative.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
    // One bundle, read from local disk: what matters is the gzipped size, which `npm run bench` holds to 250 KB;
    // Vite's default 500 KB (raw) warning only alarmed newcomers running the demo.
    chunkSizeWarningLimit: 1024,
  },
});
