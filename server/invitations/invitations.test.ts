import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createCommunity, createPerson, invitationServices, newFormKey } from "../../tests/support/onboarding-fixtures";
import { startTestSmtpServer, waitForMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import type { Role } from "../identity/roles";
import { sha256Hex } from "../platform/crypto";
import { createMailer } from "../platform/mail";
import {
  createInvitation,
  createInvitationSchema,
  type CreatedInvitation,
  type CreateInvitationInput,
  type CreateInvitationResult,
} from "./create-invitation";
import { findInvitationByToken } from "./find-invitation-by-token";
import { listInvitations } from "./list-invitations";
import { redeemInvitation } from "./redeem-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { invitations } from "./schema";

function tokenOf(link: string): string {
  return new URL(link).pathname.split("/").pop()!;
}

/** Assert that an invitation was created and return it. */
function created(result: CreateInvitationResult): CreatedInvitation {
  expect(result.status).toBe("created");
  if (result.status !== "created") throw new Error(`createInvitation returned ${result.status}`);
  return result.invitation;
}

describe.each(testEngines())("invitations on %s", (engine) => {
  let database: TestDatabase;
  let home: string;
  let elsewhere: string;
  let administrator: PersonActor;
  let provider: PersonActor;
  let peerModerator: PersonActor;
  let member: PersonActor;
  let researcher: PersonActor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    home = await createCommunity(database, "Bjørkelia kommune");
    elsewhere = await createCommunity(database, "Havnøy kommune");
    administrator = await createPerson(database, { roles: ["administrator"] });
    provider = await createPerson(database, { roles: ["provider"], communityIds: [home] });
    peerModerator = await createPerson(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykta", communityIds: [home] });
    member = await createPerson(database, { roles: ["member"], pseudonym: "Morgenfugl", communityIds: [home] });
    researcher = await createPerson(database, { roles: ["researcher"] });
  });
  afterAll(async () => {
    await database?.close();
  });

  function input(role: Role, communityId: string | null, extra: Partial<CreateInvitationInput> = {}) {
    return { role, communityId, formKey: newFormKey(), locale: "nb" as const, ...extra };
  }

  describe("createInvitation policy", () => {
    test("member cannot invite", async () => {
      expect(await createInvitation(invitationServices(database), member, input("member", home))).toEqual({ status: "not_found" });
    });

    test("researcher cannot invite", async () => {
      expect(await createInvitation(invitationServices(database), researcher, input("member", home))).toEqual({ status: "not_found" });
    });

    test("provider invites a member to own community", async () => {
      const invitation = created(await createInvitation(invitationServices(database), provider, input("member", home)));
      expect(invitation.communityName).toBe("Bjørkelia kommune");
    });

    test("provider cannot invite to another community", async () => {
      expect(await createInvitation(invitationServices(database), provider, input("member", elsewhere))).toEqual({ status: "not_found" });
    });

    test.each<Role>(["provider", "peer_moderator", "administrator", "researcher"])("provider cannot invite a %s", async (role) => {
      expect(await createInvitation(invitationServices(database), provider, input(role, home))).toEqual({ status: "not_found" });
    });

    test("peer moderator invites a member to own community", async () => {
      expect((await createInvitation(invitationServices(database), peerModerator, input("member", home))).status).toBe("created");
    });

    test("peer moderator cannot invite a provider", async () => {
      expect(await createInvitation(invitationServices(database), peerModerator, input("provider", home))).toEqual({ status: "not_found" });
    });

    test.each<Role>(["member", "peer_moderator", "provider", "administrator", "researcher"])("administrator invites a %s", async (role) => {
      const result = await createInvitation(invitationServices(database), administrator, input(role, role === "member" ? elsewhere : null));
      expect(result.status).toBe("created");
    });

    test("administrator may invite to any community", async () => {
      expect((await createInvitation(invitationServices(database), administrator, input("provider", elsewhere))).status).toBe("created");
    });

    test("member invitation needs a community", async () => {
      expect(await createInvitation(invitationServices(database), administrator, input("member", null))).toEqual({ status: "community_required" });
    });

    test("unknown community reads not_found", async () => {
      const missing = "00000000-0000-4000-8000-000000000000";
      expect(await createInvitation(invitationServices(database), administrator, input("member", missing))).toEqual({ status: "not_found" });
    });
  });

  describe("createInvitation", () => {
    test("stores only the token hash and encrypted notes", async () => {
      const result = await createInvitation(invitationServices(database), provider, input("member", home, { fullName: "Kari Nordby", email: "kari@example.no" }));
      if (result.status !== "created") throw new Error(result.status);
      const token = tokenOf(result.invitation.link);

      expect(result.invitation.link).toBe(`https://reconnect.test/invite/${token}`);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      const [row] = await database.db.select().from(invitations).where(eq(invitations.id, result.invitation.id));
      expect(row?.tokenHash).toBe(sha256Hex(token));
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(token);
      expect(stored).not.toContain("Kari");
      expect(stored).not.toContain("kari@example.no");
    });

    test("expires after the configured days", async () => {
      const now = new Date("2026-12-04T10:00:00Z");
      const services = invitationServices(database, { config: { publicUrl: new URL("https://reconnect.test"), invitationValidDays: 3 } });

      const invitation = created(await createInvitation(services, provider, input("member", home), now));

      expect(invitation.expiresAt.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    });

    test("records an audit event with ids only", async () => {
      const result = await createInvitation(invitationServices(database), provider, input("member", home, { fullName: "Ola Bergset", email: "ola@example.no" }));
      if (result.status !== "created") throw new Error(result.status);

      const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, result.invitation.id));
      expect(events.map((event) => event.action)).toEqual(["invitation.created"]);
      expect(events[0]?.actorId).toBe(provider.accountId);
      expect(events[0]?.details).toEqual({ role: "member", communityId: home, withEmail: true });
    });

    test("same form submitted twice creates one invitation", async () => {
      const formKey = newFormKey();
      const services = invitationServices(database);

      const [first, second] = await Promise.all([
        createInvitation(services, provider, input("member", home, { formKey })),
        createInvitation(services, provider, input("member", home, { formKey })),
      ]);

      expect(first.status).toBe("created");
      expect(second.status).toBe("created");
      if (first.status !== "created" || second.status !== "created") return;
      expect(second.invitation.id).toBe(first.invitation.id);
      expect(second.invitation.link).toBe(first.invitation.link);
      const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, first.invitation.id));
      expect(events).toHaveLength(1);
    });

    test("same form key from another inviter is a separate invitation", async () => {
      const formKey = newFormKey();
      const first = created(await createInvitation(invitationServices(database), provider, input("member", home, { formKey })));
      const second = created(await createInvitation(invitationServices(database), peerModerator, input("member", home, { formKey })));

      expect(second.id).not.toBe(first.id);
      expect(second.link).not.toBe(first.link);
    });

    test("resubmitting a form after revoking asks for a new form", async () => {
      const formKey = newFormKey();
      const first = await createInvitation(invitationServices(database), provider, input("member", home, { formKey }));
      if (first.status !== "created") throw new Error(first.status);
      await revokeInvitation(database.db, provider, first.invitation.id);

      expect(await createInvitation(invitationServices(database), provider, input("member", home, { formKey }))).toEqual({ status: "form_already_used" });
    });
  });

  describe("invitation e-mail", () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    });
    afterAll(async () => {
      await smtp?.close();
    });

    test("sends a neutral link in the inviter's language", async () => {
      const log = pino({ level: "silent" });
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log });
      const before = Date.now();

      const result = await createInvitation(invitationServices(database, { mailer, log }), provider, {
        ...input("member", home, { fullName: "Ingrid Solvang", email: "Ingrid@Example.no" }),
        locale: "en",
      });
      if (result.status !== "created") throw new Error(result.status);
      const mail = await waitForMail(smtp.httpPort, "ingrid@example.no", { after: before });
      mailer.close();

      expect(result.invitation.emailQueued).toBe(true);
      expect(mail.subject).toBe("You have been invited to ReConnect");
      expect(mail.text).toContain(result.invitation.link);
      expect(mail.text).toContain("7 days");
      for (const word of ["mental", "health", "Ingrid", "provider", "psykisk"]) {
        expect(mail.text.toLowerCase()).not.toContain(word.toLowerCase());
      }
    });

    test("mail off queues nothing", async () => {
      const invitation = created(await createInvitation(invitationServices(database), provider, input("member", home, { email: "nobody@example.no" })));
      expect(invitation.emailQueued).toBe(false);
    });
  });

  describe("createInvitationSchema", () => {
    const valid = { role: "member", communityId: "", fullName: "", email: "", formKey: newFormKey() };

    test("empty optional fields become absent", () => {
      const parsed = createInvitationSchema.parse(valid);
      expect(parsed.communityId).toBeNull();
      expect(parsed.fullName).toBeUndefined();
      expect(parsed.email).toBeUndefined();
    });

    test.each([
      [{ role: "owner" }, "invitation_role_invalid"],
      [{ communityId: "not-a-uuid" }, "invitation_community_invalid"],
      [{ fullName: "x".repeat(121) }, "invitation_name_too_long"],
      [{ email: "not an address" }, "invitation_email_invalid"],
      [{ formKey: "short" }, "invitation_form_key_invalid"],
    ])("rejects %o with %s", (change, code) => {
      const parsed = createInvitationSchema.safeParse({ ...valid, ...change });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toContain(code);
    });
  });

  describe("listInvitations", () => {
    test("inviter sees own invitations with their notes", async () => {
      const inviter = await createPerson(database, { roles: ["provider"], communityIds: [home] });
      await createInvitation(invitationServices(database), inviter, input("member", home, { fullName: "Jonas Eide", email: "jonas@example.no" }));
      await createInvitation(invitationServices(database), provider, input("member", home, { fullName: "Someone Else" }));

      const listed = await listInvitations(database.db, database.keys, inviter);

      expect(listed?.map((row) => row.inviteeName)).toEqual(["Jonas Eide"]);
      expect(listed?.[0]).toMatchObject({ inviteeEmail: "jonas@example.no", role: "member", communityName: "Bjørkelia kommune", status: "pending", createdByYou: true, mayRevoke: true });
    });

    test("listing never carries a pseudonym", async () => {
      const result = await createInvitation(invitationServices(database), peerModerator, input("member", home, { fullName: "Maria Lunde" }));
      if (result.status !== "created") throw new Error(result.status);
      const redeemer = await createPerson(database, { roles: ["member"], pseudonym: "Lyngblom", communityIds: [home] });
      await redeemInvitation(database.db, database.keys, { token: tokenOf(result.invitation.link), accountId: redeemer.accountId, identity: {} });

      const listed = await listInvitations(database.db, database.keys, peerModerator);

      expect(JSON.stringify(listed)).not.toContain("Lyngblom");
      expect(listed?.find((row) => row.id === result.invitation.id)?.status).toBe("accepted");
    });

    test("administrator sees everyone's invitations", async () => {
      const result = await createInvitation(invitationServices(database), provider, input("member", home, { fullName: "Emma Strand" }));
      if (result.status !== "created") throw new Error(result.status);

      const listed = await listInvitations(database.db, database.keys, administrator);

      expect(listed?.find((row) => row.id === result.invitation.id)).toMatchObject({ createdByYou: false, mayRevoke: true });
    });

    test("member gets no list", async () => {
      expect(await listInvitations(database.db, database.keys, member)).toBeNull();
    });

    test("status reads expired and revoked", async () => {
      const inviter = await createPerson(database, { roles: ["provider"], communityIds: [home] });
      const old = await createInvitation(invitationServices(database), inviter, input("member", home), new Date(Date.now() - 8 * 86_400_000));
      const revoked = await createInvitation(invitationServices(database), inviter, input("member", home));
      if (old.status !== "created" || revoked.status !== "created") throw new Error("not created");
      await revokeInvitation(database.db, inviter, revoked.invitation.id);

      const listed = await listInvitations(database.db, database.keys, inviter);

      expect(listed?.find((row) => row.id === old.invitation.id)).toMatchObject({ status: "expired", mayRevoke: false });
      expect(listed?.find((row) => row.id === revoked.invitation.id)).toMatchObject({ status: "revoked", mayRevoke: false });
    });
  });

  describe("revokeInvitation", () => {
    async function providerInvitation() {
      const result = await createInvitation(invitationServices(database), provider, input("member", home));
      if (result.status !== "created") throw new Error(result.status);
      return result.invitation;
    }

    test("inviter revokes and the link stops working", async () => {
      const invitation = await providerInvitation();

      expect(await revokeInvitation(database.db, provider, invitation.id)).toEqual({ status: "revoked" });

      expect(await findInvitationByToken(database.db, tokenOf(invitation.link))).toEqual({ status: "revoked" });
      const events = await database.db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.subjectId, invitation.id));
      expect(events).toContainEqual({ action: "invitation.revoked", actorId: provider.accountId });
    });

    test("administrator revokes another's invitation", async () => {
      const invitation = await providerInvitation();
      expect(await revokeInvitation(database.db, administrator, invitation.id)).toEqual({ status: "revoked" });
    });

    test("another provider cannot revoke", async () => {
      const otherProvider = await createPerson(database, { roles: ["provider"], communityIds: [home] });
      const invitation = await providerInvitation();

      expect(await revokeInvitation(database.db, otherProvider, invitation.id)).toEqual({ status: "not_found" });
      expect((await findInvitationByToken(database.db, tokenOf(invitation.link))).status).toBe("valid");
    });

    test("member cannot revoke", async () => {
      const invitation = await providerInvitation();
      expect(await revokeInvitation(database.db, member, invitation.id)).toEqual({ status: "not_found" });
    });

    test("accepted invitation cannot be revoked", async () => {
      const invitation = await providerInvitation();
      await redeemInvitation(database.db, database.keys, { token: tokenOf(invitation.link), accountId: null, identity: { email: "accepted@example.no" } });

      expect(await revokeInvitation(database.db, provider, invitation.id)).toEqual({ status: "not_pending" });
    });

    test("revoking twice changes nothing", async () => {
      const invitation = await providerInvitation();
      await revokeInvitation(database.db, provider, invitation.id);

      expect(await revokeInvitation(database.db, provider, invitation.id)).toEqual({ status: "not_pending" });
      const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, invitation.id));
      expect(events.filter((event) => event.action === "invitation.revoked")).toHaveLength(1);
    });

    test("malformed id reads not_found", async () => {
      expect(await revokeInvitation(database.db, administrator, "not-a-uuid")).toEqual({ status: "not_found" });
    });
  });

  describe("findInvitationByToken", () => {
    test("valid invitation shows the inviter's role, not their name", async () => {
      const result = await createInvitation(invitationServices(database), provider, input("member", home, { fullName: "Thomas Aas", email: "thomas@example.no" }));
      if (result.status !== "created") throw new Error(result.status);

      const preview = await findInvitationByToken(database.db, tokenOf(result.invitation.link));

      expect(preview).toEqual({ status: "valid", role: "member", communityName: "Bjørkelia kommune", inviterRole: "provider", expiresAt: result.invitation.expiresAt });
      expect(JSON.stringify(preview)).not.toContain("Thomas");
    });

    test("peer moderator who is also a member reads as peer moderator", async () => {
      const invitation = created(await createInvitation(invitationServices(database), peerModerator, input("member", home)));

      const preview = await findInvitationByToken(database.db, tokenOf(invitation.link));

      expect(preview).toMatchObject({ status: "valid", inviterRole: "peer_moderator" });
    });

    test("expired, used and unknown tokens", async () => {
      const old = await createInvitation(invitationServices(database), provider, input("member", home), new Date(Date.now() - 8 * 86_400_000));
      const used = await createInvitation(invitationServices(database), provider, input("member", home));
      if (old.status !== "created" || used.status !== "created") throw new Error("not created");
      await redeemInvitation(database.db, database.keys, { token: tokenOf(used.invitation.link), accountId: null, identity: { email: "used@example.no" } });

      expect(await findInvitationByToken(database.db, tokenOf(old.invitation.link))).toEqual({ status: "expired" });
      expect(await findInvitationByToken(database.db, tokenOf(used.invitation.link))).toEqual({ status: "used" });
      expect(await findInvitationByToken(database.db, "A".repeat(43))).toEqual({ status: "invalid" });
      expect(await findInvitationByToken(database.db, "<script>")).toEqual({ status: "invalid" });
    });
  });
});
