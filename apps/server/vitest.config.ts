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
          // Some render documents in worker threads: a busy machine makes them slow, not wrong.
          testTimeout: 60_000,
        },
      },
      {
        plugins,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          // Each file starts its own server and database; two at a time suits a 2-core machine.
          maxWorkers: 2,
          // Bounds on failures only: a busy machine must not turn a slow pass into one.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
