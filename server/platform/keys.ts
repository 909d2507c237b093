import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

import type { Config } from "./config";
import type { KeyRing } from "./crypto";
import type { Logger } from "./logger";

/**
 * Take the keys from configuration. Outside production, missing keys are made
 * once and kept in DATA_DIR/keys.json (mode 0600), so a demo needs no setup.
 */
export function loadKeyRing(config: Config, log: Logger): KeyRing {
  if (config.encryptionKeys && config.lookupKey) {
    return { encryptionKeys: config.encryptionKeys, lookupKey: config.lookupKey };
  }

  const file = path.join(config.dataDir, "keys.json");
  if (!existsSync(file)) {
    // With DATABASE_URL nothing else creates DATA_DIR.
    mkdirSync(config.dataDir, { recursive: true });
    const generated = { encryptionKeys: [{ id: "local1", key: randomBytes(32).toString("base64") }], lookupKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
    log.warn({ file }, "keys.generated");
  }

  const stored = JSON.parse(readFileSync(file, "utf8")) as { encryptionKeys: { id: string; key: string }[]; lookupKey: string };
  return {
    encryptionKeys: config.encryptionKeys ?? stored.encryptionKeys.map((entry) => ({ id: entry.id, key: Buffer.from(entry.key, "base64") })),
    lookupKey: config.lookupKey ?? Buffer.from(stored.lookupKey, "base64"),
  };
}
