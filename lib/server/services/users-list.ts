import "server-only";
import { listIdentities } from "@/lib/server/kratos";
import { lastSessionAt } from "@/lib/server/services/stats";
import type { IdentityPage, ListIdentitiesQuery } from "@/lib/schemas/identity";

/**
 * One page of users. The dashboard decorates it with each user's latest session from the overview's cached
 * scan (which may start a background refresh); the client API (/v1) never does, so it never starts a scan.
 */
export async function listUsers(q: ListIdentitiesQuery, decorate: "last_session" | "none"): Promise<IdentityPage> {
  const page = await listIdentities(q);
  if (decorate === "none") return page;
  return { ...page, items: page.items.map((i) => ({ ...i, last_session_at: lastSessionAt(i.id) })) };
}
