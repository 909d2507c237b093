import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Agent } from "node:https";
import path from "node:path";

import webPush from "web-push";

import type { Config, VapidConfig } from "./config";
import type { Logger } from "./logger";

/** What a service worker shows: neutral words and the portal page to open. */
export interface PushMessage {
  title: string;
  body: string;
  /** A path or URL on the portal, opened when the notification is pressed. */
  url: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** `gone`: the push service answered 404 or 410, so the subscription should be deleted. */
export type PushResult = "sent" | "gone";

export interface PushSender {
  readonly enabled: boolean;
  /** The VAPID public key browsers subscribe with; null when push is off. */
  readonly publicKey: string | null;
  /** Encrypt and post one message; throws on any failure other than 404 or 410. */
  send(target: PushTarget, message: PushMessage): Promise<PushResult>;
}

// Without a fallback the subject would be required even for a local demo; push services only use it to contact the operator.
const DEFAULT_VAPID_SUBJECT = "mailto:no-reply@reconnect.invalid";
// A reminder that arrives after the kafé is useless, so the push service may drop it after a day.
const PUSH_TTL_SECONDS = 24 * 60 * 60;
// Jobs send inside their transaction, and on PGlite that blocks every other query, so a silent push service is given up on quickly.
const PUSH_TIMEOUT_MS = 5_000;

/**
 * Take the VAPID keys from configuration. Outside production, missing keys are
 * made once with web-push's generator and kept in DATA_DIR/vapid.json (mode
 * 0600), like the encryption keys. In production without them push is off.
 */
export function loadVapidKeys(config: Config, log: Logger): VapidConfig | null {
  if (config.vapid) return config.vapid;
  if (config.env === "production") {
    log.warn("push.disabled_no_vapid_keys");
    return null;
  }

  const file = path.join(config.dataDir, "vapid.json");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    const generated = webPush.generateVAPIDKeys();
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
    log.warn({ file }, "push.vapid_keys_generated");
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject: config.vapidSubject ?? DEFAULT_VAPID_SUBJECT };
}

/**
 * Build the web push sender. `agent` lets a test trust its own certificate
 * for a push service on 127.0.0.1, since web-push 3.6.7 posts over HTTPS only.
 */
export function createPushSender(vapid: VapidConfig | null, options: { agent?: Agent } = {}): PushSender {
  if (!vapid) {
    return {
      enabled: false,
      publicKey: null,
      send: async () => {
        throw new Error("Web push is off because VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are not set.");
      },
    };
  }

  return {
    enabled: true,
    publicKey: vapid.publicKey,
    async send(target, message) {
      try {
        await webPush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(message), {
          vapidDetails: vapid,
          TTL: PUSH_TTL_SECONDS,
          timeout: PUSH_TIMEOUT_MS,
          urgency: "normal",
          ...(options.agent ? { agent: options.agent } : {}),
        });
        return "sent";
      } catch (error) {
        if (error instanceof webPush.WebPushError && (error.statusCode === 404 || error.statusCode === 410)) return "gone";
        throw error;
      }
    },
  };
}
