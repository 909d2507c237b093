import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * AES-256-GCM for identity fields, with the key id stored beside each
 * ciphertext so keys can be rotated: the first key encrypts, any listed key decrypts.
 */
export interface KeyRing {
  encryptionKeys: { id: string; key: Buffer }[];
  lookupKey: Buffer;
}

const IV_BYTES = 12;

export function encryptText(keys: KeyRing, plaintext: string): string {
  const current = keys.encryptionKeys[0];
  if (!current) throw new Error("No encryption key is configured.");

  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [current.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptText(keys: KeyRing, stored: string): string {
  const [keyId, iv, tag, data] = stored.split(".");
  const entry = keys.encryptionKeys.find((candidate) => candidate.id === keyId);
  if (!entry || iv === undefined || tag === undefined || data === undefined) {
    throw new Error(`Cannot decrypt: key "${keyId}" is not in ENCRYPTION_KEYS.`);
  }

  const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(entry.id));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash used to find a row by national ID number, e-mail or HPR number without decrypting. */
export function lookupHash(keys: KeyRing, kind: "national_id" | "email" | "hpr", value: string): string {
  return createHmac("sha256", keys.lookupKey).update(`${kind}:${value}`).digest("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A URL-safe random token; 32 bytes gives 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function safeEqual(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
