import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import type { AuditItem } from "@/lib/server/services/audit";
import { auditedBatch } from "@/lib/server/services/audited";
import { withIdempotency } from "@/lib/server/services/idempotency";
import { importUsers } from "@/lib/server/services/import-users";
import type { ImportBody, ImportResponse } from "@/lib/schemas/import";

/**
 * One audit entry per row sent for creation: identity.import with the new id as target (success), or with no
 * target and the reason (failure: invalid row, duplicate, existing user). Each names the row by its email, else
 * its first identifier, and its row index.
 */
function importItems(r: ImportResponse): AuditItem[] {
  return r.results
    .filter((row) => row.status !== "valid")
    .map((row) => {
      const label = row.email ?? row.identifier;
      return {
        action: "identity.import",
        target: row.status === "created" ? (row.id ?? null) : null,
        outcome: row.status === "created" ? "success" : "failure",
        details: {
          ...(label ? { label } : {}),
          row: row.index,
          ...(row.error ? { error: row.error.id, message: row.error.message } : {}),
        },
      };
    });
}

// POST /api/auth/users/import and /v1/auth/users/import. A dry run changes nothing and is not audited; an import
// records users.import (counts; partial when some rows failed) and one identity.import entry per row under it.
export const importUsersHandler = async (ctx: RouteContext<undefined, { dry_run: boolean }, ImportBody>) => {
  if (ctx.query.dry_run) return json(await importUsers(ctx.body.users, true));
  const key = ctx.req.headers.get("idempotency-key");
  const result = await withIdempotency(key, `import:${ctx.actor.type}:${ctx.actor.id ?? "-"}`, ctx.body, async () => ({
    status: 200,
    data: await auditedBatch(
      ctx,
      "users.import",
      () => importUsers(ctx.body.users, false),
      (r) => ({ ...r.summary, ...(key ? { idempotency_key: key } : {}) }),
      importItems,
    ),
  }));
  return json(result.data, {
    status: result.status,
    headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
  });
};
