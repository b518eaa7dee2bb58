import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (`dist/.vite/manifest.json`), keyed by its source path. */
interface ManifestChunk {
  file: string;
  /** Keys of the chunks it imports statically: loaded before it runs. */
  imports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** The key of the app's entry chunk: the page shell every route loads first. */
export const ENTRY = 'index.html';

export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/**
 * The script files a page needs before it renders: the entry's chunk, the chunks of the page's
 * source modules (its lazy routes), and everything those import statically.
 */
export function initialScripts(manifest: Manifest, sources: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  [ENTRY, ...sources].forEach(visit);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

/** Bytes of the files gzipped at the best level, as the build compresses them. */
export function gzipBytes(dist: string, files: readonly string[]): number {
  return files.reduce(
    (total, file) => total + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    0,
  );
}
