import http from "node:http";
import type { AddressInfo, Server } from "node:net";

import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: it accepts every mail on 127.0.0.1 without
 * authentication or TLS, parses it with mailparser, and keeps it in memory.
 * A small HTTP API on 127.0.0.1 lists and clears the received mail, so tests
 * in another process (Playwright) can read it too.
 */

export interface ReceivedMail {
  /** One envelope recipient, lower-cased. A mail to several recipients is listed once per recipient. */
  to: string;
  /** The decoded From header, e.g. `ReConnect <no-reply@reconnect.invalid>`. */
  from: string;
  subject: string;
  /** The text/plain body. */
  text: string;
  /** Milliseconds since the Unix epoch when the server accepted the mail. */
  receivedAt: number;
}

export interface TestSmtpServer {
  /** The ports actually bound; the same as requested unless 0 was given. */
  smtpPort: number;
  httpPort: number;
  close(): Promise<void>;
}

// Sign-in mails are a few kilobytes, so anything far larger means a test sent the wrong thing.
const MAX_MAIL_BYTES = 1_000_000;

export async function startTestSmtpServer(options: { smtpPort: number; httpPort: number }): Promise<TestSmtpServer> {
  const mailbox: ReceivedMail[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MAIL_BYTES,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const receivedAt = Date.now();
          for (const recipient of session.envelope.rcptTo) {
            mailbox.push({
              to: recipient.address.toLowerCase(),
              from: addressText(parsed.from),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              receivedAt,
            });
          }
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  const api = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/messages") {
      sendJson(response, 404, { error: "not found: use GET or DELETE /messages" });
      return;
    }

    if (request.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      sendJson(response, 200, to ? mailbox.filter((mail) => mail.to === to) : mailbox);
      return;
    }
    if (request.method === "DELETE") {
      mailbox.length = 0;
      response.writeHead(204).end();
      return;
    }
    sendJson(response, 405, { error: `method ${request.method} is not allowed: use GET or DELETE` });
  });

  // A client that drops its connection must not crash the test run. The SMTP server re-emits such errors here.
  smtp.on("error", () => undefined);

  const smtpPort = await listen(smtp.server, options.smtpPort);
  let httpPort: number;
  try {
    httpPort = await listen(api, options.httpPort);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }

  return {
    smtpPort,
    httpPort,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => api.close(() => resolve()))]);
    },
  };
}

/** Poll the mailbox API until a mail to `to` received at or after `after` (epoch ms) is there, and return the newest such mail. */
export async function waitForMail(httpPort: number, to: string, options: { after?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  const after = options.after ?? 0;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);

  while (Date.now() < deadline) {
    const mails = await listMail(httpPort, to);
    const match = mails.filter((mail) => mail.receivedAt >= after).at(-1);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${to} arrived at the test SMTP server within ${options.timeoutMs ?? 10_000} ms.`);
}

/** Fetch every mail received for `to`, oldest first. */
export async function listMail(httpPort: number, to: string): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`The mailbox API returned ${response.status} for ${to}.`);
  return (await response.json()) as ReceivedMail[];
}

export async function clearMail(httpPort: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/messages`, { method: "DELETE" });
  if (!response.ok) throw new Error(`The mailbox API returned ${response.status} when clearing.`);
}

/** Extract the six-digit one-time code from a sign-in mail. Throws when the text has none, or more than one. */
export function extractSignInCode(text: string): string {
  const codes = text.match(/\b\d{6}\b/g) ?? [];
  if (codes.length !== 1) throw new Error(`Expected exactly one six-digit code in the mail, found ${codes.length}.`);
  return codes[0]!;
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  const entries = (Array.isArray(address) ? address : [address]).flatMap((entry) => entry.value);
  return entries.map((entry) => (entry.name ? `${entry.name} <${entry.address ?? ""}>` : (entry.address ?? ""))).join(", ");
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

// Both servers bind 127.0.0.1 only: the test mailbox must never be reachable from another machine.
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.removeListener("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
