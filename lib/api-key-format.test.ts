import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatKey, parseKey } from "@/lib/api-key-format";

describe("API key format", () => {
  it("round-trips and detects every single-character typo through the checksum", () => {
    const key = formatKey("service_role", randomBytes(32));
    expect(parseKey(key)).toEqual({ type: "service_role" });
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (let i = 9; i < key.length; i++) {
      const swapped = alphabet[(alphabet.indexOf(key[i]!) + 1) % 62]!;
      expect(parseKey(key.slice(0, i) + swapped + key.slice(i + 1))).toBeNull();
    }
    expect(parseKey(formatKey("anon", randomBytes(32)))).toEqual({ type: "anon" });
    expect(parseKey("truss_sk_short")).toBeNull();
  });
});
