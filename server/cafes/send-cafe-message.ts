import { and, eq } from "drizzle-orm";

import type { PersonActor } from "../identity/actor";
import { unsafeFindEmailRecipient } from "../identity/find-email-address";
import type { Locale } from "../identity/roles";
import { accountRoles, accounts, memberProfiles } from "../identity/schema";
import type { Transaction } from "../platform/db";
import { unsafeFindCafeAccess, type CafeAccess } from "./cafe-access";
import type { CafeJobServices } from "./cafe-jobs";
import type { ComposedCafeMessage } from "./cafe-reminder-texts";
import { DEFAULT_REMINDER_OFFSETS } from "./schedule-cafe-reminders";
import { cafeSettings, pushSubscriptions } from "./schema";

/** A member's channels and reminder times, with the defaults when they never saved any. */
export interface CafeChannelChoices {
  remindByEmail: boolean;
  remindByPush: boolean;
  remindInPortal: boolean;
  reminderOffsets: number[];
  showDetails: boolean;
}

// A function, not a constant: this module and schedule-cafe-reminders import each other through cafe-jobs, so a module-level read could run first.
export function defaultCafeChannelChoices(): CafeChannelChoices {
  return { remindByEmail: true, remindByPush: true, remindInPortal: true, reminderOffsets: [...DEFAULT_REMINDER_OFFSETS], showDetails: false };
}

export async function unsafeLoadCafeChannelChoices(tx: Transaction, accountId: string): Promise<CafeChannelChoices> {
  const [row] = await tx
    .select({
      remindByEmail: cafeSettings.remindByEmail,
      remindByPush: cafeSettings.remindByPush,
      remindInPortal: cafeSettings.remindInPortal,
      reminderOffsets: cafeSettings.reminderOffsets,
      showDetails: cafeSettings.showDetails,
    })
    .from(cafeSettings)
    .where(eq(cafeSettings.accountId, accountId));
  return row ?? defaultCafeChannelChoices();
}

/**
 * Load the account as an actor for access checks, or `unreachable` when it is
 * disabled or taking a break: such a person gets no reminders or notices.
 * Unsafe: checks no policy, for the kafé job handlers only.
 */
export async function unsafeLoadCafeRecipient(tx: Transaction, accountId: string): Promise<{ actor: PersonActor; locale: Locale } | "unreachable" | "missing"> {
  const [account] = await tx
    .select({ status: accounts.status, pausedAt: accounts.pausedAt, locale: accounts.locale, termsAcceptedAt: accounts.termsAcceptedAt, pseudonym: memberProfiles.pseudonym })
    .from(accounts)
    .leftJoin(memberProfiles, eq(memberProfiles.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  if (!account) return "missing";
  if (account.status !== "active" || account.pausedAt !== null) return "unreachable";

  const roles = await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
  const actor: PersonActor = {
    kind: "person",
    accountId,
    roles: roles.map((row) => row.role),
    locale: account.locale,
    displayName: account.pseudonym,
    hasMemberProfile: account.pseudonym !== null,
    termsAccepted: account.termsAcceptedAt !== null,
    isDemo: false,
    sessionTokenHash: "",
  };
  return { actor, locale: account.locale ?? "nb" };
}

/**
 * Load the recipient of a kafé job and their access to the kafé, or the
 * outcome that ends the job: `skipped_paused` for a disabled account or one
 * on a break, `skipped_access` for a member no longer in the kafé's community.
 */
export async function unsafeLoadCafeJobTarget(
  tx: Transaction,
  accountId: string,
  cafeId: string,
): Promise<{ recipient: { actor: PersonActor; locale: Locale }; access: CafeAccess } | "skipped_paused" | "skipped_access"> {
  const recipient = await unsafeLoadCafeRecipient(tx, accountId);
  if (recipient === "missing" || recipient === "unreachable") return "skipped_paused";

  const access = await unsafeFindCafeAccess(tx, recipient.actor, cafeId);
  if (!access || !access.inCommunity) return "skipped_access";
  return { recipient, access };
}

export interface CafeDelivery {
  email: boolean;
  pushes: number;
}

/**
 * Send one composed message by e-mail and web push, as the member chose.
 * E-mail goes first and its failure throws, so the job is retried with
 * nothing else sent. A failed push is logged and not retried, because a
 * retry would e-mail again. A subscription the push service reports gone
 * (404 or 410) is deleted.
 */
export async function unsafeSendCafeMessage(
  tx: Transaction,
  services: CafeJobServices,
  input: { accountId: string; choices: CafeChannelChoices; message: ComposedCafeMessage; logContext: Record<string, string> },
): Promise<CafeDelivery> {
  const delivery: CafeDelivery = { email: false, pushes: 0 };

  if (input.choices.remindByEmail && services.mailer.enabled) {
    const recipient = await unsafeFindEmailRecipient(tx, services.keys, input.accountId);
    if (recipient) {
      await services.mailer.send({ to: recipient.address, subject: input.message.subject, text: input.message.text });
      delivery.email = true;
    }
  }

  if (input.choices.remindByPush && services.push.enabled) {
    const targets = await tx
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.accountId, input.accountId));
    for (const target of targets) {
      try {
        const result = await services.push.send(target, input.message.push);
        if (result === "gone") {
          await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.id, target.id), eq(pushSubscriptions.accountId, input.accountId)));
          services.log.info({ ...input.logContext, subscriptionId: target.id }, "push.subscription_gone");
          continue;
        }
        await tx.update(pushSubscriptions).set({ lastSuccessAt: new Date() }).where(eq(pushSubscriptions.id, target.id));
        delivery.pushes++;
      } catch (error) {
        services.log.warn({ ...input.logContext, subscriptionId: target.id, err: error }, "push.failed");
      }
    }
  }
  return delivery;
}
