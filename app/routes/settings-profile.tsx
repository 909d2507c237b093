import { data, Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { PseudonymForm } from "~/components/pseudonym-form";
import { m } from "~/paraglide/messages";
import { submitPseudonym } from "~/pseudonym-submission.server";
import { requirePermission } from "~/route-guards.server";
import { getOwnMemberProfile } from "../../server/identity/get-own-member-profile";
import { PSEUDONYM_MAX_LENGTH, PSEUDONYM_MIN_LENGTH } from "../../server/identity/pseudonym";
import { setCommunityVisibility } from "../../server/identity/set-community-visibility";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/settings-profile";

export function meta() {
  return [{ title: `${m.profile_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "member_profile.edit");
  const { portal } = context.get(requestContext);

  const profile = await getOwnMemberProfile(portal.db, actor);
  if (!profile) throw data({ code: "not_found" }, { status: 404 });
  return { profile, pseudonymLimits: { min: PSEUDONYM_MIN_LENGTH, max: PSEUDONYM_MAX_LENGTH } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "member_profile.edit");
  const state = context.get(requestContext);
  const form = await request.formData();

  switch (form.get("intent")) {
    case "change-pseudonym": {
      const submission = await submitPseudonym(state, actor, form);
      return submission.status === "saved" ? { savedPseudonym: submission.pseudonym } : submission.response;
    }
    case "community-visibility": {
      // An unticked checkbox sends nothing, so absence means off.
      const result = await setCommunityVisibility(state.portal.db, actor, form.get("showCommunity") === "on");
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return { savedShowCommunity: result.showCommunity };
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

export default function SettingsProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { profile } = loaderData;
  const pseudonymState = actionData && "pseudonymState" in actionData ? actionData.pseudonymState : undefined;
  const savedPseudonym = actionData && "savedPseudonym" in actionData ? actionData.savedPseudonym : undefined;
  const savedShowCommunity = actionData && "savedShowCommunity" in actionData ? actionData.savedShowCommunity : undefined;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.profile_title()}
      </h1>
      <p className="ds-paragraph">{m.profile_intro()}</p>

      <section className="stack" aria-labelledby="profile-pseudonym-heading">
        <h2 id="profile-pseudonym-heading" className="ds-heading" data-size="md">
          {m.profile_pseudonym_heading()}
        </h2>
        {savedPseudonym ? (
          <div className="ds-alert" data-color="success" role="status">
            <p className="ds-paragraph">{m.profile_pseudonym_saved({ pseudonym: savedPseudonym })}</p>
          </div>
        ) : (
          <p className="ds-paragraph">{m.profile_pseudonym_current({ pseudonym: profile.pseudonym })}</p>
        )}
        <PseudonymForm intent="change-pseudonym" submitLabel={m.profile_pseudonym_submit()} limits={loaderData.pseudonymLimits} state={pseudonymState} defaultValue={profile.pseudonym} suggestions={[]} />
      </section>

      <section className="stack" aria-labelledby="profile-community-heading">
        <h2 id="profile-community-heading" className="ds-heading" data-size="md">
          {m.profile_community_heading()}
        </h2>
        <p className="ds-paragraph" id="profile-community-help">
          {profile.communityNames.length > 0 ? m.profile_community_body({ communities: profile.communityNames.join(", ") }) : m.profile_community_body_none()}
        </p>
        {savedShowCommunity !== undefined ? (
          <div className="ds-alert" data-color="success" role="status">
            <p className="ds-paragraph">{savedShowCommunity ? m.profile_community_saved_on() : m.profile_community_saved_off()}</p>
          </div>
        ) : null}
        {/* Keyed by the stored value, so the switch shows what was saved after each post. */}
        <Form method="post" className="stack" key={String(profile.showCommunity)}>
          <CsrfField />
          <input type="hidden" name="intent" value="community-visibility" />
          <div className="ds-field">
            <input
              className="ds-input"
              type="checkbox"
              role="switch"
              id="show-community"
              name="showCommunity"
              defaultChecked={profile.showCommunity}
              aria-describedby="profile-community-help"
            />
            <label className="ds-label" htmlFor="show-community" data-weight="regular">
              {m.profile_community_label()}
            </label>
          </div>
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {m.profile_community_submit()}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
