import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { gzipBytes, initialScripts, readManifest, type Manifest } from './initial-scripts';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Ceilings on each page's JavaScript before it renders (gzip), at today's sizes with a little
 * room: a library pulled into the shell or a page (the editor, the charts) breaks them. The
 * goals are lower (docs/benchmarks.md, "Web delivery"); lower these as the pages get there.
 * Login carries the form library every form uses (react-hook-form with its zod resolver,
 * ~14.5 kB); the list loads it only when an organiser opens the new-consultation dialog.
 */
const PAGES = [
  { page: 'login', sources: ['src/routes/LoginRoute.tsx'], ceilingKb: 215 },
  { page: 'consultation list', sources: ['src/routes/ConsultationListRoute.tsx'], ceilingKb: 220 },
  {
    page: 'paper',
    sources: ['src/routes/ConsultationLayoutRoute.tsx', 'src/routes/PaperRoute.tsx'],
    ceilingKb: 455,
  },
];

describe('JavaScript each page loads before it renders', () => {
  let manifest: Manifest;

  beforeAll(() => {
    if (!existsSync(`${DIST}/.vite/manifest.json`)) {
      throw new Error('No build to check: run `pnpm build` first');
    }
    manifest = readManifest(DIST);
  });

  it.each(PAGES)('$page stays within $ceilingKb kB gzip', ({ sources, ceilingKb }) => {
    const kb = gzipBytes(DIST, initialScripts(manifest, sources)) / 1024;
    expect(kb).toBeLessThanOrEqual(ceilingKb);
  });
});
