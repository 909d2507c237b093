// Creates a deployment's first administrator, who can then invite everyone else from the administration page.
// Run it with the same environment as the portal (NODE_ENV, DATA_DIR or DATABASE_URL, ENCRYPTION_KEYS, LOOKUP_KEY),
// because the sign-in lookup hashes are made with LOOKUP_KEY and must match the ones the portal computes.
import path from "node:path";
import { parseArgs } from "node:util";

import pino from "pino";

import {
  unsafeCreateAdministrator,
  validateAdministratorInput,
  type AdministratorField,
  type AdministratorFieldErrors,
  type CreateAdministratorResult,
} from "../server/identity/create-administrator";
import type { IdentityClaim } from "../server/identity/find-account";
import { ConfigError, loadConfig, type Config } from "../server/platform/config";
import { openDatabase } from "../server/platform/db";
import { loadKeyRing } from "../server/platform/keys";

const usage = `Create an administrator account that can sign in to ReConnect.

Usage:
  npm run create-administrator -- --name "Kari Nordmann" [--email kari@kommune.no] [--national-id 12345678901] [--hpr 1234567]

Options:
  --name         the person's full name (required)
  --email        an e-mail address, to sign in with a one-time code sent by e-mail
  --national-id  an 11-digit national ID number (fødselsnummer or D-number), to sign in with ID-porten
  --hpr          an HPR number, to sign in with HelseID
  --help         show this text

Give at least one of --email, --national-id and --hpr.

Run it with the same environment as the portal: NODE_ENV, DATABASE_URL or DATA_DIR,
ENCRYPTION_KEYS and LOOKUP_KEY. With the embedded database (no DATABASE_URL), stop the
portal first: only one process may open the database folder, so the command stops with
a message while the portal is running. With DATABASE_URL it may run beside the portal.
The command applies any pending database migrations, as the portal does at start-up.`;

const fieldMessages: Record<string, string> = {
  full_name_missing: "--name is missing. Give the person's full name, such as --name \"Kari Nordmann\".",
  full_name_too_long: "--name is longer than 120 characters. Give a shorter form of the name.",
  full_name_without_letters: "--name contains no letters. Give the person's full name.",
  email_invalid: "--email is not a valid e-mail address. Give an address such as kari@kommune.no.",
  email_too_long: "--email is longer than 254 characters, the maximum for an e-mail address.",
  national_id_not_eleven_digits: "--national-id must be 11 digits, such as 12345678901 (spaces are ignored).",
  national_id_check_digits_invalid: "--national-id is not a valid national ID number: its two check digits do not match. Check for a typing error.",
  national_id_birth_date_invalid: "--national-id is not a valid national ID number: its first six digits are not a date. Check for a typing error.",
  hpr_number_invalid: "--hpr must be an HPR number of up to 9 digits, such as 1234567.",
  sign_in_identifier_missing: "Give at least one of --email, --national-id and --hpr, so the person has a way to sign in.",
};

const claimOptions: Record<IdentityClaim["kind"], string> = { email: "--email", national_id: "--national-id", hpr: "--hpr" };

class UsageError extends Error {}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options === "help") {
    console.log(usage);
    return;
  }

  // Checked before the database opens, so a typing error creates no data folder or keys.
  const errors = validateAdministratorInput(options);
  if (errors) throw new UsageError(invalidInputMessage(errors));

  const config = loadConfig(process.env);
  // Warnings such as generated keys go to stderr as JSON lines, apart from the plain result on stdout.
  const log = pino({ level: config.logLevel, base: { service: "reconnect", command: "create-administrator" } }, pino.destination(2));
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    if (config.databaseUrl) throw new UsageError(`Opening the database in DATABASE_URL failed: ${reason}. Check the URL and that the PostgreSQL server accepts connections.`);
    throw new UsageError(`Opening the embedded database in ${config.dataDir} failed: ${reason}`);
  });

  try {
    const keys = loadKeyRing(config, log);
    const result = await unsafeCreateAdministrator(handle.db, keys, options);
    report(result, options, config, handle.kind);
  } finally {
    await handle.close();
  }
}

function readOptions(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: "string" },
        email: { type: "string" },
        "national-id": { type: "string" },
        hpr: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }

  const { values } = parsed;
  if (values.help) return "help" as const;
  return { fullName: values.name, email: values.email, nationalId: values["national-id"], hprNumber: values.hpr };
}

function invalidInputMessage(errors: AdministratorFieldErrors): string {
  const order: AdministratorField[] = ["fullName", "email", "nationalId", "hprNumber", "signIn"];
  const lines = order.flatMap((field) => {
    const code = errors[field];
    return code ? [fieldMessages[code] ?? `${field} is invalid (${code}).`] : [];
  });
  return `No account was created.\n${lines.join("\n")}\n\nRun with --help to see the options.`;
}

function report(result: CreateAdministratorResult, options: Exclude<ReturnType<typeof readOptions>, "help">, config: Config, databaseKind: "pglite" | "postgres") {
  if (result.status === "invalid") throw new UsageError(invalidInputMessage(result.errors));

  if (result.status === "identity_taken") {
    const takenOptions = result.claims.map((kind) => claimOptions[kind]).join(", ");
    throw new UsageError(
      `No account was created: another account already uses the same ${takenOptions}. ` +
        "Each e-mail address, national ID number and HPR number can belong to one account only. " +
        "Give the existing account the administrator role on the administration page, or use another value.",
    );
  }

  const database = databaseKind === "postgres" ? "the PostgreSQL server in DATABASE_URL" : `the embedded database in ${path.join(config.dataDir, "db")}`;
  const signInUrl = new URL("/sign-in", config.publicUrl).href;
  const oidcPresets = new Set(config.oidc.map((client) => client.preset));
  const ways = result.signInClaims.map((kind) => {
    if (kind === "email") {
      const note = config.smtpUrl ? "" : " (SMTP_URL is not set here, so the portal cannot send the code until it is)";
      return `- with a one-time code sent to ${options.email?.trim().toLowerCase()}${note}`;
    }
    if (kind === "national_id") {
      const note = oidcPresets.has("idporten") ? "" : " (ID-porten is not configured here: set the OIDC_IDPORTEN_* variables)";
      return `- with ID-porten, as the holder of the national ID number given${note}`;
    }
    const note = oidcPresets.has("helseid") ? "" : " (HelseID is not configured here: set the OIDC_HELSEID_* variables)";
    return `- with HelseID, as HPR number ${options.hprNumber?.replace(/\s/g, "")}${note}`;
  });

  console.log(`Created an administrator account for ${options.fullName?.trim()} (account id ${result.accountId}) in ${database}.

They can sign in at ${signInUrl}
${ways.join("\n")}

At their first sign-in the portal asks them to accept the terms of use. They can then
invite other people and manage municipalities from the administration page.`);
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Creating the administrator failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
