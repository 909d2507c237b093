import path from "node:path";

import { describe, expect, test } from "vitest";

import { ConfigError, loadConfig } from "./config";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  test("defaults with an empty environment", () => {
    const config = loadConfig({});

    expect(config.env).toBe("development");
    expect(config.port).toBe(3000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.publicUrl.href).toBe("http://localhost:3000/");
    expect(config.https).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.dataDir).toBe(path.resolve("./data"));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoMode).toBe("auto");
    expect(config.encryptionKeys).toBeUndefined();
    expect(config.lookupKey).toBeUndefined();
    expect(config.session).toEqual({ idleMinutesMember: 30, idleMinutesProvider: 15, absoluteHours: 12 });
    expect(config.invitationValidDays).toBe(7);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe("ReConnect <no-reply@reconnect.invalid>");
    expect(config.acuteHelp.map((entry) => entry.number)).toEqual(["113", "116 117", "116 123", "22 40 00 40"]);
    expect(config.logLevel).toBe("info");
    expect(config.oidc).toEqual([]);
  });

  test("empty variables count as unset", () => {
    const config = loadConfig({ PORT: "", PUBLIC_URL: "", DATABASE_URL: "", OIDC_IDPORTEN_ISSUER: "" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.oidc).toEqual([]);
  });

  test("reads set values", () => {
    const config = loadConfig({
      PORT: "8080",
      PUBLIC_URL: "https://reconnect.example.no",
      TRUST_PROXY: "true",
      DATA_DIR: "/var/lib/reconnect",
      DATABASE_URL: "postgresql://reconnect@db:5432/reconnect",
      SESSION_IDLE_MINUTES_PROVIDER: "10",
      INVITATION_VALID_DAYS: "14",
    });

    expect(config.port).toBe(8080);
    expect(config.https).toBe(true);
    expect(config.trustProxy).toBe(true);
    expect(config.dataDir).toBe("/var/lib/reconnect");
    expect(config.databaseUrl).toBe("postgresql://reconnect@db:5432/reconnect");
    expect(config.session.idleMinutesProvider).toBe(10);
    expect(config.invitationValidDays).toBe(14);
  });

  test.each([
    ["NODE_ENV", "staging", '"development"|"production"|"test"'],
    ["PORT", "abc", "a whole number from 1 to 65535"],
    ["PORT", "70000", "a whole number from 1 to 65535"],
    ["PORT", "80.5", "a whole number from 1 to 65535"],
    ["PUBLIC_URL", "ftp://reconnect.example.no", "such as https://reconnect.example.no"],
    ["PUBLIC_URL", "reconnect.example.no", "such as https://reconnect.example.no"],
    ["TRUST_PROXY", "yes", '"true"|"false"'],
    ["DATABASE_URL", "mysql://db/reconnect", "starts with postgres:// or postgresql://"],
    ["DEMO_MODE", "maybe", '"auto"|"on"|"off"'],
    ["ENCRYPTION_KEYS", "not-a-key", "openssl rand -base64 32"],
    ["LOOKUP_KEY", "short", "openssl rand -base64 32"],
    ["SESSION_IDLE_MINUTES_MEMBER", "0", "a whole number of minutes from 1 to 1440"],
    ["SESSION_IDLE_MINUTES_PROVIDER", "2000", "a whole number of minutes from 1 to 1440"],
    ["SESSION_ABSOLUTE_HOURS", "100", "a whole number of hours from 1 to 72"],
    ["INVITATION_VALID_DAYS", "61", "a whole number of days from 1 to 60"],
    ["SMTP_URL", "http://mail.example.no", "smtp://user:password@host:587"],
    ["MAIL_FROM", "a", "ReConnect <no-reply@example.no>"],
    ["LOG_LEVEL", "loud", '"fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"'],
    ["OIDC_IDPORTEN_ISSUER", "not a url", "issuer URL, such as https://idporten.no"],
    ["OIDC_HELSEID_ISSUER", "ldap://helseid", "issuer URL, such as https://idporten.no"],
    ["PORT", "0x0BF0", "a whole number from 1 to 65535"],
    ["ACUTE_HELP", '[{"number":"800 12 345","hours":"08–22"}]', 'name is required when kind is "other"'],
  ])("%s=%s names the variable and the fix", (name, value, fix) => {
    const message = configError({ [name]: value });
    expect(message).toContain(`${name} is invalid`);
    expect(message).toContain(fix);
  });

  test("every bad variable gets its own line", () => {
    const message = configError({ PORT: "x", LOG_LEVEL: "loud", DEMO_MODE: "maybe" });
    const lines = message.split("\n");
    expect(lines[0]).toBe("Configuration is invalid, so ReConnect did not start.");
    expect(lines.filter((line) => line.startsWith("PORT is invalid"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("LOG_LEVEL is invalid"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("DEMO_MODE is invalid"))).toHaveLength(1);
  });

  test("plain values are shown, secrets are hidden", () => {
    expect(configError({ PORT: "abc" })).toContain('Current value: "abc".');

    const secrets = {
      ENCRYPTION_KEYS: "k1:almost-a-real-key",
      LOOKUP_KEY: "secret-lookup",
      DATABASE_URL: "mysql://user:hunter2@db/reconnect",
      SMTP_URL: "http://user:hunter3@mail",
    };
    const message = configError(secrets);
    for (const [name, value] of Object.entries(secrets)) {
      expect(message).toContain(`${name} is invalid`);
      expect(message).not.toContain(value);
      expect(message).toContain(`hidden (${value.length} characters)`);
    }
  });

  test("encryption keys parse in order, first one encrypts", () => {
    const config = loadConfig({ ENCRYPTION_KEYS: `new:${key(1)},old:${key(2)}`, LOOKUP_KEY: key(3) });
    expect(config.encryptionKeys?.map((entry) => entry.id)).toEqual(["new", "old"]);
    expect(config.encryptionKeys?.[0]?.key).toEqual(Buffer.alloc(32, 1));
    expect(config.lookupKey).toEqual(Buffer.alloc(32, 3));
  });

  test("encryption key of the wrong length names its id", () => {
    const shortKey = Buffer.alloc(31, 1).toString("base64");
    const message = configError({ ENCRYPTION_KEYS: `k1:${key(1)},k2:${shortKey}` });
    expect(message).toContain('ENCRYPTION_KEYS: key "k2" is 31 bytes, but AES-256 needs 32');
    expect(message).toContain("openssl rand -base64 32");
  });

  test("production without keys stops", () => {
    const message = configError({ NODE_ENV: "production" });
    expect(message).toContain("ENCRYPTION_KEYS and LOOKUP_KEY are missing");
    expect(message).toContain("LOOKUP_KEY=<openssl rand -base64 32>");

    expect(configError({ NODE_ENV: "production", ENCRYPTION_KEYS: `k1:${key(1)}` })).toContain("LOOKUP_KEY");
    expect(configError({ NODE_ENV: "production", LOOKUP_KEY: key(1) })).toContain("ENCRYPTION_KEYS");
  });

  test("production with keys starts, but never in demo mode", () => {
    const keys = { NODE_ENV: "production", ENCRYPTION_KEYS: `k1:${key(1)}`, LOOKUP_KEY: key(2) };
    expect(loadConfig(keys).env).toBe("production");
    expect(configError({ ...keys, DEMO_MODE: "on" })).toContain("DEMO_MODE=on is not allowed when NODE_ENV is production");
  });

  test("test clock is refused in production", () => {
    const keys = { NODE_ENV: "production", ENCRYPTION_KEYS: `k1:${key(1)}`, LOOKUP_KEY: key(2) };
    expect(configError({ ...keys, TEST_CLOCK: "on" })).toContain("TEST_CLOCK=on is not allowed when NODE_ENV is production");
    expect(loadConfig({ TEST_CLOCK: "on" }).testClock).toBe(true);
    expect(loadConfig({}).testClock).toBe(false);
  });

  describe("ACUTE_HELP", () => {
    test("parses a JSON list and fills in the kind", () => {
      const config = loadConfig({
        ACUTE_HELP: JSON.stringify([
          { number: "113", kind: "emergency" },
          { number: "+47 55 00 00 00", name: "Psykiatrisk akutteam", hours: "hele døgnet" },
        ]),
      });
      expect(config.acuteHelp).toEqual([
        { number: "113", kind: "emergency" },
        { number: "+47 55 00 00 00", kind: "other", name: "Psykiatrisk akutteam", hours: "hele døgnet" },
      ]);
    });

    test("invalid JSON names the variable and an example", () => {
      const message = configError({ ACUTE_HELP: "[{number: 113}]" });
      expect(message).toContain("ACUTE_HELP is not valid JSON");
      expect(message).toContain('[{"number":"113","kind":"emergency"}]');
    });

    test.each([
      ["[]", "ACUTE_HELP is invalid"],
      ['{"number":"113"}', "ACUTE_HELP is invalid"],
      ['[{"number":"call us"}]', "0.number: a phone number of digits, spaces and +"],
      ['[{"number":"113","kind":"police"}]', "0.kind"],
      ['[{"number":"113"},{"kind":"emergency"}]', "1.number"],
    ])("%s is rejected", (value, expected) => {
      expect(configError({ ACUTE_HELP: value })).toContain(expected);
    });
  });

  describe("OpenID Connect clients", () => {
    const idporten = { OIDC_IDPORTEN_ISSUER: "https://idporten.example.no", OIDC_IDPORTEN_CLIENT_ID: "reconnect", OIDC_IDPORTEN_CLIENT_SECRET: "s3cret" };

    test("a complete triplet makes a client with its preset", () => {
      const config = loadConfig({ ...idporten, OIDC_HELSEID_ISSUER: "https://helseid.example.no", OIDC_HELSEID_CLIENT_ID: "rc", OIDC_HELSEID_CLIENT_SECRET: "x" });
      expect(config.oidc).toEqual([
        { preset: "idporten", issuer: "https://idporten.example.no", clientId: "reconnect", clientSecret: "s3cret", requiredAcr: "idporten-loa-high" },
        { preset: "helseid", issuer: "https://helseid.example.no", clientId: "rc", clientSecret: "x", hprClaim: "helseid://claims/hpr/hpr_number" },
      ]);
    });

    test.each(["OIDC_IDPORTEN_ISSUER", "OIDC_IDPORTEN_CLIENT_ID", "OIDC_IDPORTEN_CLIENT_SECRET"])("missing %s stops start-up", (missing) => {
      const partial: Record<string, string> = { ...idporten };
      delete partial[missing];
      const message = configError(partial);
      expect(message).toContain("OIDC_IDPORTEN_ISSUER, OIDC_IDPORTEN_CLIENT_ID and OIDC_IDPORTEN_CLIENT_SECRET must be set together");
      expect(message).toContain("Set all three, or none");
    });

    test("a lone HelseID client id stops start-up", () => {
      expect(configError({ OIDC_HELSEID_CLIENT_ID: "rc" })).toContain("OIDC_HELSEID_ISSUER, OIDC_HELSEID_CLIENT_ID and OIDC_HELSEID_CLIENT_SECRET must be set together");
    });
  });
});
