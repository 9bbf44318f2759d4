/**
 * Cases where the embedded server deliberately answers differently from real Kratos v26.2.0, with why.
 * The suite pins this list: a listed case that no longer differs fails (stale entry), and so does an
 * unlisted difference. Keep lib/embedded-kratos/README.md "Deliberate differences" in step.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  "GET /version (admin)":
    "the embedded server reports v26.2.0-embedded so the dashboard can tell which Kratos it talks to",
  "updateLoginFlow: oidc over JSON (known and unknown provider)":
    "the embedded server has no OIDC client: it renders provider buttons and answers 422 with its own auth URL, not the provider's authorize URL and continuity cookie",
  "createNativeLoginFlow with a session (already logged in, refresh, aal2)":
    "refresh flows are rendered as fresh login flows (Kratos: message 1010003, hidden identifier, no providers); Truss never asks for refresh",
  "createIdentity and listIdentities: organization_id":
    "no organizations: organization_id is accepted and dropped, and the filter matches nothing (Kratos v26.2.0 stores and filters it)",
  "import md5-crypt hash, then sign in with it":
    "md5-crypt hashes are imported but never verify (no crypt(3) in Node's crypto)",
  "import sha256-crypt hash, then sign in with it":
    "sha256-crypt hashes are imported but never verify (no crypt(3) in Node's crypto)",
  "import sha512-crypt hash, then sign in with it":
    "sha512-crypt hashes are imported but never verify (no crypt(3) in Node's crypto)",
};
