import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// NestJS needs decorator metadata, which vitest's default transform does not emit: SWC does.
const plugins = [swc.vite({ jsc: { target: 'es2023' } })];

export default defineConfig({
  test: {
    projects: [
      {
        plugins,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        plugins,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          // Each file starts its own server and database; two at a time suits a 2-core machine.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
