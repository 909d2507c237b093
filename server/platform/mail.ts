import nodemailer from "nodemailer";

import type { Logger } from "./logger";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Send in the background; failures are logged, never thrown to the caller. */
  sendLater(mail: OutgoingMail, logContext: Record<string, string>): void;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      enabled: false,
      sendLater: () => undefined,
      send: async () => {
        throw new Error("SMTP_URL is not set, so e-mail cannot be sent.");
      },
      close: () => undefined,
    };
  }

  const transport = nodemailer.createTransport(options.smtpUrl);
  const send = async (mail: OutgoingMail) => {
    await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
  };

  return {
    enabled: true,
    send,
    sendLater(mail, logContext) {
      send(mail).then(
        () => options.log.info(logContext, "mail.sent"),
        (error: unknown) => options.log.error({ ...logContext, err: error }, "mail.failed"),
      );
    },
    close: () => transport.close(),
  };
}
