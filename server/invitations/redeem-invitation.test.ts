import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createCommunity, createPerson, invitationServices, newFormKey } from "../../tests/support/onboarding-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { communityMemberships } from "../communities/schema";
import type { PersonActor } from "../identity/actor";
import { findAccountByClaim } from "../identity/find-account";
import type { Role } from "../identity/roles";
import { accountRoles, accounts, identities } from "../identity/schema";
import { decryptText } from "../platform/crypto";
import { createInvitation } from "./create-invitation";
import { redeemInvitation } from "./redeem-invitation";
import { invitations } from "./schema";

describe.each(testEngines())("redeemInvitation on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  let communityId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createPerson(database, { roles: ["administrator"] });
    communityId = await createCommunity(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function invite(options: { role?: Role; fullName?: string; email?: string; now?: Date } = {}) {
    const role = options.role ?? "member";
    const result = await createInvitation(
      invitationServices(database),
      administrator,
      { role, communityId: role === "member" ? communityId : null, fullName: options.fullName, email: options.email, formKey: newFormKey(), locale: "nb" },
      options.now,
    );
    if (result.status !== "created") throw new Error(`createInvitation returned ${result.status}`);
    return { id: result.invitation.id, token: new URL(result.invitation.link).pathname.split("/").pop()! };
  }

  async function auditActions(subjectId: string) {
    const rows = await database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
    return rows.map((row) => row.action).sort();
  }

  test("creates an account from a verified national ID", async () => {
    const { id, token } = await invite({ fullName: "Kari Nordby", email: "Kari@Example.no" });

    const result = await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { nationalId: "038578 12340" } });

    expect(result.status).toBe("redeemed");
    const accountId = result.status === "redeemed" ? result.accountId : "";
    const [account] = await database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account?.status).toBe("active");
    expect(account?.termsAcceptedAt).toBeNull();
    expect(await findAccountByClaim(database.db, database.keys, { kind: "national_id", value: "03857812340" })).toEqual({ status: "found", accountId });
    expect(await findAccountByClaim(database.db, database.keys, { kind: "email", value: "kari@example.no" })).toEqual({ status: "found", accountId });

    const [identity] = await database.db.select().from(identities).where(eq(identities.accountId, accountId));
    expect(decryptText(database.keys, identity!.fullNameEncrypted!)).toBe("Kari Nordby");
    expect(identity!.nationalIdEncrypted).not.toContain("03857812340");
    expect(decryptText(database.keys, identity!.nationalIdEncrypted!)).toBe("03857812340");

    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
    expect(roles.map((row) => row.role)).toEqual(["member"]);
    const memberships = await database.db.select().from(communityMemberships).where(eq(communityMemberships.accountId, accountId));
    expect(memberships.map((row) => row.communityId)).toEqual([communityId]);

    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(invitation?.acceptedBy).toBe(accountId);
    expect(invitation?.acceptedAt).not.toBeNull();
    expect(await auditActions(id)).toEqual(["invitation.created", "invitation.redeemed"]);
    expect(await auditActions(accountId)).toEqual(["role.granted"]);
  });

  test("prefers the signed-in name and e-mail over the invitation's", async () => {
    const { token } = await invite({ fullName: "Typed By Inviter", email: "typed@example.no" });

    const result = await redeemInvitation(database.db, database.keys, {
      token,
      accountId: null,
      identity: { email: "verified@example.no", fullName: "Verified Name" },
    });

    expect(result.status).toBe("redeemed");
    const accountId = result.status === "redeemed" ? result.accountId : "";
    const [identity] = await database.db.select().from(identities).where(eq(identities.accountId, accountId));
    expect(decryptText(database.keys, identity!.fullNameEncrypted!)).toBe("Verified Name");
    expect(decryptText(database.keys, identity!.emailEncrypted!)).toBe("verified@example.no");
    expect((await findAccountByClaim(database.db, database.keys, { kind: "email", value: "typed@example.no" })).status).toBe("none");
  });

  test("adds the role to an existing account once", async () => {
    const provider = await createPerson(database, { roles: ["provider"] });
    const first = await invite({ role: "peer_moderator" });
    const second = await invite({ role: "peer_moderator" });

    expect(await redeemInvitation(database.db, database.keys, { token: first.token, accountId: provider.accountId, identity: {} })).toEqual({
      status: "redeemed",
      accountId: provider.accountId,
    });
    expect(await redeemInvitation(database.db, database.keys, { token: second.token, accountId: provider.accountId, identity: {} })).toEqual({
      status: "redeemed",
      accountId: provider.accountId,
    });

    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, provider.accountId));
    expect(roles.map((row) => row.role).sort()).toEqual(["peer_moderator", "provider"]);
    expect(await auditActions(provider.accountId)).toEqual(["role.granted"]);
  });

  test("adds the community of a member invitation to an existing member", async () => {
    const otherCommunity = await createCommunity(database);
    const member = await createPerson(database, { roles: ["member"], pseudonym: "Eksisterende", communityIds: [otherCommunity] });
    const { token } = await invite();

    expect((await redeemInvitation(database.db, database.keys, { token, accountId: member.accountId, identity: {} })).status).toBe("redeemed");

    const memberships = await database.db.select().from(communityMemberships).where(eq(communityMemberships.accountId, member.accountId));
    expect(memberships.map((row) => row.communityId).sort()).toEqual([communityId, otherCommunity].sort());
  });

  test("second redeem of a token reads used", async () => {
    const { token } = await invite();
    expect((await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "first@example.no" } })).status).toBe("redeemed");

    const again = await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "second@example.no" } });

    expect(again).toEqual({ status: "used" });
    expect((await findAccountByClaim(database.db, database.keys, { kind: "email", value: "second@example.no" })).status).toBe("none");
  });

  test("two redeems at once succeed exactly once", async () => {
    const { id, token } = await invite();

    const results = await Promise.all([
      redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "race-a@example.no" } }),
      redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "race-b@example.no" } }),
    ]);

    expect(results.filter((result) => result.status === "redeemed")).toHaveLength(1);
    expect(results.filter((result) => result.status === "used")).toHaveLength(1);
    const found = await Promise.all(
      ["race-a@example.no", "race-b@example.no"].map((value) => findAccountByClaim(database.db, database.keys, { kind: "email", value })),
    );
    expect(found.filter((match) => match.status === "found")).toHaveLength(1);
    expect(await auditActions(id)).toEqual(["invitation.created", "invitation.redeemed"]);
  });

  test("expired invitation reads expired and creates nothing", async () => {
    const { id, token } = await invite({ now: new Date(Date.now() - 8 * 86_400_000) });

    const result = await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "late@example.no" } });

    expect(result).toEqual({ status: "expired" });
    expect((await findAccountByClaim(database.db, database.keys, { kind: "email", value: "late@example.no" })).status).toBe("none");
    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(invitation?.acceptedAt).toBeNull();
  });

  test("revoked or unknown token reads invalid", async () => {
    const { id, token } = await invite();
    await database.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id));

    expect(await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { email: "revoked@example.no" } })).toEqual({ status: "invalid" });
    expect(await redeemInvitation(database.db, database.keys, { token: "no-such-token", accountId: null, identity: {} })).toEqual({ status: "invalid" });
  });

  test("national ID of another account reads identity_taken and rolls back", async () => {
    const existing = await createPerson(database, { roles: ["member"], pseudonym: "Allerede", nationalId: "21926512346" });
    const { id, token } = await invite({ email: "taken@example.no" });

    const result = await redeemInvitation(database.db, database.keys, { token, accountId: null, identity: { nationalId: "21926512346" } });

    expect(result).toEqual({ status: "identity_taken" });
    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(invitation?.acceptedAt).toBeNull();
    expect((await findAccountByClaim(database.db, database.keys, { kind: "email", value: "taken@example.no" })).status).toBe("none");
    expect(await findAccountByClaim(database.db, database.keys, { kind: "national_id", value: "21926512346" })).toEqual({ status: "found", accountId: existing.accountId });
    expect(await auditActions(id)).toEqual(["invitation.created"]);
  });

  test("disabled account cannot redeem", async () => {
    const disabled = await createPerson(database, { roles: ["provider"] });
    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, disabled.accountId));
    const { id, token } = await invite({ role: "peer_moderator" });

    expect(await redeemInvitation(database.db, database.keys, { token, accountId: disabled.accountId, identity: {} })).toEqual({ status: "invalid" });
    const granted = await database.db
      .select()
      .from(accountRoles)
      .where(and(eq(accountRoles.accountId, disabled.accountId), eq(accountRoles.role, "peer_moderator")));
    expect(granted).toHaveLength(0);
    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(invitation?.acceptedAt).toBeNull();
  });
});
