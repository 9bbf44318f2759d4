import "server-only";
import * as k from "@/lib/server/kratos";
import { unlessLastAdmin } from "@/lib/server/services/admins";

/** Deactivating also revokes every session (whoami already fails for them; this removes them). */
export async function applyState(id: string, state: "active" | "inactive"): Promise<k.IdentityDto> {
  const patch = () => k.patchIdentity(id, [{ op: "replace", path: "/state", value: state }]);
  const updated = state === "inactive" ? await unlessLastAdmin(id, "deactivating this account", patch) : await patch();
  if (state === "inactive") await k.revokeIdentitySessions(id);
  return updated;
}
