import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createCommunity, createPerson } from "../../tests/support/onboarding-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { communities } from "../communities/schema";
import { isUniqueViolation } from "../platform/unique-violation";
import { acceptTerms } from "./accept-terms";
import { choosePseudonym, suggestPseudonymsFor } from "./choose-pseudonym";
import { getOwnMemberProfile } from "./get-own-member-profile";
import { pseudonymKey, pseudonymResemblesName, pseudonymSchema } from "./pseudonym";
import { accounts, memberProfiles } from "./schema";
import { setCommunityVisibility } from "./set-community-visibility";

describe.each(testEngines())("onboarding on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function auditActions(accountId: string) {
    const rows = await database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, accountId));
    return rows.map((row) => row.action);
  }

  async function storedPseudonym(accountId: string) {
    const [profile] = await database.db.select().from(memberProfiles).where(eq(memberProfiles.accountId, accountId));
    return profile?.pseudonym;
  }

  describe("acceptTerms", () => {
    test("records the time and one audit event", async () => {
      const person = await createPerson(database, { roles: ["member"], termsAccepted: false });
      const now = new Date("2026-12-04T12:00:00Z");

      expect(await acceptTerms(database.db, person, now)).toEqual({ status: "accepted" });
      expect(await acceptTerms(database.db, person, new Date("2026-12-05T12:00:00Z"))).toEqual({ status: "already_accepted" });

      const [account] = await database.db.select().from(accounts).where(eq(accounts.id, person.accountId));
      expect(account?.termsAcceptedAt?.toISOString()).toBe(now.toISOString());
      expect(await auditActions(person.accountId)).toEqual(["terms.accepted"]);
    });

    test("provider accepts the terms too", async () => {
      const person = await createPerson(database, { roles: ["provider"], termsAccepted: false });
      expect(await acceptTerms(database.db, person)).toEqual({ status: "accepted" });
    });
  });

  describe("choosePseudonym", () => {
    test("member chooses a pseudonym", async () => {
      const person = await createPerson(database, { roles: ["member"], fullName: "Kari Nordby" });

      expect(await choosePseudonym(database.db, database.keys, person, { pseudonym: "  Havørn  ", confirmResemblance: false })).toEqual({
        status: "saved",
        pseudonym: "Havørn",
      });

      expect(await storedPseudonym(person.accountId)).toBe("Havørn");
      expect(await auditActions(person.accountId)).toEqual(["member_profile.pseudonym_chosen"]);
    });

    test("provider cannot have a pseudonym", async () => {
      const person = await createPerson(database, { roles: ["provider"] });
      expect(await choosePseudonym(database.db, database.keys, person, { pseudonym: "Behandler1", confirmResemblance: false })).toEqual({ status: "not_found" });
      expect(await storedPseudonym(person.accountId)).toBeUndefined();
    });

    test.each([
      ["ab", "pseudonym_too_short"],
      ["x".repeat(31), "pseudonym_too_long"],
      ["<b>hei</b>", "pseudonym_invalid_characters"],
    ])("rejects %s with %s", async (pseudonym, code) => {
      const person = await createPerson(database, { roles: ["member"] });
      expect(await choosePseudonym(database.db, database.keys, person, { pseudonym, confirmResemblance: false })).toEqual({ status: "invalid", code });
    });

    test("taken regardless of case and accents", async () => {
      await createPerson(database, { roles: ["member"], pseudonym: "Måke" });
      const person = await createPerson(database, { roles: ["member"], fullName: "Per Kristiansen" });

      for (const pseudonym of ["make", "MAKE", "Ma-ke", "Mäke"]) {
        const result = await choosePseudonym(database.db, database.keys, person, { pseudonym, confirmResemblance: true });
        expect(result.status).toBe("taken");
        const suggestions = result.status === "taken" ? result.suggestions : [];
        expect(suggestions).toHaveLength(3);
        for (const suggestion of suggestions) expect(pseudonymSchema.safeParse(suggestion).success).toBe(true);
      }
      expect(await storedPseudonym(person.accountId)).toBeUndefined();
    });

    test("two members racing for one pseudonym: one gets it", async () => {
      const first = await createPerson(database, { roles: ["member"] });
      const second = await createPerson(database, { roles: ["member"] });

      const results = await Promise.all([
        choosePseudonym(database.db, database.keys, first, { pseudonym: "Tidevann", confirmResemblance: false }),
        choosePseudonym(database.db, database.keys, second, { pseudonym: "tidevann", confirmResemblance: false }),
      ]);

      expect(results.map((result) => result.status).sort()).toEqual(["saved", "taken"]);
    });

    test("resembling the real name needs confirmation", async () => {
      const person = await createPerson(database, { roles: ["member"], fullName: "Ingrid Solvang" });

      const warned = await choosePseudonym(database.db, database.keys, person, { pseudonym: "Solvang77", confirmResemblance: false });

      expect(warned).toEqual({ status: "resembles_name" });
      expect(JSON.stringify(warned)).not.toContain("Ingrid");
      expect(await storedPseudonym(person.accountId)).toBeUndefined();

      const confirmed = await choosePseudonym(database.db, database.keys, person, { pseudonym: "Solvang77", confirmResemblance: true });

      expect(confirmed).toEqual({ status: "saved", pseudonym: "Solvang77" });
      expect(await storedPseudonym(person.accountId)).toBe("Solvang77");
    });

    test("unrelated pseudonym needs no confirmation", async () => {
      const person = await createPerson(database, { roles: ["member"], fullName: "Ingrid Solvang" });
      expect((await choosePseudonym(database.db, database.keys, person, { pseudonym: "Nordavind", confirmResemblance: false })).status).toBe("saved");
    });

    test("member changes the pseudonym later", async () => {
      const person = await createPerson(database, { roles: ["member"], pseudonym: "Gammelnavn" });

      expect((await choosePseudonym(database.db, database.keys, person, { pseudonym: "Nyttnavn", confirmResemblance: false })).status).toBe("saved");

      const [profile] = await database.db.select().from(memberProfiles).where(eq(memberProfiles.accountId, person.accountId));
      expect(profile?.pseudonym).toBe("Nyttnavn");
      expect(profile?.pseudonymKey).toBe(pseudonymKey("Nyttnavn"));
      expect(await auditActions(person.accountId)).toEqual(["member_profile.pseudonym_changed"]);
    });

    test("changing only the case of one's own pseudonym is allowed", async () => {
      const person = await createPerson(database, { roles: ["member"], pseudonym: "sjøstjerne" });

      expect(await choosePseudonym(database.db, database.keys, person, { pseudonym: "Sjøstjerne", confirmResemblance: false })).toEqual({ status: "saved", pseudonym: "Sjøstjerne" });
      expect(await storedPseudonym(person.accountId)).toBe("Sjøstjerne");
    });

    test("saving the same pseudonym again writes nothing", async () => {
      const person = await createPerson(database, { roles: ["member"] });
      await choosePseudonym(database.db, database.keys, person, { pseudonym: "Dobbeltklikk", confirmResemblance: false });

      expect((await choosePseudonym(database.db, database.keys, person, { pseudonym: "Dobbeltklikk", confirmResemblance: false })).status).toBe("saved");
      expect(await auditActions(person.accountId)).toEqual(["member_profile.pseudonym_chosen"]);
    });
  });

  describe("suggestPseudonymsFor", () => {
    test("suggestions are free and do not resemble the name", async () => {
      const person = await createPerson(database, { roles: ["member"], fullName: "Sol Fjellstad" });

      const suggestions = await suggestPseudonymsFor(database.db, database.keys, person);

      expect(suggestions).toHaveLength(3);
      for (const suggestion of suggestions) {
        expect(pseudonymResemblesName(suggestion, "Sol Fjellstad")).toBe(false);
        const taken = await database.db.select().from(memberProfiles).where(eq(memberProfiles.pseudonymKey, pseudonymKey(suggestion)));
        expect(taken).toHaveLength(0);
      }
    });

    test("non-member gets no suggestions", async () => {
      const person = await createPerson(database, { roles: ["provider"] });
      expect(await suggestPseudonymsFor(database.db, database.keys, person)).toEqual([]);
    });
  });

  describe("member profile settings", () => {
    test("community is hidden until the member turns it on", async () => {
      const communityId = await createCommunity(database, "Havnøy kommune");
      const person = await createPerson(database, { roles: ["member"], pseudonym: "Nattergal", communityIds: [communityId] });

      expect(await getOwnMemberProfile(database.db, person)).toEqual({ pseudonym: "Nattergal", showCommunity: false, communityNames: ["Havnøy kommune"] });

      expect(await setCommunityVisibility(database.db, person, true)).toEqual({ status: "saved", showCommunity: true });
      expect((await getOwnMemberProfile(database.db, person))?.showCommunity).toBe(true);

      expect(await setCommunityVisibility(database.db, person, false)).toEqual({ status: "saved", showCommunity: false });
      expect((await getOwnMemberProfile(database.db, person))?.showCommunity).toBe(false);
    });

    test("provider has no member profile", async () => {
      const person = await createPerson(database, { roles: ["provider"] });
      expect(await getOwnMemberProfile(database.db, person)).toBeNull();
      expect(await setCommunityVisibility(database.db, person, true)).toEqual({ status: "not_found" });
    });

    test("member without a pseudonym has no profile yet", async () => {
      const person = await createPerson(database, { roles: ["member"] });
      expect(await getOwnMemberProfile(database.db, person)).toBeNull();
      expect(await setCommunityVisibility(database.db, person, true)).toEqual({ status: "not_found" });
    });
  });

  describe("isUniqueViolation", () => {
    test("recognises a duplicate key by constraint name", async () => {
      await database.db.insert(communities).values({ slug: "duplikat", name: "Duplikat" });
      const error = await database.db
        .insert(communities)
        .values({ slug: "duplikat", name: "Duplikat igjen" })
        .then(() => null, (caught: unknown) => caught);

      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, "communities_slug_key")).toBe(true);
      expect(isUniqueViolation(error, "member_profiles_pseudonym_key_key")).toBe(false);
      expect(isUniqueViolation(new Error("other"))).toBe(false);
    });
  });
});
