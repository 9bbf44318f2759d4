import "server-only";
import { vi } from "vitest";

/**
 * Test helper: loads the store-backed modules as one more "Truss instance" (a fresh module graph with its
 * own env parse and its own connection pool), so one test process can stand in for several instances.
 */
export async function loadInstance(env: { DATABASE_URL?: string; TRUSS_DATA_DIR: string }) {
  vi.resetModules();
  delete (globalThis as { __trussStores?: unknown }).__trussStores;
  process.env.TRUSS_DATA_DIR = env.TRUSS_DATA_DIR;
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  const [store, apiKeys, audit, throttle, idempotency, admins, indexWrite, indexQuery, indexCounts, reconciler] =
    await Promise.all([
      import("@/lib/server/store"),
      import("@/lib/server/services/api-keys"),
      import("@/lib/server/services/audit"),
      import("@/lib/server/services/throttle"),
      import("@/lib/server/services/idempotency"),
      import("@/lib/server/services/admins"),
      import("@/lib/server/services/identity-index/write"),
      import("@/lib/server/services/identity-index/query"),
      import("@/lib/server/services/identity-index/counters"),
      import("@/lib/server/services/identity-index/reconciler"),
    ]);
  await store.store(); // parse env and migrate now, while process.env still holds this instance's settings
  return { store, apiKeys, audit, throttle, idempotency, admins, indexWrite, indexQuery, indexCounts, reconciler };
}

export type Instance = Awaited<ReturnType<typeof loadInstance>>;
