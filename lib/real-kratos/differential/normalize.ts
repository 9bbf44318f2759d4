import type { Observation } from "./recorder";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const BCRYPT = /\$2[abxyz]?\$(\d\d)\$[./A-Za-z0-9]{53}/g;

/** Keys whose values are random or clock-bound by nature (compared by presence only). */
const OPAQUE_KEYS: Record<string, string> = {
  recovery_code: "<code>",
  since: "<nanoseconds>",
  expired_at_unix: "<unix>",
  // "Now + privileged_session_max_age" in a message's context: the two servers' clocks tick between the two runs.
  privileged_session_expires_at_unix: "<unix>",
};

/**
 * Rewrites one target's observations so the two servers can be compared: UUIDs become <uuid-N> in order
 * of first appearance (so "the same id twice" stays visible), timestamps <time>, tokens and hashes
 * placeholders, and the base URLs <public>/<admin>.
 */
export function normalizeObservations(
  obs: Observation[],
  urls: { publicUrl: string; adminUrl: string },
): Observation[] {
  const ids = new Map<string, string>();
  const text = (s: string): string =>
    s
      .split(urls.publicUrl)
      .join("<public>")
      .split(urls.adminUrl)
      .join("<admin>")
      .replace(/ory_st_[A-Za-z0-9]{32}/g, "<session_token>")
      .replace(/ory_lo_[A-Za-z0-9]{32}/g, "<logout_token>")
      .replace(BCRYPT, (_, cost: string) => `$2a$${cost}$<hash>`)
      .replace(TIME, "<time>")
      .replace(UUID, (u) => {
        const key = u.toLowerCase();
        if (!ids.has(key)) ids.set(key, `<uuid-${ids.size + 1}>`);
        return ids.get(key) ?? u;
      })
      .replace(/([?&]token=)[A-Za-z0-9]+/g, "$1<token>")
      .replace(/([?&]page_token=)([A-Za-z0-9%=_-]{20,})/g, (m, p: string, tok: string) =>
        tok.startsWith("<") ? m : `${p}<cursor>`,
      )
      .replace(/expired \d+\.\d\d minutes ago/g, "expired <n> minutes ago")
      .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>");
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && key in OPAQUE_KEYS && v !== null && v !== undefined) return OPAQUE_KEYS[key];
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = walk((v as Record<string, unknown>)[k], k);
      return out;
    }
    return v;
  };
  return obs.map((o) => ({
    step: o.step,
    ...(o.status !== undefined && { status: o.status }),
    ...(o.headers && { headers: walk(o.headers) as Record<string, string> }),
    body: walk(o.body),
  }));
}

/** The first place two normalised values differ, as a readable path ("" when equal). */
export function firstDifference(a: unknown, b: unknown, path = ""): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return "";
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const d = firstDifference(ao[k], bo[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v).slice(0, 300));
  return `${path || "/"}: embedded ${show(a)} ≠ real ${show(b)}`;
}
