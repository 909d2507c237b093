import nodemailer, { type Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { clearMail, extractSignInCode, listMail, startTestSmtpServer, waitForMail, type TestSmtpServer } from "../support/smtp-server";

describe("test SMTP server", () => {
  let server: TestSmtpServer;
  let transport: Transporter;
  beforeAll(async () => {
    server = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    transport = nodemailer.createTransport(`smtp://127.0.0.1:${server.smtpPort}`);
  });
  afterAll(async () => {
    transport?.close();
    await server?.close();
  });

  test("parses encoded subject and body", async () => {
    const before = Date.now();
    await transport.sendMail({ from: "ReConnect <no-reply@reconnect.invalid>", to: "Kari@Example.invalid", subject: "Påloggingskode – æøå", text: "Koden din er 123456.\nDen gjelder i 10 minutter." });

    const mail = await waitForMail(server.httpPort, "kari@example.invalid", { after: before });
    expect(mail.to).toBe("kari@example.invalid");
    expect(mail.from).toBe("ReConnect <no-reply@reconnect.invalid>");
    expect(mail.subject).toBe("Påloggingskode – æøå");
    expect(mail.text).toContain("Den gjelder i 10 minutter.");
    expect(mail.receivedAt).toBeGreaterThanOrEqual(before);
  });

  test("lists mail per recipient and clears", async () => {
    await transport.sendMail({ from: "a@example.invalid", to: ["one@example.invalid", "two@example.invalid"], subject: "Both", text: "Hello" });

    expect(await listMail(server.httpPort, "one@example.invalid")).toHaveLength(1);
    expect(await listMail(server.httpPort, "two@example.invalid")).toHaveLength(1);
    expect(await listMail(server.httpPort, "three@example.invalid")).toEqual([]);

    await clearMail(server.httpPort);
    expect(await listMail(server.httpPort, "one@example.invalid")).toEqual([]);
  });

  test("waiting times out without mail", async () => {
    await expect(waitForMail(server.httpPort, "nobody@example.invalid", { timeoutMs: 300 })).rejects.toThrow(/No mail to nobody@example.invalid/);
  });

  test("waiting skips mail before the mark", async () => {
    await transport.sendMail({ from: "a@example.invalid", to: "late@example.invalid", subject: "Old", text: "111111" });
    const mark = Date.now() + 1;
    await expect(waitForMail(server.httpPort, "late@example.invalid", { after: mark, timeoutMs: 300 })).rejects.toThrow();
  });

  test("port in use is rejected", async () => {
    await expect(startTestSmtpServer({ smtpPort: server.smtpPort, httpPort: 0 })).rejects.toThrow(/EADDRINUSE/);
    await expect(startTestSmtpServer({ smtpPort: 0, httpPort: server.httpPort })).rejects.toThrow(/EADDRINUSE/);
  });

  test("code extraction needs exactly one code", () => {
    expect(extractSignInCode("Koden din er 042917.\nDen gjelder i 10 minutter.")).toBe("042917");
    expect(() => extractSignInCode("Ingen kode her")).toThrow(/found 0/);
    expect(() => extractSignInCode("123456 og 654321")).toThrow(/found 2/);
    expect(() => extractSignInCode("1234567")).toThrow(/found 0/);
  });
});
