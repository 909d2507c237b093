import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import webPush from "web-push";
import { afterAll, describe, expect, test } from "vitest";

import { readVapidAuthorization, startTestPushService } from "../../tests/support/push-service";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";
import { createPushSender, loadVapidKeys } from "./push";

const log = createLogger("silent");
const folders: string[] = [];

function dataDir() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-vapid-"));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("VAPID configuration", () => {
  const keys = webPush.generateVAPIDKeys();

  test("complete triplet is read", () => {
    const config = loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:drift@example.no" });
    expect(config.vapid).toEqual({ publicKey: keys.publicKey, privateKey: keys.privateKey, subject: "mailto:drift@example.no" });
  });

  test("bad values name the variable", () => {
    const message = configError({ VAPID_PUBLIC_KEY: "abc", VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "drift@example.no" });
    expect(message).toContain("VAPID_PUBLIC_KEY is invalid");
    expect(message).toContain("VAPID_SUBJECT is invalid");
    expect(message).toContain('Current value: "drift@example.no"');
  });

  test("private key is never echoed", () => {
    const message = configError({ VAPID_PRIVATE_KEY: "not-a-key-but-secret" });
    expect(message).toContain("VAPID_PRIVATE_KEY is invalid");
    expect(message).not.toContain("not-a-key-but-secret");
  });

  test("half a key pair stops start-up", () => {
    expect(configError({ VAPID_PUBLIC_KEY: keys.publicKey })).toContain("VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT must be set together");
    expect(configError({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey })).toContain("must be set together");
  });

  test("keys generated once outside production", () => {
    const folder = dataDir();
    const config = loadConfig({ DATA_DIR: folder });
    const first = loadVapidKeys(config, log);
    const second = loadVapidKeys(config, log);
    expect(first?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(second).toEqual(first);
    expect(first?.subject).toBe("mailto:no-reply@reconnect.invalid");
    const file = path.join(folder, "vapid.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ publicKey: first?.publicKey, privateKey: first?.privateKey });
  });

  test("generated keys use the configured subject", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), VAPID_SUBJECT: "https://reconnect.example.no/kontakt" });
    expect(loadVapidKeys(config, log)?.subject).toBe("https://reconnect.example.no/kontakt");
  });

  test("production without keys turns push off", () => {
    const folder = dataDir();
    const config = { ...loadConfig({ DATA_DIR: folder }), env: "production" as const };
    expect(loadVapidKeys(config, log)).toBeNull();
    expect(createPushSender(null).enabled).toBe(false);
    expect(() => statSync(path.join(folder, "vapid.json"))).toThrow();
  });
});

describe("push sender", () => {
  test("posts encrypted with VAPID, reports gone", async () => {
    const service = await startTestPushService();
    try {
      const vapid = { ...webPush.generateVAPIDKeys(), subject: "mailto:drift@example.no" };
      const sender = createPushSender(vapid, { agent: service.agent });
      const device = service.createSubscription();

      expect(await sender.send(device, { title: "Påminnelse", body: "Tekst", url: "/cafes/1" })).toBe("sent");
      const [request] = service.received;
      expect(request?.headers["content-encoding"]).toBe("aes128gcm");
      expect(request?.headers.ttl).toBe("86400");
      const authorization = readVapidAuthorization(request?.headers.authorization);
      expect(authorization?.publicKey).toBe(vapid.publicKey);
      expect(authorization?.claims.aud).toBe(service.origin);
      expect(JSON.parse(device.decrypt(request!.body))).toEqual({ title: "Påminnelse", body: "Tekst", url: "/cafes/1" });

      service.answerWith(device.endpoint, 410);
      expect(await sender.send(device, { title: "a", body: "b", url: "/" })).toBe("gone");
      service.answerWith(device.endpoint, 404);
      expect(await sender.send(device, { title: "a", body: "b", url: "/" })).toBe("gone");
      service.answerWith(device.endpoint, 500);
      await expect(sender.send(device, { title: "a", body: "b", url: "/" })).rejects.toThrow();
    } finally {
      await service.close();
    }
  });
});
