import { m } from "../../app/paraglide/messages.js";
import type { Locale } from "./roles";

/**
 * Compose the sign-in code e-mail in the language of the request. It carries the code,
 * how long it is valid and what to do if the person did not ask for it, and
 * nothing else: no name, pseudonym or address, because an inbox may be read
 * by others.
 */
export function composeEmailCodeMail(input: { code: string; validMinutes: number; locale: Locale }): { subject: string; text: string } {
  const options = { locale: input.locale };
  return {
    subject: m.email_sign_in_mail_subject({}, options),
    text: [
      m.email_sign_in_mail_greeting({}, options),
      m.email_sign_in_mail_code_intro({}, options),
      input.code,
      m.email_sign_in_mail_validity({ minutes: input.validMinutes }, options),
      m.email_sign_in_mail_ignore({}, options),
      m.email_sign_in_mail_signature({}, options),
    ].join("\n\n"),
  };
}
