import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { startTestOidcProvider } from "../support/oidc-provider";
import { startTestSmtpServer } from "../support/smtp-server";
import { e2e } from "./environment";

/**
 * Start a real SMTP server, two real OpenID Connect providers (ID-porten and
 * HelseID presets) and the built portal on a fresh embedded database with demo data.
 */
export default async function globalSetup() {
  const smtp = await startTestSmtpServer({ smtpPort: e2e.smtpPort, httpPort: e2e.mailboxPort });
  const idporten = await startTestOidcProvider({
    port: e2e.idporten.port,
    preset: "idporten",
    clientId: e2e.idporten.clientId,
    clientSecret: e2e.idporten.clientSecret,
    redirectUris: [`${e2e.baseUrl}/sign-in/callback/idporten`],
  });
  const helseid = await startTestOidcProvider({
    port: e2e.helseid.port,
    preset: "helseid",
    clientId: e2e.helseid.clientId,
    clientSecret: e2e.helseid.clientSecret,
    redirectUris: [`${e2e.baseUrl}/sign-in/callback/helseid`],
  });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-e2e-"));
  const portal = spawn(process.execPath, ["server.js"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(e2e.portalPort),
      HOST: "127.0.0.1",
      PUBLIC_URL: e2e.baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_MODE: "auto",
      SMTP_URL: `smtp://127.0.0.1:${e2e.smtpPort}`,
      OIDC_IDPORTEN_ISSUER: idporten.issuer,
      OIDC_IDPORTEN_CLIENT_ID: e2e.idporten.clientId,
      OIDC_IDPORTEN_CLIENT_SECRET: e2e.idporten.clientSecret,
      OIDC_HELSEID_ISSUER: helseid.issuer,
      OIDC_HELSEID_CLIENT_ID: e2e.helseid.clientId,
      OIDC_HELSEID_CLIENT_SECRET: e2e.helseid.clientSecret,
      // The journeys provoke sign-in failures on purpose; their warnings would bury a real error in the output.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "error",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForReady(portal, `${e2e.baseUrl}/readyz`);

  return async () => {
    await stopProcess(portal);
    await Promise.all([smtp.close(), idporten.close(), helseid.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForReady(child: ChildProcess, url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The portal did not answer ${url} within 60 s.`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
