import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,panel,components,entrypoints,sandbox,scripts,bench}/**/*.test.{ts,tsx}'],
    // DOM tests opt in per file with `// @vitest-environment jsdom`.
    environment: 'node',
  },
});
