import pino from "pino";

/**
 * The one logger. Events are past-tense names (`session.created`) with ids only:
 * never names, pseudonyms, e-mail addresses, tokens or text someone wrote.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "reconnect" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["token", "code", "email", "password", "*.token", "*.code", "*.email", "req.headers.cookie"],
      censor: "[redacted]",
    },
  });
}

export type Logger = pino.Logger;
