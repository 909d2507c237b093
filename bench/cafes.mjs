// Measures the two kafé paths that see bursts: many members answering "coming" at once for the last seats, and
// a batch of due reminders sent by two portal instances at once.
// Run: npm run bench:cafes   (PostgreSQL from BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
// BENCH_MEMBERS, members answering at once, default 200; BENCH_REMINDERS, due reminders, default 1000)
//
// Answers run on the embedded PGlite and on the PostgreSQL server, each in a fresh database. Reminders run on the
// server only (PGlite has one connection, so a second instance cannot share it) and are delivered in the portal
// and by e-mail to a local SMTP test server, which also counts mails per recipient to show none is sent twice.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";

import { answerCafe } from "../server/cafes/answer-cafe.ts";
import { cafeJobHandlers } from "../server/cafes/cafe-jobs.ts";
import { unsafeScheduleCafeReminders } from "../server/cafes/schedule-cafe-reminders.ts";
import { cafeRsvps, cafes, cafeSettings } from "../server/cafes/schema.ts";
import { communities, communityMemberships } from "../server/communities/schema.ts";
import { accountRoles, accounts, identities, memberProfiles } from "../server/identity/schema.ts";
import { loadConfig } from "../server/platform/config.ts";
import { encryptText } from "../server/platform/crypto.ts";
import { openDatabase } from "../server/platform/db.ts";
import { runDueJobs } from "../server/platform/jobs.ts";
import { createLogger } from "../server/platform/logger.ts";
import { createMailer } from "../server/platform/mail.ts";
import { createPushSender } from "../server/platform/push.ts";
import * as schema from "../server/schema.ts";
import { startTestSmtpServer } from "../tests/support/smtp-server.ts";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const memberCount = Number(process.env.BENCH_MEMBERS ?? 200);
const reminderCount = Number(process.env.BENCH_REMINDERS ?? 1000);
const capacity = 10;
const keys = { encryptionKeys: [{ id: "bench1", key: randomBytes(32) }], lookupKey: randomBytes(32) };
const log = createLogger("silent");

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Insert a community, a host and `count` members of it; return their ids. */
async function seedPeople(db, count, withAddresses) {
  const [community] = await db.insert(communities).values({ name: "Benkekommune", slug: `bench-${randomBytes(4).toString("hex")}` }).returning({ id: communities.id });
  const ids = [];
  for (let index = 0; index < count + 1; index++) {
    const [account] = await db.insert(accounts).values({ termsAcceptedAt: new Date() }).returning({ id: accounts.id });
    ids.push(account.id);
    await db.insert(accountRoles).values({ accountId: account.id, role: index === 0 ? "peer_moderator" : "member" });
    await db.insert(identities).values({
      accountId: account.id,
      fullNameEncrypted: encryptText(keys, `Benk ${index}`),
      emailEncrypted: withAddresses ? encryptText(keys, `member${index}@bench.invalid`) : null,
    });
    await db.insert(memberProfiles).values({ accountId: account.id, pseudonym: `Benk${index}`, pseudonymKey: `benk${index}-${randomBytes(3).toString("hex")}` });
    await db.insert(communityMemberships).values({ accountId: account.id, communityId: community.id });
  }
  return { communityId: community.id, hostId: ids[0], memberIds: ids.slice(1) };
}

async function insertCafe(db, people, startsAt, seats) {
  const [cafe] = await db
    .insert(cafes)
    .values({ communityId: people.communityId, hostId: people.hostId, title: "Benkekafé", placeName: "Biblioteket", address: "Gata 1", capacity: seats, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) })
    .returning({ id: cafes.id });
  return cafe.id;
}

function memberActor(accountId) {
  return { kind: "person", accountId, roles: ["member"], locale: "nb", displayName: null, hasMemberProfile: true, termsAccepted: true, isDemo: false, sessionTokenHash: "" };
}

