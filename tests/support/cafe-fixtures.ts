import { randomBytes } from "node:crypto";

import type { PersonActor } from "../../server/identity/actor";
import { createCafe } from "../../server/cafes/create-cafe";
import { instantToPortalLocalTime } from "../../server/platform/portal-time";
import { createTestAccount, createTestCommunity } from "./account-factory";
import { formKey } from "./forum-factory";
import type { TestDatabase } from "./test-database";

/** Create a community with a hosting peer moderator, three members and a member of another community. */
export async function createCafeCommunity(database: TestDatabase) {
  const communityId = await createTestCommunity(database);
  const otherCommunityId = await createTestCommunity(database);
  const host = await createTestAccount(database, { roles: ["peer_moderator"], pseudonym: `Vert${randomBytes(3).toString("hex")}`, communityIds: [communityId] });
  const members: PersonActor[] = [];
  for (let index = 0; index < 3; index++) members.push(await createTestAccount(database, { roles: ["member"], communityIds: [communityId] }));
  const outsider = await createTestAccount(database, { roles: ["member"], communityIds: [otherCommunityId] });
  return { communityId, otherCommunityId, host, members, outsider };
}

/** Form fields of a valid one-off kafé starting `startsAt`, as the create form sends them. */
export function oneOffCafeForm(communityId: string, startsAt: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const [date, startTime] = instantToPortalLocalTime(startsAt).split("T");
  return {
    communityId,
    schedule: "once",
    title: "Kafé i testbyen",
    topic: "Gode vaner om vinteren",
    placeName: "Biblioteket",
    address: "Storgata 1",
    directions: "Inngang fra parken",
    accessibilityNotes: "Trinnfri inngang",
    capacity: "",
    forumThread: "",
    date,
    startTime,
    durationMinutes: "120",
    idempotencyKey: formKey(),
    ...overrides,
  };
}

/** Create a one-off kafé and return its id, or fail the test. */
export async function createTestCafe(database: TestDatabase, host: PersonActor, communityId: string, startsAt: Date, now: Date, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await createCafe(database.db, host, oneOffCafeForm(communityId, startsAt, overrides), now);
  if (result.status !== "created") throw new Error(`Expected the kafé to be created, got ${JSON.stringify(result)}.`);
  return result.cafeId;
}
