import { cafePaths } from "../../app/cafe-paths";
import { m } from "../../app/paraglide/messages.js";
import type { Locale } from "../identity/roles";
import { PORTAL_TIME_ZONE } from "../platform/portal-time";
import type { PushMessage } from "../platform/push";
import type { CafeNoticeKind } from "./cafe-notices";

/** What a reminder or notice is about; reminders are not a notice kind of their own outside the portal. */
export type CafeMessageKind = "reminder" | Extract<CafeNoticeKind, "cafe_cancelled" | "cafe_changed" | "cafe_seat_given" | "cafe_company_accepted">;

export const CAFE_MESSAGE_KINDS_OUTSIDE_PORTAL = ["cafe_cancelled", "cafe_changed", "cafe_seat_given", "cafe_company_accepted"] as const;

/** The kafé's particulars; given only when the member chose to see them outside the portal. */
export interface CafeMessageDetails {
  title: string;
  placeName: string;
  address: string;
}

export interface ComposedCafeMessage {
  subject: string;
  text: string;
  push: PushMessage;
}

const intlLocales: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/** "tirsdag 5. januar kl. 18:00" in Norway's time zone, whatever the server's zone. */
export function formatCafeTime(startsAt: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: PORTAL_TIME_ZONE }).format(startsAt);
}

/**
 * Compose the e-mail and push text of a kafé reminder or notice. By default
 * it is neutral: it says only that there is an appointment in ReConnect, when,
 * and links to the kafé page, because an inbox or a lock screen may be seen
 * by others. The title, place and address are added only with `details`.
 */
export function composeCafeMessage(kind: CafeMessageKind, input: { locale: Locale; startsAt: Date; cafeId: string; publicUrl: URL; details: CafeMessageDetails | null }): ComposedCafeMessage {
  const options = { locale: input.locale };
  const when = formatCafeTime(input.startsAt, input.locale);
  const link = new URL(cafePaths.cafe(input.cafeId), input.publicUrl).href;

  const wording = {
    reminder: { subject: m.cafe_reminder_subject, body: m.cafe_reminder_body },
    cafe_cancelled: { subject: m.cafe_notice_mail_cancelled_subject, body: m.cafe_notice_mail_cancelled_body },
    cafe_changed: { subject: m.cafe_notice_mail_changed_subject, body: m.cafe_notice_mail_changed_body },
    cafe_seat_given: { subject: m.cafe_notice_mail_seat_given_subject, body: m.cafe_notice_mail_seat_given_body },
    cafe_company_accepted: { subject: m.cafe_notice_mail_company_accepted_subject, body: m.cafe_notice_mail_company_accepted_body },
  }[kind];

  const baseSubject = wording.subject({}, options);
  const body = wording.body({ when }, options);
  const detailLines = input.details
    ? [
        m.cafe_reminder_detail_what({ title: input.details.title }, options),
        m.cafe_reminder_detail_where({ place: input.details.placeName, address: input.details.address }, options),
      ]
    : [];
  const subject = input.details ? `${baseSubject}: ${input.details.title}` : baseSubject;

  const text = [
    m.notification_email_greeting({}, options),
    body,
    ...(detailLines.length > 0 ? [detailLines.join("\n")] : []),
    m.cafe_reminder_link({ url: link }, options),
    m.cafe_reminder_settings_hint({ url: new URL(cafePaths.settings(), input.publicUrl).href }, options),
    m.email_sign_in_mail_signature({}, options),
  ].join("\n\n");

  return {
    subject,
    text,
    push: { title: input.details ? input.details.title : m.cafe_reminder_push_title({}, options), body, url: cafePaths.cafe(input.cafeId) },
  };
}
