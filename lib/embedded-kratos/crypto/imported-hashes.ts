import crypto from "node:crypto";

/**
 * The hash formats Kratos v26.2.0 imports (hash/hash_comparator.go), recognised by prefix only, and
 * verification for those Node's crypto can compute. The *-crypt formats are accepted but never match.
 */
const FORMATS: [string, RegExp][] = [
  ["md5-crypt", /^\$md5-crypt\$/],
  ["bcrypt", /^\$2[abzy]?\$/],
  ["sha256-crypt", /^\$sha256-crypt\$/],
  ["sha512-crypt", /^\$sha512-crypt\$/],
  ["argon2id", /^\$argon2id\$/],
  ["argon2i", /^\$argon2i\$/],
  ["pbkdf2", /^\$pbkdf2-sha[0-9]{1,3}\$/],
  ["scrypt", /^\$scrypt\$/],
  ["ssha", /^\{SSHA(256|512)?\}/],
  ["sha", /^\$sha(1|256|512)\$/],
  ["firescrypt", /^\$firescrypt\$/],
  ["md5", /^\$md5\$/],
  ["hmac", /^\$hmac-(md4|md5|sha1|sha224|sha256|sha384|sha512)\$/],
];

export const hashFormat = (hash: string): string | undefined => FORMATS.find(([, re]) => re.test(hash))?.[0];

const std = (s: string | undefined) => Buffer.from(s ?? "", "base64");
const same = (a: Buffer, b: Buffer) => a.length === b.length && a.length > 0 && crypto.timingSafeEqual(a, b);
const PBKDF2_DIGEST: Record<string, string> = {
  sha1: "sha1",
  sha224: "sha3-224",
  sha256: "sha256",
  sha384: "sha3-384",
  sha512: "sha512",
};
const scrypt = (pw: Buffer, salt: Buffer, len: number, N: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto.scrypt(pw, salt, len, { N, r, p, maxmem: 256 * N * r + 64 * 1024 * 1024 }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
const nums = (s: string | undefined, re: RegExp) => (re.exec(s ?? "") ?? []).slice(1).map(Number);

/** Verifies a password against a non-bcrypt, non-argon2 imported hash; malformed hashes never match. */
export async function verifyImportedHash(password: string, hash: string): Promise<boolean> {
  const pw = Buffer.from(password, "utf8");
  const parts = hash.split("$");
  switch (hashFormat(hash)) {
    case "pbkdf2": {
      const [i] = nums(parts[2], /^i=(\d+),l=\d+$/);
      const digest = PBKDF2_DIGEST[parts[1]?.split("-")[1] ?? ""] ?? "sha256";
      const want = std(parts[4]);
      if (parts.length !== 5 || !i) return false;
      return same(
        want,
        await new Promise<Buffer>((res, rej) =>
          crypto.pbkdf2(pw, std(parts[3]), i, want.length, digest, (e, k) => (e ? rej(e) : res(k))),
        ),
      );
    }
    case "scrypt": {
      const [N, r, p] = nums(parts[2], /^ln=(\d+),r=(\d+),p=(\d+)$/);
      const want = std(parts[4]);
      if (parts.length !== 5 || !N || !r || !p) return false;
      return same(want, await scrypt(pw, std(parts[3]), want.length, N, r, p));
    }
    case "firescrypt": {
      const [ln, r, p] = nums(parts[2], /^ln=(\d+),r=(\d+),p=(\d+)$/);
      if (parts.length !== 7 || !ln || !r || !p) return false;
      const key = await scrypt(pw, Buffer.concat([std(parts[3]), std(parts[5])]), 32, 1 << ln, r, p);
      const c = crypto.createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
      return same(std(parts[4]), Buffer.concat([c.update(std(parts[6])), c.final()]));
    }
    case "ssha": {
      const m = /^\{SSHA(256|512)?\}(.*)$/.exec(hash);
      const alg = m?.[1] ? `sha${m[1]}` : "sha1";
      const decoded = std(m?.[2]);
      const size = crypto.createHash(alg).digest().length;
      if (decoded.length <= size) return false;
      const salt = decoded.subarray(size);
      return same(
        decoded.subarray(0, size),
        crypto
          .createHash(alg)
          .update(Buffer.concat([pw, salt]))
          .digest(),
      );
    }
    case "sha":
    case "md5": {
      const alg = parts[1] ?? "";
      if (alg === "md5" && parts.length === 3) return same(std(parts[2]), crypto.createHash("md5").update(pw).digest());
      if (parts.length !== 5) return false;
      const format = std(parts[2]?.replace(/^pf=/, "")).toString("utf8");
      const raw = format.replaceAll("{SALT}", std(parts[3]).toString("utf8")).replaceAll("{PASSWORD}", password);
      return same(std(parts[4]), crypto.createHash(alg).update(raw, "utf8").digest());
    }
    case "hmac": {
      if (parts.length !== 4) return false;
      const alg = parts[1]?.replace(/^hmac-/, "") ?? "";
      try {
        return same(std(parts[2]), Buffer.from(crypto.createHmac(alg, std(parts[3])).update(pw).digest("hex")));
      } catch {
        return false; // md4 is missing from OpenSSL 3's default provider
      }
    }
    default:
      return false;
  }
}
