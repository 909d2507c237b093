import { execFileSync } from "node:child_process";
import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import ece from "http_ece";

/**
 * A web push service for tests on 127.0.0.1, over HTTPS with a certificate
 * made for the run, because web-push 3.6.7 posts over HTTPS only. It keeps
 * every request it receives and answers each endpoint with the status the
 * test chose (201 unless told otherwise). `agent` trusts the certificate.
 */
export interface TestPushService {
  origin: string;
  agent: https.Agent;
  received: ReceivedPush[];
  /** Make one endpoint answer with this status from now on, e.g. 410 for an unsubscribed browser. */
  answerWith(endpoint: string, status: number): void;
  /** A browser-side subscription with real keys, so the test can decrypt what arrives. */
  createSubscription(): TestSubscription;
  close(): Promise<void>;
}

export interface ReceivedPush {
  endpoint: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface TestSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  /** Decrypt an aes128gcm body sent to this subscription (RFC 8291). */
  decrypt(body: Buffer): string;
}

export async function startTestPushService(): Promise<TestPushService> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-push-"));
  const keyFile = path.join(folder, "key.pem");
  const certFile = path.join(folder, "cert.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
  ], { stdio: "ignore" });
  const key = readFileSync(keyFile);
  const cert = readFileSync(certFile);
  rmSync(folder, { recursive: true, force: true });

  const received: ReceivedPush[] = [];
  const statuses = new Map<string, number>();
  const server = https.createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const endpoint = `${origin}${request.url ?? "/"}`;
      received.push({ endpoint, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(statuses.get(endpoint) ?? 201).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new https.Agent({ ca: cert, keepAlive: false });

  return {
    origin,
    agent,
    received,
    answerWith: (endpoint, status) => statuses.set(endpoint, status),
    createSubscription() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16).toString("base64url");
      return {
        endpoint: `${origin}/push/${randomBytes(8).toString("hex")}`,
        p256dh: ecdh.getPublicKey().toString("base64url"),
        auth,
        decrypt: (body) => ece.decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8"),
      };
    },
    close: async () => {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Decode the claims of the VAPID JWT in an `Authorization: vapid t=…, k=…` header, and return them with the key. */
export function readVapidAuthorization(header: string | string[] | undefined): { claims: { aud: string; exp: number; sub: string }; publicKey: string } | null {
  const match = typeof header === "string" ? /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header) : null;
  if (!match) return null;
  const claims = JSON.parse(Buffer.from(match[1]!.split(".")[1]!, "base64url").toString("utf8")) as { aud: string; exp: number; sub: string };
  return { claims, publicKey: match[2]! };
}
