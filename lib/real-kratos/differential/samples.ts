import crypto from "node:crypto";

/** The password every imported hash below encodes. */
export const IMPORTED_PASSWORD = "Imported-pass-1";

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64");
const raw64 = (b: Buffer) => b.toString("base64").replace(/=+$/, "");
const salt = Buffer.from("0123456789abcdef");
const pw = Buffer.from(IMPORTED_PASSWORD);

function firescrypt(): string {
  const sep = Buffer.from("Bw==", "base64");
  const signer = crypto.randomBytes(32);
  const key = crypto.scryptSync(pw, Buffer.concat([salt, sep]), 32, { N: 1 << 14, r: 8, p: 1 });
  const c = crypto.createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  const hash = Buffer.concat([c.update(signer), c.final()]);
  return `$firescrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(hash)}$${b64(sep)}$${b64(signer)}`;
}

const sha = (alg: string, data: Buffer) => crypto.createHash(alg).update(data).digest();

/** One valid hash of IMPORTED_PASSWORD per format real Kratos v26.2.0 imports (hash/hash_comparator.go). */
export function importedHashes(): Record<string, string> {
  const scrypt = crypto.scryptSync(pw, salt, 32, { N: 16384, r: 8, p: 1 });
  const pf = b64("{SALT}{PASSWORD}");
  const salted = Buffer.concat([salt, pw]);
  const saltedPw = Buffer.concat([pw, salt]);
  return {
    "pbkdf2-sha256": `$pbkdf2-sha256$i=1000,l=32$${raw64(salt)}$${raw64(crypto.pbkdf2Sync(pw, salt, 1000, 32, "sha256"))}`,
    "pbkdf2-sha512": `$pbkdf2-sha512$i=1000,l=64$${raw64(salt)}$${raw64(crypto.pbkdf2Sync(pw, salt, 1000, 64, "sha512"))}`,
    "pbkdf2-sha1": `$pbkdf2-sha1$i=1000,l=20$${raw64(salt)}$${raw64(crypto.pbkdf2Sync(pw, salt, 1000, 20, "sha1"))}`,
    scrypt: `$scrypt$ln=16384,r=8,p=1$${b64(salt)}$${b64(scrypt)}`,
    firescrypt: firescrypt(),
    ssha: `{SSHA}${b64(Buffer.concat([sha("sha1", saltedPw), salt]))}`,
    ssha256: `{SSHA256}${b64(Buffer.concat([sha("sha256", saltedPw), salt]))}`,
    ssha512: `{SSHA512}${b64(Buffer.concat([sha("sha512", saltedPw), salt]))}`,
    sha1: `$sha1$pf=${pf}$${b64(salt)}$${b64(sha("sha1", salted))}`,
    sha256: `$sha256$pf=${pf}$${b64(salt)}$${b64(sha("sha256", salted))}`,
    sha512: `$sha512$pf=${pf}$${b64(salt)}$${b64(sha("sha512", salted))}`,
    md5: `$md5$${b64(sha("md5", pw))}`,
    "md5-salted": `$md5$pf=${pf}$${b64(salt)}$${b64(sha("md5", salted))}`,
    "hmac-sha256": `$hmac-sha256$${b64(crypto.createHmac("sha256", "k3y").update(pw).digest("hex"))}$${b64("k3y")}`,
    // `openssl passwd -1/-5/-6 -salt saltsalt Imported-pass-1`, with Kratos's prefixes.
    "md5-crypt": "$md5-crypt$saltsalt$Y2vtwrpdAOYe.0UhLiVrn/",
    "sha256-crypt": "$sha256-crypt$saltsalt$7AFhxMxGqALJ4jRgxwBnqtZRsIhVpB2jhbsDmfcFPXC",
    "sha512-crypt":
      "$sha512-crypt$saltsalt$Pp1oWfwJT4PksSG2QA.2pHtnI4vKoxJOBAoYt3djIyXhJIiWGRb0HR/zVE4XULteVyDP7sko86EFsm5Uni.Zd.",
  };
}
