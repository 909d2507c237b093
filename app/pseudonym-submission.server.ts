import { data } from "react-router";
import { z } from "zod";

import type { PseudonymFormState } from "~/components/pseudonym-form";
import type { PersonActor } from "../server/identity/actor";
import { choosePseudonym } from "../server/identity/choose-pseudonym";
import type { RequestState } from "../server/platform/request-context";

// Generous bounds on the raw field, because the use case applies the real pseudonym rules and names the error.
const pseudonymForm = z.object({
  pseudonym: z.string().max(500).catch(""),
  confirm: z.literal("yes").optional().catch(undefined),
});

export type PseudonymSubmission = { status: "saved"; pseudonym: string } | { status: "shown"; response: ReturnType<typeof showState> };

/**
 * Handle a pseudonym form post for /welcome and /settings/profile: choose the
 * pseudonym, or return what the form must show next. A missing profile
 * permission reads as "not found".
 */
export async function submitPseudonym(state: RequestState, actor: PersonActor, form: FormData): Promise<PseudonymSubmission> {
  const { pseudonym, confirm } = pseudonymForm.parse({ pseudonym: form.get("pseudonym") ?? "", confirm: form.get("confirm") ?? undefined });
  const result = await choosePseudonym(state.portal.db, state.portal.keys, actor, { pseudonym, confirmResemblance: confirm === "yes" });

  switch (result.status) {
    case "saved":
      state.log.info({ accountId: actor.accountId }, "member_profile.pseudonym_saved");
      return { status: "saved", pseudonym: result.pseudonym };
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
    case "invalid":
      return { status: "shown", response: showState({ value: pseudonym, error: result.code }, 400) };
    case "taken":
      return { status: "shown", response: showState({ value: pseudonym, error: "pseudonym_taken", suggestions: result.suggestions }, 409) };
    case "resembles_name":
      // 200, because nothing is wrong: the person is only asked to confirm.
      return { status: "shown", response: showState({ value: pseudonym.trim(), resemblesName: true }, 200) };
  }
}

function showState(pseudonymState: PseudonymFormState, status: number) {
  return data({ pseudonymState }, { status });
}
