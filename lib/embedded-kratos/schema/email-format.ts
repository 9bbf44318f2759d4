/**
 * ory/jsonschema's `format: email`: at most 254 characters, a local part of at most 64, an RFC 1123
 * hostname as the domain, and an address Go's net/mail.ParseAddress accepts (dot-atom or quoted local part).
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]";
const DOT_ATOM = new RegExp(`^${ATEXT}+(\\.${ATEXT}+)*$`);
const QUOTED = /^"([^"\\\r\n]|\\.)*"$/;

function isHostname(s: string): boolean {
  const host = s.endsWith(".") ? s.slice(0, -1) : s;
  if (host.length > 253 || host.startsWith("-")) return false;
  return host
    .split(".")
    .every((label) => label.length >= 1 && label.length <= 63 && !label.endsWith("-") && /^[A-Za-z0-9-]+$/.test(label));
}

export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf("@");
  if (at < 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (Buffer.byteLength(local) > 64 || !isHostname(domain)) return false;
  // mail.ParseAddress: the domain must be a dot-atom too (so no trailing dot), the local part a dot-atom or quoted string.
  return DOT_ATOM.test(domain) && (DOT_ATOM.test(local) || QUOTED.test(local));
}
