import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";

import { cafeJobHandlers, type CafeJobServices } from "../../server/cafes/cafe-jobs";
import { cafeRsvps, cafes } from "../../server/cafes/schema";
import type { PersonActor } from "../../server/identity/actor";
import { identities } from "../../server/identity/schema";
import { loadConfig } from "../../server/platform/config";
import { encryptText } from "../../server/platform/crypto";
import type { Database } from "../../server/platform/db";
import { createLogger } from "../../server/platform/logger";
import type { Mailer } from "../../server/platform/mail";
import { createPushSender, type PushSender } from "../../server/platform/push";
import { createTestAccount } from "./account-factory";
import type { TestDatabase } from "./test-database";

/** Words of a kafé that a neutral reminder must never contain. */
export const cafeSecrets = {
  title: "Kafé om angst og søvn",
  topic: "Søvnvansker når angsten kommer",
  placeName: "Bjørkelia frivilligsentral",
  address: "Storgata 12, 1234 Bjørkelia",
  directions: "Inngang fra bakgården",
};

export async function insertTestCafe(database: TestDatabase, options: { communityId: string; hostId: string; startsAt: Date }): Promise<string> {
  const [cafe] = await database.db
    .insert(cafes)
    .values({
      communityId: options.communityId,
      hostId: options.hostId,
      title: cafeSecrets.title,
      topic: cafeSecrets.topic,
      placeName: cafeSecrets.placeName,
      address: cafeSecrets.address,
      directions: cafeSecrets.directions,
      capacity: 500,
      startsAt: options.startsAt,
      endsAt: new Date(options.startsAt.getTime() + 2 * 60 * 60_000),
      approvedAt: options.startsAt,
    })
    .returning({ id: cafes.id });
  return cafe!.id;
}

export async function answerCafe(db: Database, cafeId: string, accountId: string, answer: "coming" | "maybe" | "not_coming" | "waitlisted") {
  await db
    .insert(cafeRsvps)
    .values({ cafeId, accountId, answer })
    .onConflictDoUpdate({ target: [cafeRsvps.cafeId, cafeRsvps.accountId], set: { answer } });
}

/** Create a member of the community with an e-mail address of their own. */
export async function createMemberWithAddress(database: TestDatabase, communityId: string): Promise<{ member: PersonActor; address: string }> {
  const member = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
  const address = `member.${randomBytes(5).toString("hex")}@example.invalid`;
  await database.db.update(identities).set({ emailEncrypted: encryptText(database.keys, address) }).where(eq(identities.accountId, member.accountId));
  return { member, address };
}

export function cafeJobServices(database: TestDatabase, mailer: Mailer, push: PushSender = createPushSender(null)): CafeJobServices {
  const config = loadConfig({});
  return { keys: database.keys, mailer, push, publicUrl: new URL("https://reconnect.example.no"), log: createLogger("silent"), config, dataDir: config.dataDir };
}

export function reminderHandlers(database: TestDatabase, mailer: Mailer, push?: PushSender) {
  return cafeJobHandlers(cafeJobServices(database, mailer, push));
}
