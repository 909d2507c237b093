import { m } from "~/paraglide/messages";
import type { CafeAnswer } from "../server/cafes/cafe-access";
import type { CancelReason } from "../server/cafes/cancel-cafe";

/** Word a member's answer for the kafé page and the list. */
export function cafeAnswerText(answer: CafeAnswer): string {
  switch (answer) {
    case "coming":
      return m.cafes_answer_is_coming();
    case "waitlisted":
      return m.cafes_answer_is_waitlisted();
    case "maybe":
      return m.cafes_answer_is_maybe();
    case "not_coming":
      return m.cafes_answer_is_not_coming();
  }
}

/** Word why a kafé was cancelled. An unknown or missing reason reads as "other". */
export function cancelReasonText(reason: CancelReason | null): string {
  switch (reason) {
    case "host_unavailable":
      return m.cafes_cancel_reason_host_unavailable();
    case "place_unavailable":
      return m.cafes_cancel_reason_place_unavailable();
    case "too_few_coming":
      return m.cafes_cancel_reason_too_few_coming();
    case "weather":
      return m.cafes_cancel_reason_weather();
    default:
      return m.cafes_cancel_reason_other();
  }
}
