import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
