import "server-only";

/** Who performed a request: an admin (cookie), an API key (/v1), or nobody when auth is disabled. */
export interface Actor {
  type: "admin" | "api_key" | "anonymous" | "system";
  id: string | null;
  label: string | null;
}

export const anonymousActor: Actor = { type: "anonymous", id: null, label: "auth disabled" };
