import { Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { safeReturnPath } from "../../server/identity/return-path";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in";

export function meta() {
  return [{ title: `${m.sign_in_title()} – ReConnect` }];
}

// Public, unauthenticated: lists the sign-in methods this deployment offers.
export function loader({ request, context }: Route.LoaderArgs) {
  const { actor, portal, sessionExpired } = context.get(requestContext);
  const url = new URL(request.url);
  const returnTo = safeReturnPath(url.searchParams.get("returnTo"));
  if (actor.kind === "person") throw redirect(returnTo);

  return {
    returnTo,
    sessionExpired,
    signedOut: url.searchParams.get("signedOut") === "1",
    oidcPresets: portal.config.oidc.map((client) => client.preset),
    email: portal.mailer.enabled,
    demo: portal.demo,
  };
}

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const { returnTo, oidcPresets, email, demo } = loaderData;
  const returnQuery = returnTo === "/" ? "" : `?returnTo=${encodeURIComponent(returnTo)}`;
  const nothingConfigured = oidcPresets.length === 0 && !email && !demo;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.sign_in_title()}
      </h1>
      {loaderData.sessionExpired ? (
        <div className="ds-alert" data-color="info" role="status">
          <p className="ds-paragraph">{m.sign_in_session_expired()}</p>
        </div>
      ) : null}
      {loaderData.signedOut ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{m.sign_in_signed_out()}</p>
        </div>
      ) : null}

      <p className="ds-paragraph">{m.sign_in_intro()}</p>

      <ul className="card-list">
        {oidcPresets.includes("idporten") ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              {m.sign_in_idporten_heading()}
            </h2>
            <p className="ds-paragraph">{m.sign_in_idporten_body()}</p>
            <Form method="post" action="/sign-in/oidc/idporten">
              <CsrfField />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button type="submit" className="ds-button" data-variant="primary">
                {m.sign_in_idporten_button()}
              </button>
            </Form>
          </li>
        ) : null}
        {oidcPresets.includes("helseid") ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              {m.sign_in_helseid_heading()}
            </h2>
            <p className="ds-paragraph">{m.sign_in_helseid_body()}</p>
            <Form method="post" action="/sign-in/oidc/helseid">
              <CsrfField />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button type="submit" className="ds-button" data-variant="secondary">
                {m.sign_in_helseid_button()}
              </button>
            </Form>
          </li>
        ) : null}
        {email ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              {m.sign_in_email_heading()}
            </h2>
            <p className="ds-paragraph">{m.sign_in_email_body()}</p>
            <p>
              <Link to={`/sign-in/email${returnQuery}`} className="ds-button" data-variant="secondary">
                {m.sign_in_email_button()}
              </Link>
            </p>
          </li>
        ) : null}
        {demo ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              {m.sign_in_demo_heading()}
            </h2>
            <p className="ds-paragraph">{m.sign_in_demo_body()}</p>
            <p>
              <Link to={`/sign-in/demo${returnQuery}`} className="ds-button" data-variant="secondary">
                {m.sign_in_demo_button()}
              </Link>
            </p>
          </li>
        ) : null}
      </ul>

      {nothingConfigured ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{m.sign_in_nothing_configured()}</p>
        </div>
      ) : null}
    </>
  );
}