/** All members answer "coming" at once for a kafé with `capacity` seats; time each answer. */
async function measureAnswers(engine, db) {
  const people = await seedPeople(db, memberCount, false);
  const now = new Date();
  const cafeId = await insertCafe(db, people, new Date(now.getTime() + 7 * 86_400_000), capacity);
  const durations = [];
  const started = performance.now();
  await Promise.all(
    people.memberIds.map(async (accountId) => {
      const begun = performance.now();
      const result = await answerCafe(db, memberActor(accountId), cafeId, { answer: "coming", showToRevealed: false }, now);
      durations.push(performance.now() - begun);
      if (result.status !== "answered") throw new Error(`answer failed: ${result.status}`);
    }),
  );
  const wallMs = performance.now() - started;
  const rows = await db.select({ answer: cafeRsvps.answer }).from(cafeRsvps);
  durations.sort((a, b) => a - b);
  return {
    engine,
    members: memberCount,
    seated: rows.filter((row) => row.answer === "coming").length,
    waitlisted: rows.filter((row) => row.answer === "waitlisted").length,
    wallMs,
    p50: percentile(durations, 0.5),
    p99: percentile(durations, 0.99),
  };
}

async function createServerDatabase() {
  const name = `reconnect_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Send `reminderCount` due reminders from two instances, each with its own pool and two workers, and time it. */
async function measureReminders(handle, url) {
  const smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
  const db = handle.db;
  const people = await seedPeople(db, reminderCount, true);
  const scheduledAt = new Date();
  const startsAt = new Date(scheduledAt.getTime() + 3 * 86_400_000);
  const cafeId = await insertCafe(db, people, startsAt, null);
  for (const accountId of people.memberIds) {
    await db.insert(cafeRsvps).values({ cafeId, accountId, answer: "coming" });
    await db.insert(cafeSettings).values({ accountId, reminderOffsets: [1440], remindByPush: false });
    await unsafeScheduleCafeReminders(db, cafeId, accountId, scheduledAt);
  }

  const config = loadConfig({});
  const secondPool = new pg.Pool({ connectionString: url, max: 10 });
  const instances = [db, drizzle({ client: secondPool, schema })];
  const handlers = instances.map(() =>
    cafeJobHandlers({
      keys,
      mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log }),
      push: createPushSender(null),
      publicUrl: new URL("https://reconnect.example.no"),
      log,
      config,
      dataDir: config.dataDir,
    }).cafe_reminder,
  );

  const due = new Date(startsAt.getTime() - 1440 * 60_000 + 1000);
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    instances.flatMap((instance, index) =>
      [0, 1].map(async () => {
        for (;;) {
          const ran = await runDueJobs(instance, "cafe_reminder", handlers[index], due, log);
          sent += ran;
          if (ran === 0) return;
        }
      }),
    ),
  );
  const wallMs = performance.now() - started;

  const mails = await (await fetch(`http://127.0.0.1:${smtp.httpPort}/messages`)).json().catch(() => null);
  const perRecipient = new Map();
  for (const mail of Array.isArray(mails) ? mails : []) for (const to of [mail.to].flat()) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  await secondPool.end();
  await smtp.close();
  return { reminders: reminderCount, completed: sent, wallMs, perSecond: (sent / wallMs) * 1000, mails: Array.isArray(mails) ? mails.length : "–", sentTwice: [...perRecipient.values()].filter((count) => count > 1).length };
}

const answerRows = [];
const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-bench-cafes-"));
const embedded = await openDatabase({ dataDir: folder });
answerRows.push(await measureAnswers("PGlite", embedded.db));
await embedded.close();
rmSync(folder, { recursive: true, force: true });

const server = await createServerDatabase();
let reminderRow;
try {
  const handle = await openDatabase({ databaseUrl: server.url, dataDir: folder });
  answerRows.push(await measureAnswers("PostgreSQL", handle.db));
  reminderRow = await measureReminders(handle, server.url);
  await handle.close();
} finally {
  await server.drop();
}

console.log(`\nLast seats: ${memberCount} members answer "coming" at once for ${capacity} seats (${os.cpus().length} cores, Node ${process.version})\n`);
console.log("| engine | members | seated | waitlisted | all answered in ms | p50 ms | p99 ms |");
console.log("|---|---|---|---|---|---|---|");
for (const row of answerRows) {
  console.log(`| ${row.engine} | ${row.members} | ${row.seated} | ${row.waitlisted} | ${row.wallMs.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} |`);
}
console.log(`\nDue reminders sent by two instances with two workers each (PostgreSQL, e-mail to a local SMTP server)\n`);
console.log("| reminders | completed | e-mails | sent twice | seconds | reminders/s |");
console.log("|---|---|---|---|---|---|");
console.log(`| ${reminderRow.reminders} | ${reminderRow.completed} | ${reminderRow.mails} | ${reminderRow.sentTwice} | ${(reminderRow.wallMs / 1000).toFixed(1)} | ${reminderRow.perSecond.toFixed(0)} |`);
