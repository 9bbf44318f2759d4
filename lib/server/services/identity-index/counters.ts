import "server-only";
import { store } from "@/lib/server/store";

export async function counter(key: string): Promise<number> {
  const r = await (
    await store()
  ).db
    .selectFrom("identity_counts")
    .select("n")
    .where("key", "=", key)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Counters whose keys start with a prefix (e.g. "created:" or "signin:2026-11"), as a map. */
export async function countersFrom(from: string, to: string): Promise<Map<string, number>> {
  const rows = await (
    await store()
  ).db
    .selectFrom("identity_counts")
    .select(["key", "n"])
    .where("key", ">=", from)
    .where("key", "<", to)
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}
