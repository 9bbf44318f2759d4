import { defineConfig } from "vitest/config";
import path from "node:path";

// The differential suite and the deploy/ check need real Kratos: they run in the real-Kratos tier only.
const realTier = (process.env.TRUSS_TEST_KRATOS ?? "embedded") !== "embedded";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server; tests run plain Node.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      ...(realTier ? [] : ["lib/real-kratos/**/*.test.ts", "scripts/deploy-real.test.ts"]),
    ],
    environment: "node",
    testTimeout: realTier ? 60_000 : 30_000,
    hookTimeout: realTier ? 180_000 : 60_000,
    pool: "forks",
    maxWorkers: 2,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
