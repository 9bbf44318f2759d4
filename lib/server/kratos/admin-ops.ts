import "server-only";
import { env } from "@/lib/server/env";
import { kratos } from "@/lib/server/kratos/client";
import { call, kratosErrorOf } from "@/lib/server/kratos/errors";
import { identityTouched } from "@/lib/server/kratos/changes";
import type { Recovery } from "@/lib/schemas/identity";

/** One identity to create in a batch: the part of Kratos's create body Truss uses (no SDK type leaves this folder). */
export interface BatchCreate {
  schema_id: string;
  traits: Record<string, unknown>;
  state?: "active" | "inactive";
  credentials?: {
    password?: { config: { password?: string; hashed_password?: string } };
    oidc?: { config: { providers: { provider: string; subject: string }[] } };
  };
}

export interface BatchItem {
  patchId: string;
  create: BatchCreate;
}
export type BatchItemResult = { patchId: string } & (
  { ok: true; identityId: string } | { ok: false; code: number; message: string }
);

/** One `PATCH /admin/identities` call; Kratos answers 200 with a result per item, in order. */
export async function batchCreateIdentities(items: BatchItem[]): Promise<BatchItemResult[]> {
  const { identity } = await kratos();
  const data = await call(() =>
    identity.batchPatchIdentities(
      { patchIdentitiesBody: { identities: items.map((i) => ({ patch_id: i.patchId, create: i.create })) } },
      { timeout: 180_000 }, // a chunk of 200 plaintext passwords is hashed inside this one call (~25 s at cost 12 on 2 cores)
    ),
  );
  const out = data.identities ?? [];
  await identityTouched(out.flatMap((r) => (r.action === "create" && r.identity ? [r.identity] : [])));
  return items.map((item, idx) => {
    const r = out[idx];
    if (r?.action === "create" && r.identity) return { patchId: item.patchId, ok: true, identityId: r.identity };
    const e = (r?.error ?? {}) as { code?: number; message?: string; reason?: string };
    const k = kratosErrorOf({ error: e });
    return {
      patchId: item.patchId,
      ok: false,
      code: e.code ?? 500,
      message: k.reason ?? k.message ?? "Kratos did not create this identity.",
    };
  });
}

/** A recovery code (or link) the admin hands over; Kratos sends no email from the admin API. */
export async function createRecovery(
  identityId: string,
  method: "code" | "link",
  expiresIn: string,
): Promise<Recovery> {
  const { identity } = await kratos();
  if (method === "link") {
    const r = await call(
      () =>
        identity.createRecoveryLinkForIdentity({
          createRecoveryLinkForIdentityBody: { identity_id: identityId, expires_in: expiresIn },
        }),
      "Recovery links are disabled in this Kratos (enable selfservice.methods.link).",
    );
    return { method, recovery_link: r.recovery_link, recovery_code: null, expires_at: r.expires_at ?? null };
  }
  const r = await call(
    () =>
      identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id: identityId, expires_in: expiresIn },
      }),
    "Identity not found.",
  );
  return { method, recovery_link: r.recovery_link, recovery_code: r.recovery_code, expires_at: r.expires_at ?? null };
}

/** Reachability of both Kratos endpoints (no secrets in the answer). */
export async function kratosHealth(): Promise<{ public: boolean; admin: boolean; version: string | null }> {
  const { publicUrl, adminUrl } = await kratos();
  const token = env().KRATOS_ADMIN_TOKEN;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const ping = async (url: string) => {
    try {
      const r = await fetch(url, {
        signal: AbortSignal.timeout(2000),
        headers: url.startsWith(adminUrl) ? headers : {},
      });
      return r.ok;
    } catch {
      return false;
    }
  };
  const [pub, adm] = await Promise.all([ping(`${publicUrl}/health/ready`), ping(`${adminUrl}/health/ready`)]);
  let version: string | null = null;
  if (adm) {
    try {
      const r = await fetch(`${adminUrl}/version`, { signal: AbortSignal.timeout(2000), headers });
      version = ((await r.json()) as { version?: string }).version ?? null;
    } catch {
      version = null;
    }
  }
  return { public: pub, admin: adm, version };
}
