import path from "node:path";
import { z } from "zod";

/**
 * Configuration, read from the environment once at start-up. A bad value stops
 * the process with a message that names the variable and how to fix it.
 */

const defaultAcuteHelp = [
  { number: "113", kind: "emergency" },
  { number: "116 117", kind: "out_of_hours" },
  { number: "116 123", kind: "mental_helse" },
  { number: "22 40 00 40", kind: "kirkens_sos" },
] as const;

const acuteHelpEntry = z.object({
  number: z.string().regex(/^[0-9 +]{3,20}$/, "a phone number of digits, spaces and +"),
  // `kind` picks translated wording for a known service; `name` is used as-is for any other.
  kind: z.enum(["emergency", "out_of_hours", "mental_helse", "kirkens_sos", "other"]).default("other"),
  name: z.string().min(1).max(120).optional(),
  hours: z.string().max(120).optional(),
}).refine((entry) => entry.kind !== "other" || entry.name !== undefined, {
  // A bare number on the acute-help page tells a person in crisis nothing about whom they would call.
  message: 'name is required when kind is "other" or missing; give the service\'s name, or a kind such as "emergency"',
  path: ["name"],
});

export type AcuteHelpEntry = z.infer<typeof acuteHelpEntry>;

/** Build a whole-number field whose every failure gets one message stating the range. */
const wholeNumber = (min: number, max: number, unit: string) => {
  const message = `a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max}`;
  // Digits only: Number() would also accept "0x0BF0" or "1e3".
  return z
    .string()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int({ error: message }).min(min, { error: message }).max(max, { error: message }));
};

const minutes = (fallback: number) => wholeNumber(1, 24 * 60, "minutes").default(fallback);

const oidcClient = (prefix: string) => ({
  [`${prefix}_ISSUER`]: z.url({ protocol: /^https?$/, error: "the provider's issuer URL, such as https://idporten.no (http:// only for a provider on this machine)" }).optional(),
  [`${prefix}_CLIENT_ID`]: z.string().min(1).optional(),
  [`${prefix}_CLIENT_SECRET`]: z.string().min(1).optional(),
});

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: wholeNumber(1, 65535, "").default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "the address people open the portal at, such as https://reconnect.example.no" }).optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "a URL that starts with postgres:// or postgresql://")
    .optional(),
  DEMO_MODE: z.enum(["auto", "on", "off"]).default("auto"),
  ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44})*$/,
      "comma-separated id:key pairs, each key 32 random bytes in base64 (openssl rand -base64 32); the first pair encrypts",
    )
    .optional(),
  LOOKUP_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=]{43,44}$/, "32 random bytes in base64 (openssl rand -base64 32)")
    .optional(),
  SESSION_IDLE_MINUTES_MEMBER: minutes(30),
  SESSION_IDLE_MINUTES_PROVIDER: minutes(15),
  SESSION_ABSOLUTE_HOURS: wholeNumber(1, 72, "hours").default(12),
  INVITATION_VALID_DAYS: wholeNumber(1, 60, "days").default(7),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "a URL such as smtp://user:password@host:587").optional(),
  MAIL_FROM: z.string().min(3, "a sender such as ReConnect <no-reply@example.no>").default("ReConnect <no-reply@reconnect.invalid>"),
  ACUTE_HELP: z.string().optional(),
  TEST_CLOCK: z.enum(["on", "off"]).default("off"),
  // Web push (VAPID, RFC 8292): an uncompressed P-256 public key (65 bytes) and its private key (32 bytes), base64url as web-push prints them.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "the 65-byte public key in base64url without padding (87 characters), as `npx web-push generate-vapid-keys` prints it")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "the 32-byte private key in base64url without padding (43 characters), as `npx web-push generate-vapid-keys` prints it")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s]+)$/, "a contact for push services: mailto:drift@example.no or an https:// URL")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ...oidcClient("OIDC_IDPORTEN"),
  OIDC_IDPORTEN_ACR: z.string().min(1).default("idporten-loa-high"),
  ...oidcClient("OIDC_HELSEID"),
  OIDC_HELSEID_HPR_CLAIM: z.string().min(1).default("helseid://claims/hpr/hpr_number"),
});

export type OidcPresetName = "idporten" | "helseid";

export interface OidcClientConfig {
  preset: OidcPresetName;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The `acr` value a sign-in must carry; undefined accepts any. */
  requiredAcr?: string;
  /** The claim that carries the HPR number (HelseID only). */
  hprClaim?: string;
}

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: URL;
  /** True when the portal is reached over HTTPS: cookies get `Secure` and responses HSTS. */
  https: boolean;
  trustProxy: boolean;
  dataDir: string;
  databaseUrl?: string;
  demoMode: "auto" | "on" | "off";
  encryptionKeys?: { id: string; key: Buffer }[];
  lookupKey?: Buffer;
  session: { idleMinutesMember: number; idleMinutesProvider: number; absoluteHours: number };
  invitationValidDays: number;
  smtpUrl?: string;
  mailFrom: string;
  acuteHelp: AcuteHelpEntry[];
  logLevel: string;
  oidc: OidcClientConfig[];
  /** Tests only: POST /test/clock sets the portal's clock and runs due jobs. */
  testClock: boolean;
  /** Web push keys; when missing, push is off in production and generated into DATA_DIR elsewhere. */
  vapid?: VapidConfig;
  /** The VAPID contact when VAPID_SUBJECT is not set (only outside production, with generated keys). */
  vapidSubject?: string;
}

