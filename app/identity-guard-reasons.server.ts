import type { IdentityGuardReasons } from "~/components/identity-guard-findings";
import { m } from "~/paraglide/messages";
import type { IdentifyingDetail, IdentifyingDetailKind } from "../server/forum/identity-guard/find-identifying-details";

const reasonTexts: Record<IdentifyingDetailKind, () => string> = {
  phone_number: () => m.forum_guard_reason_phone_number(),
  email_address: () => m.forum_guard_reason_email_address(),
  national_id_number: () => m.forum_guard_reason_national_id_number(),
  birth_date: () => m.forum_guard_reason_birth_date(),
  street_address: () => m.forum_guard_reason_street_address(),
  postcode: () => m.forum_guard_reason_postcode(),
  personal_name: () => m.forum_guard_reason_personal_name(),
  place_name: () => m.forum_guard_reason_place_name(),
  workplace: () => m.forum_guard_reason_workplace(),
  car_registration: () => m.forum_guard_reason_car_registration(),
  social_media_profile: () => m.forum_guard_reason_social_media_profile(),
};

/** Word the reason for each kind of detail found, in the request's language. */
export function identityGuardReasons(details: readonly IdentifyingDetail[]): IdentityGuardReasons {
  const reasons: IdentityGuardReasons = {};
  for (const detail of details) reasons[detail.kind] ??= reasonTexts[detail.kind]();
  return reasons;
}
