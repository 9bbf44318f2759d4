import "server-only";
import { kratos } from "@/lib/server/kratos/client";
import { attempt, call, callWithHeaders } from "@/lib/server/kratos/errors";
import { nextPageToken } from "@/lib/server/kratos/pagination";
import { findIdentityByIdentifier, getIdentity } from "@/lib/server/kratos/identities";
import { toSession } from "@/lib/server/kratos/mappers";
import { schemaIndex } from "@/lib/server/kratos/schemas";
import type { ListSessionsQuery, Session, SessionPage } from "@/lib/schemas/session";

const NOT_FOUND = "Session not found.";

/** Active sessions across all users (newest first), or of one identity when `identity_id` is given. */
export async function listSessions(q: ListSessionsQuery): Promise<SessionPage> {
  const { identity } = await kratos();
  if (q.identity_id) return listIdentitySessions(q.identity_id, q.page_size, q.page_token);
  if (q.identity) {
    const owner = await findIdentityByIdentifier(q.identity);
    return owner ? listIdentitySessions(owner.id, q.page_size, q.page_token) : { items: [], next_page_token: null };
  }
  const { data, headers } = await callWithHeaders(() =>
    identity.listSessions({
      pageSize: q.page_size,
      pageToken: q.page_token,
      active: true,
      expand: ["identity", "devices"],
    }),
  );
  const schemas = await schemaIndex();
  return { items: data.map((s) => toSession(s, undefined, schemas)), next_page_token: nextPageToken(headers.link) };
}

export async function listIdentitySessions(id: string, pageSize = 100, pageToken?: string): Promise<SessionPage> {
  const { identity } = await kratos();
  const owner = await getIdentity(id);
  const { data, headers } = await callWithHeaders(() =>
    identity.listIdentitySessions({ id, pageSize, pageToken, active: true }),
  );
  return {
    items: data.map((s) => ({
      ...toSession(s, id),
      identity_email: owner.email,
      identity_label: owner.display_name,
      active: s.active === true && owner.state !== "inactive",
    })),
    next_page_token: nextPageToken(headers.link),
  };
}

export async function revokeSession(id: string): Promise<void> {
  const { identity } = await kratos();
  await call(() => identity.disableSession({ id }), NOT_FOUND);
}

/** Force logout. Kratos answers 404 when the identity simply has no sessions: that is success. */
export async function revokeIdentitySessions(id: string): Promise<void> {
  const { identity } = await kratos();
  const r = await attempt(() => identity.deleteIdentitySessions({ id }));
  if (r.ok) return;
  if (r.status !== 404) throw r.error;
  await getIdentity(id); // throws not_found when the identity itself is missing
}

/** Extends a session by Kratos's configured lifespan (self-hosted Kratos answers with the session). */
export async function extendSession(id: string): Promise<Session> {
  const { identity } = await kratos();
  const s = await call(() => identity.extendSession({ id }), NOT_FOUND);
  const schemas = await schemaIndex();
  if (s && typeof s === "object" && "id" in s) return toSession(s, undefined, schemas);
  // Kratos with faster_session_extend answers 204: read the session back.
  const read = await call(() => identity.getSession({ id, expand: ["identity", "devices"] }), NOT_FOUND);
  return toSession(read, undefined, schemas);
}
