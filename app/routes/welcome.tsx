import { data, Form, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { PseudonymForm } from "~/components/pseudonym-form";
import { acuteHelpServiceName } from "~/acute-help-service-name";
import { m } from "~/paraglide/messages";
import { submitPseudonym } from "~/pseudonym-submission.server";
import { requireSignedIn } from "~/route-guards.server";
import { acceptTerms } from "../../server/identity/accept-terms";
import { needsOnboarding } from "../../server/identity/actor";
import { suggestPseudonymsFor } from "../../server/identity/choose-pseudonym";
import { PSEUDONYM_MAX_LENGTH, PSEUDONYM_MIN_LENGTH } from "../../server/identity/pseudonym";
import type { AcuteHelpEntry } from "../../server/platform/config";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/welcome";

export function meta() {
  return [{ title: `${m.welcome_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireSignedIn(context, request);
  const { portal } = context.get(requestContext);
  if (!needsOnboarding(actor)) throw redirect("/");

  const choosesPseudonym = can(actor, "member_profile.edit");
  const step = actor.termsAccepted ? ("pseudonym" as const) : ("terms" as const);
  return {
    step,
    totalSteps: choosesPseudonym ? 2 : 1,
    acuteHelp: portal.config.acuteHelp,
    pseudonymLimits: { min: PSEUDONYM_MIN_LENGTH, max: PSEUDONYM_MAX_LENGTH },
    suggestions: step === "pseudonym" ? await suggestPseudonymsFor(portal.db, portal.keys, actor) : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireSignedIn(context, request);
  const state = context.get(requestContext);
  const form = await request.formData();

  switch (form.get("intent")) {
    case "accept-terms": {
      if (form.get("accept") !== "yes") return data({ termsError: true }, { status: 400 });
      const result = await acceptTerms(state.portal.db, actor);
      if (result.status === "accepted") state.log.info({ accountId: actor.accountId }, "terms.accepted");
      // The loader sends anyone with nothing left to do on to the home page.
      return redirect("/welcome");
    }
    case "choose-pseudonym": {
      if (!actor.termsAccepted) return redirect("/welcome");
      const submission = await submitPseudonym(state, actor, form);
      return submission.status === "saved" ? redirect("/") : submission.response;
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

export default function Welcome({ loaderData, actionData }: Route.ComponentProps) {
  const { step, totalSteps } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.welcome_title()}
      </h1>
      <p className="ds-paragraph">{totalSteps === 2 ? m.welcome_intro_member() : m.welcome_intro_other()}</p>
      <p className="ds-paragraph" data-size="sm">
        {m.welcome_step({ current: step === "terms" ? 1 : 2, total: totalSteps })}
      </p>

      {step === "terms" ? (
        <TermsStep acuteHelp={loaderData.acuteHelp} showError={actionData !== undefined && "termsError" in actionData} />
      ) : (
        <section className="stack" aria-labelledby="pseudonym-heading">
          <h2 id="pseudonym-heading" className="ds-heading" data-size="md">
            {m.welcome_pseudonym_heading()}
          </h2>
          <p className="ds-paragraph">{m.welcome_pseudonym_intro()}</p>
          <PseudonymForm
            intent="choose-pseudonym"
            submitLabel={m.welcome_pseudonym_submit()}
            limits={loaderData.pseudonymLimits}
            state={actionData && "pseudonymState" in actionData ? actionData.pseudonymState : undefined}
            suggestions={loaderData.suggestions}
          />
        </section>
      )}
    </>
  );
}

function TermsStep({ acuteHelp, showError }: { acuteHelp: AcuteHelpEntry[]; showError: boolean }) {
  const sections = [
    { id: "privacy", heading: m.welcome_terms_pseudonym_heading(), body: m.welcome_terms_pseudonym_body() },
    { id: "providers", heading: m.welcome_terms_providers_heading(), body: m.welcome_terms_providers_body() },
    { id: "data", heading: m.welcome_terms_data_heading(), body: m.welcome_terms_data_body() },
    { id: "respect", heading: m.welcome_terms_respect_heading(), body: m.welcome_terms_respect_body() },
  ];

  return (
    <section className="stack" aria-labelledby="terms-heading">
      <h2 id="terms-heading" className="ds-heading" data-size="md">
        {m.welcome_terms_heading()}
      </h2>

      <div className="ds-alert" data-color="warning">
        <h3 className="ds-heading" data-size="xs">
          {m.welcome_terms_not_emergency_heading()}
        </h3>
        <p className="ds-paragraph">{m.welcome_terms_not_emergency_body()}</p>
        <ul className="ds-list">
          {acuteHelp.map((entry) => (
            <li key={entry.number}>
              {acuteHelpServiceName(entry)}:{" "}
              <a className="ds-link" href={`tel:${entry.number.replace(/\s/g, "")}`}>
                {entry.number}
              </a>
            </li>
          ))}
        </ul>
      </div>

      {sections.map((section) => (
        <div key={section.id}>
          <h3 className="ds-heading" data-size="xs">
            {section.heading}
          </h3>
          <p className="ds-paragraph">{section.body}</p>
        </div>
      ))}
      <p className="ds-paragraph">{m.welcome_terms_questions()}</p>

      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="accept-terms" />
        <div className="ds-field">
          <input
            className="ds-input"
            type="checkbox"
            id="accept-terms"
            name="accept"
            value="yes"
            aria-invalid={showError || undefined}
            aria-describedby={showError ? "accept-terms-error" : undefined}
          />
          <label className="ds-label" htmlFor="accept-terms" data-weight="regular">
            {m.welcome_terms_checkbox()}
          </label>
          {showError ? (
            <p className="ds-validation-message" id="accept-terms-error">
              {m.welcome_terms_required()}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.welcome_terms_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}
