import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-postgres.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
