import { describe, expect, test } from "vitest";

import { decryptText, encryptText, lookupHash, randomToken, safeEqual, sha256Hex, type KeyRing } from "./crypto";

const oldKey = { id: "k1", key: Buffer.alloc(32, 1) };
const newKey = { id: "k2", key: Buffer.alloc(32, 2) };
const lookupKey = Buffer.alloc(32, 3);

describe("encryptText and decryptText", () => {
  const keys: KeyRing = { encryptionKeys: [oldKey], lookupKey };

  test.each(["Kari Nordby", "", "Ærlig Øyvind Åsen 🌱", "x".repeat(10_000)])("round trip of %#", (plaintext) => {
    expect(decryptText(keys, encryptText(keys, plaintext))).toBe(plaintext);
  });

  test("ciphertext carries the key id and hides the text", () => {
    const stored = encryptText(keys, "12345678901");
    const parts = stored.split(".");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("k1");
    expect(stored).not.toContain("12345678901");
  });

  test("same text encrypts differently each time", () => {
    expect(encryptText(keys, "Kari")).not.toBe(encryptText(keys, "Kari"));
  });

  test("older key still decrypts after rotation", () => {
    const before = encryptText(keys, "Ola Bergset");
    const rotated: KeyRing = { encryptionKeys: [newKey, oldKey], lookupKey };

    const after = encryptText(rotated, "Ola Bergset");

    expect(after.startsWith("k2.")).toBe(true);
    expect(decryptText(rotated, before)).toBe("Ola Bergset");
    expect(decryptText(rotated, after)).toBe("Ola Bergset");
  });

  test("removed key cannot decrypt and the error names it", () => {
    const stored = encryptText(keys, "Ola Bergset");
    expect(() => decryptText({ encryptionKeys: [newKey], lookupKey }, stored)).toThrow('key "k1" is not in ENCRYPTION_KEYS');
  });

  test("tampered ciphertext throws", () => {
    const stored = encryptText(keys, "Ingrid Solvang");
    const [id, iv, tag, data] = stored.split(".") as [string, string, string, string];
    const flipped = Buffer.from(data, "base64url");
    flipped[0] = flipped[0]! ^ 1;

    expect(() => decryptText(keys, [id, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    expect(() => decryptText(keys, [id, iv, Buffer.alloc(16).toString("base64url"), data].join("."))).toThrow();
    expect(() => decryptText(keys, [id, Buffer.alloc(12).toString("base64url"), tag, data].join("."))).toThrow();
  });

  test("ciphertext moved to another key id throws", () => {
    // The key id is authenticated data, so relabelling a ciphertext breaks it even when both keys are known.
    const sameKeyOtherId: KeyRing = { encryptionKeys: [oldKey, { id: "k9", key: oldKey.key }], lookupKey };
    const stored = encryptText(keys, "Jonas Eide");
    expect(() => decryptText(sameKeyOtherId, stored.replace(/^k1\./, "k9."))).toThrow();
  });

  test("malformed ciphertext throws", () => {
    expect(() => decryptText(keys, "k1.only-two")).toThrow();
    expect(() => decryptText(keys, "")).toThrow();
  });

  test("encrypting without a key throws", () => {
    expect(() => encryptText({ encryptionKeys: [], lookupKey }, "x")).toThrow("No encryption key is configured.");
  });
});

describe("lookupHash", () => {
  const keys: KeyRing = { encryptionKeys: [oldKey], lookupKey };

  test("is stable for the same key and value", () => {
    expect(lookupHash(keys, "email", "kari@example.no")).toBe(lookupHash({ encryptionKeys: [newKey], lookupKey }, "email", "kari@example.no"));
    expect(lookupHash(keys, "email", "kari@example.no")).toMatch(/^[0-9a-f]{64}$/);
  });

  test("depends on the lookup key", () => {
    const other: KeyRing = { encryptionKeys: [oldKey], lookupKey: Buffer.alloc(32, 4) };
    expect(lookupHash(other, "email", "kari@example.no")).not.toBe(lookupHash(keys, "email", "kari@example.no"));
  });

  test("depends on the kind of value", () => {
    expect(lookupHash(keys, "national_id", "9100001")).not.toBe(lookupHash(keys, "hpr", "9100001"));
  });

  test("is not a plain SHA-256 of the value", () => {
    expect(lookupHash(keys, "email", "kari@example.no")).not.toBe(sha256Hex("kari@example.no"));
    expect(lookupHash(keys, "email", "kari@example.no")).not.toBe(sha256Hex("email:kari@example.no"));
  });
});

describe("tokens and comparison", () => {
  test("randomToken has the requested entropy", () => {
    expect(Buffer.from(randomToken(), "base64url")).toHaveLength(32);
    expect(Buffer.from(randomToken(16), "base64url")).toHaveLength(16);
    expect(randomToken()).not.toBe(randomToken());
  });

  test("safeEqual compares exactly", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });
});
