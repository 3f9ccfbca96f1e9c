/**
 * Vite build of the dashboard. Routes and the map are lazy chunks (see `src/App.tsx`); the dev
 * server proxies `/api` to the API on port 3000 (`kechuang serve`).
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Rounds every number of a GeoJSON geometry to `digits` decimals (3 ≈ 100 m). */
function roundCoordinates(value: unknown, digits: number): unknown {
  if (typeof value === 'number') return Number(value.toFixed(digits));
  if (Array.isArray(value)) return value.map((v) => roundCoordinates(v, digits));
  return value;
}

/**
 * The vendored map (`*.geo.json`, kept byte-for-byte as copied, see PROVENANCE.md) is shipped
 * with coordinates rounded to 3 decimals: invisible on a district map, about half the bytes.
 */
function geoJsonPrecision(digits = 3): Plugin {
  return {
    name: 'kechuang-geojson-precision',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.geo.json')) return null;
      const geo = JSON.parse(code) as { features: { geometry: { coordinates: unknown } }[] };
      for (const f of geo.features) {
        f.geometry.coordinates = roundCoordinates(f.geometry.coordinates, digits);
      }
      return { code: JSON.stringify(geo), map: null };
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [geoJsonPrecision(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
