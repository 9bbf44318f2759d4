import { crc32 } from "node:zlib";

/**
 * API key format: `truss_sk_` (service_role) or `truss_pk_` (anon) + 43 base62 chars (256 bits)
 * + 6 base62 chars of CRC32 over everything before it, so scanners and a local check can reject typos
 * without a lookup. Pure and dependency-free: the CLI and the server share it.
 */
export const KEY_PREFIXES = { service_role: "truss_sk_", anon: "truss_pk_" } as const;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LEN = 43;
const SUM_LEN = 6;
export const KEY_PATTERN = /^truss_(sk|pk)_[0-9A-Za-z]{49}$/;

function base62(n: bigint, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

export function checksum(text: string): string {
  return base62(BigInt(crc32(text)), SUM_LEN);
}

/** Builds a key from 32+ random bytes. */
export function formatKey(type: keyof typeof KEY_PREFIXES, random: Uint8Array): string {
  let n = 0n;
  for (const b of random) n = (n << 8n) | BigInt(b);
  const head = KEY_PREFIXES[type] + base62(n, BODY_LEN);
  return head + checksum(head);
}

/** Shape and checksum only; says nothing about whether the key exists. */
export function parseKey(key: string): { type: keyof typeof KEY_PREFIXES } | null {
  if (!KEY_PATTERN.test(key)) return null;
  const head = key.slice(0, -SUM_LEN);
  if (checksum(head) !== key.slice(-SUM_LEN)) return null;
  return { type: key.startsWith(KEY_PREFIXES.service_role) ? "service_role" : "anon" };
}

export function displayPrefix(key: string): string {
  return key.slice(0, 13); // "truss_sk_" + 4 chars: enough to tell keys apart, useless to an attacker
}