export interface VapidConfig {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: contact the push service can reach the operator at. */
  subject: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse and validate the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = environmentSchema.safeParse(present);

  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return `${name} is invalid: ${issue.message}. Current value: ${describeValue(name, env[name])}.`;
    });
    throw new ConfigError(`Configuration is invalid, so ReConnect did not start.\n${lines.join("\n")}`);
  }
  const values = parsed.data;

  const publicUrl = new URL(values.PUBLIC_URL ?? `http://localhost:${values.PORT}`);
  const oidc = [
    readOidcClient(values, "OIDC_IDPORTEN", "idporten", { requiredAcr: values.OIDC_IDPORTEN_ACR }),
    readOidcClient(values, "OIDC_HELSEID", "helseid", { hprClaim: values.OIDC_HELSEID_HPR_CLAIM }),
  ].filter((client): client is OidcClientConfig => client !== undefined);

  const config: Config = {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    publicUrl,
    https: publicUrl.protocol === "https:",
    trustProxy: values.TRUST_PROXY === "true",
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    demoMode: values.DEMO_MODE,
    encryptionKeys: values.ENCRYPTION_KEYS ? parseEncryptionKeys(values.ENCRYPTION_KEYS) : undefined,
    lookupKey: values.LOOKUP_KEY ? Buffer.from(values.LOOKUP_KEY, "base64") : undefined,
    session: {
      idleMinutesMember: values.SESSION_IDLE_MINUTES_MEMBER,
      idleMinutesProvider: values.SESSION_IDLE_MINUTES_PROVIDER,
      absoluteHours: values.SESSION_ABSOLUTE_HOURS,
    },
    invitationValidDays: values.INVITATION_VALID_DAYS,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    acuteHelp: values.ACUTE_HELP ? parseAcuteHelp(values.ACUTE_HELP) : [...defaultAcuteHelp],
    logLevel: values.LOG_LEVEL,
    oidc,
    testClock: values.TEST_CLOCK === "on",
    vapid: readVapid(values),
    vapidSubject: values.VAPID_SUBJECT,
  };

  if (config.env === "production") {
    if (!config.encryptionKeys || !config.lookupKey) {
      throw new ConfigError(
        "ENCRYPTION_KEYS and LOOKUP_KEY are missing, and NODE_ENV is production. " +
          "Set ENCRYPTION_KEYS=k1:<openssl rand -base64 32> and LOOKUP_KEY=<openssl rand -base64 32>, and keep them safe: without them the stored names and ID numbers cannot be read.",
      );
    }
    if (config.testClock) {
      throw new ConfigError("TEST_CLOCK=on is not allowed when NODE_ENV is production. Remove TEST_CLOCK or set it to off.");
    }
    if (config.demoMode === "on") {
      throw new ConfigError("DEMO_MODE=on is not allowed when NODE_ENV is production. Remove DEMO_MODE or set it to off.");
    }
  }
  return config;
}

// Keys, secrets and URLs that may carry a password are never echoed into logs, even when malformed.
const secretVariables = /^(ENCRYPTION_KEYS|LOOKUP_KEY|DATABASE_URL|SMTP_URL|OIDC_[A-Z]+_CLIENT_SECRET|VAPID_PRIVATE_KEY)$/;

function describeValue(name: string, value: string | undefined): string {
  if (value === undefined) return "null";
  if (secretVariables.test(name)) return `hidden (${value.length} characters)`;
  return JSON.stringify(value);
}

function readOidcClient(
  values: Record<string, unknown>,
  prefix: string,
  preset: OidcPresetName,
  extra: Partial<OidcClientConfig>,
): OidcClientConfig | undefined {
  const issuer = values[`${prefix}_ISSUER`] as string | undefined;
  const clientId = values[`${prefix}_CLIENT_ID`] as string | undefined;
  const clientSecret = values[`${prefix}_CLIENT_SECRET`] as string | undefined;

  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new ConfigError(
      `${prefix}_ISSUER, ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must be set together. Set all three, or none to turn this sign-in off.`,
    );
  }
  return { preset, issuer, clientId, clientSecret, ...extra };
}

function readVapid(values: { VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string; VAPID_SUBJECT?: string }): VapidConfig | undefined {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = values;
  if (!publicKey && !privateKey) return undefined;
  if (!publicKey || !privateKey || !subject) {
    throw new ConfigError(
      "VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT must be set together. Create a key pair with `npx web-push generate-vapid-keys` and set all three, or set none to leave web push off (outside production a key pair is then made in DATA_DIR/vapid.json).",
    );
  }
  return { publicKey, privateKey, subject };
}

function parseEncryptionKeys(value: string): { id: string; key: Buffer }[] {
  return value.split(",").map((pair) => {
    const [id = "", encoded = ""] = pair.split(":");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) {
      throw new ConfigError(`ENCRYPTION_KEYS: key "${id}" is ${key.length} bytes, but AES-256 needs 32. Create one with openssl rand -base64 32.`);
    }
    return { id, key };
  });
}

function parseAcuteHelp(value: string): AcuteHelpEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new ConfigError('ACUTE_HELP is not valid JSON. Use a list such as [{"number":"113","kind":"emergency"}].');
  }
  const parsed = z.array(acuteHelpEntry).min(1).safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`ACUTE_HELP is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}.`);
  }
  return parsed.data;
}
