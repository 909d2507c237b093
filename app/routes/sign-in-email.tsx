import { parse as parseCookies } from "cookie";
import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { EMAIL_CHALLENGE_COOKIE_PATH, EMAIL_CODE_VALID_MINUTES } from "../../server/identity/email-code";
import { requestEmailCode } from "../../server/identity/request-email-code";
import { safeReturnPath } from "../../server/identity/return-path";
import { cookieHeader, EMAIL_CHALLENGE_COOKIE, INVITATION_COOKIE } from "../../server/platform/cookies";
import { requestContext, type RequestState } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in-email";

export function meta() {
  return [{ title: `${m.email_sign_in_title()} – ReConnect` }];
}

/** Return 404 when e-mail sign-in is off, and send a signed-in person to the front page. */
function guardEmailSignIn(state: RequestState) {
  if (!state.portal.mailer.enabled) throw data({ code: "not_found" }, { status: 404 });
  if (state.actor.kind === "person") throw redirect("/");
}

// Public, unauthenticated: requests a one-time sign-in code by e-mail. Served only when SMTP_URL is set.
export function loader({ request, context }: Route.LoaderArgs) {
  guardEmailSignIn(context.get(requestContext));
  return { returnTo: safeReturnPath(new URL(request.url).searchParams.get("returnTo")) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = context.get(requestContext);
  guardEmailSignIn(state);

  const form = await request.formData();
  const email = form.get("email");
  const typed = typeof email === "string" ? email : "";
  const returnTo = safeReturnPath(form.get("returnTo"));
  const cookies = parseCookies(request.headers.get("cookie") ?? "");

  const result = await requestEmailCode(
    { db: state.portal.db, keys: state.portal.keys, mailer: state.portal.mailer, log: state.log },
    { email, clientAddress: state.clientAddress, invitationToken: cookies[INVITATION_COOKIE], locale: state.locale },
  );

  if (result.status === "invalid_email") return data({ error: result.error, email: typed, retryAfterMinutes: 0 }, { status: 400 });
  if (result.status === "rate_limited") {
    const retryAfterMinutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data({ error: "rate_limited" as const, email: typed, retryAfterMinutes }, { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } });
  }

  // The browser keeps only the challenge id: never the address, never the code.
  const challengeCookie = cookieHeader(EMAIL_CHALLENGE_COOKIE, result.challengeId, {
    secure: state.portal.config.https,
    maxAgeSeconds: EMAIL_CODE_VALID_MINUTES * 60,
    path: EMAIL_CHALLENGE_COOKIE_PATH,
  });
  const returnQuery = returnTo === "/" ? "" : `?returnTo=${encodeURIComponent(returnTo)}`;
  return redirect(`/sign-in/email/code${returnQuery}`, { headers: { "Set-Cookie": challengeCookie } });
}

const errorMessages = {
  email_missing: () => m.email_sign_in_email_missing(),
  email_invalid: () => m.email_sign_in_email_invalid(),
  email_too_long: () => m.email_sign_in_email_too_long(),
};

export default function SignInEmail({ loaderData, actionData }: Route.ComponentProps) {
  const returnQuery = loaderData.returnTo === "/" ? "" : `?returnTo=${encodeURIComponent(loaderData.returnTo)}`;
  const fieldError = actionData && actionData.error !== "rate_limited" ? errorMessages[actionData.error]() : undefined;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.email_sign_in_title()}
      </h1>
      <p className="ds-paragraph">{m.email_sign_in_intro()}</p>

      {actionData?.error === "rate_limited" ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{m.email_sign_in_rate_limited({ minutes: actionData.retryAfterMinutes })}</p>
        </div>
      ) : null}

      <Form method="post" noValidate className="stack">
        <CsrfField />
        <input type="hidden" name="returnTo" value={loaderData.returnTo} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="sign-in-email">
            {m.email_sign_in_email_label()}
          </label>
          <input
            className="ds-input"
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={actionData?.email ?? ""}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "sign-in-email-error" : undefined}
            autoFocus={fieldError !== undefined}
          />
          {fieldError ? (
            <p className="ds-validation-message" data-field="validation" id="sign-in-email-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.email_sign_in_submit()}
          </button>
        </p>
      </Form>

      <p className="ds-paragraph">
        <Link to={`/sign-in${returnQuery}`} className="ds-link">
          {m.email_sign_in_other_methods()}
        </Link>
      </p>
    </>
  );
}
