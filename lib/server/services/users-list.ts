import "server-only";
import { findIdentityByIdentifier } from "@/lib/server/kratos";
import { indexStatus } from "@/lib/server/services/identity-index/query";
import { listIndexed } from "@/lib/server/services/identity-index";
import type { IndexedIdentityPage, ListIdentitiesQuery } from "@/lib/schemas/identity";

/**
 * One page of users from the identity index (sort, search, filters, exact count), the same for the dashboard and
 * /v1. `credentials_identifier` is Kratos's own exact lookup, answered by Kratos.
 */
export async function listUsers(q: ListIdentitiesQuery): Promise<IndexedIdentityPage> {
  const { credentials_identifier: identifier, ...rest } = q;
  if (!identifier) return listIndexed(rest);
  const [found, index] = await Promise.all([findIdentityByIdentifier(identifier), indexStatus()]);
  return {
    items: found ? [found] : [],
    next_page_token: null,
    total: found ? 1 : 0,
    index,
  };
}
