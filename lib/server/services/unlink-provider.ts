import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import * as k from "@/lib/server/kratos";

/** Removes every link of one provider from a user, refusing when nothing else would let them sign in. */
export async function unlinkProvider(id: string, provider: string): Promise<void> {
  const identity = await k.getIdentity(id);
  const links = identity.providers.filter((p) => p.provider === provider);
  if (!links.length) throw new ApiError("not_found", `This user has no ${provider} link.`);
  const otherWays =
    identity.credential_types.includes("password") || identity.providers.some((p) => p.provider !== provider);
  if (!otherWays) throw new ApiError("conflict", "This is the user's last way to sign in; it cannot be unlinked.");
  for (const l of links) await k.unlinkProvider(id, `${l.provider}:${l.subject}`);
}
