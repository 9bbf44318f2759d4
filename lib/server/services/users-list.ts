import "server-only";
import { listIdentities } from "@/lib/server/kratos";
import { lastSessionAt } from "@/lib/server/services/stats";
import type { IdentityPage, ListIdentitiesQuery } from "@/lib/schemas/identity";

/** One page of users as the dashboard shows it: Kratos's page plus each user's latest session (cached scan). */
export async function listUsers(q: ListIdentitiesQuery): Promise<IdentityPage> {
  const page = await listIdentities(q);
  return { ...page, items: page.items.map((i) => ({ ...i, last_session_at: lastSessionAt(i.id) })) };
}
