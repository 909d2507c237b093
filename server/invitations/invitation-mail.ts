import { m } from "../../app/paraglide/messages.js";
import type { Locale } from "../identity/roles";

/**
 * The invitation e-mail in the inviter's language. The text is neutral on
 * purpose: an inbox may be read by others, so it says nothing about mental
 * health, the inviter or the role.
 */
export function composeInvitationMail(input: { link: string; validDays: number; locale: Locale }): { subject: string; text: string } {
  const options = { locale: input.locale };
  return {
    subject: m.invitation_email_subject({}, options),
    text: [
      m.invitation_email_greeting({}, options),
      m.invitation_email_body({}, options),
      input.link,
      m.invitation_email_valid_days({ days: input.validDays }, options),
      m.invitation_email_ignore({}, options),
    ].join("\n\n"),
  };
}
