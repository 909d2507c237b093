import { parse as parseCookies } from "cookie";
import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { completeSignIn } from "~/sign-in-response.server";
import { EMAIL_CHALLENGE_COOKIE_PATH, EMAIL_CODE_VALID_MINUTES } from "../../server/identity/email-code";
import { safeReturnPath } from "../../server/identity/return-path";
import { verifyEmailCode, type VerifyEmailCodeResult } from "../../server/identity/verify-email-code";
import { clearCookieHeader, EMAIL_CHALLENGE_COOKIE, INVITATION_COOKIE } from "../../server/platform/cookies";
import { requestContext, type RequestState } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in-email-code";

export function meta() {
  return [{ title: `${m.email_sign_in_code_title()} – ReConnect` }];
}

/** Return 404 when e-mail sign-in is off, and send a signed-in person to the front page. */
function guardEmailSignIn(state: RequestState) {
  if (!state.portal.mailer.enabled) throw data({ code: "not_found" }, { status: 404 });
  if (state.actor.kind === "person") throw redirect("/");
}

function returnQuery(returnTo: string) {
  return returnTo === "/" ? "" : `?returnTo=${encodeURIComponent(returnTo)}`;
}

// Public, unauthenticated: the form for the code sent by e-mail. Without a challenge cookie there is no code to enter.
export function loader({ request, context }: Route.LoaderArgs) {
  guardEmailSignIn(context.get(requestContext));
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("returnTo"));
  const hasChallenge = Boolean(parseCookies(request.headers.get("cookie") ?? "")[EMAIL_CHALLENGE_COOKIE]);

  return { returnTo, hasChallenge, validMinutes: EMAIL_CODE_VALID_MINUTES };
}

type CodeError = "code_missing" | "code_malformed" | "code_wrong" | "code_expired" | "code_locked" | "not_possible" | "invitation_unusable" | "identity_taken";

/** Map a failed verification to the error shown next to the field. */
function codeError(result: Exclude<VerifyEmailCodeResult, { status: "verified" }>): { error: CodeError; attemptsLeft: number } {
  switch (result.status) {
    case "invalid_code":
      return { error: result.error, attemptsLeft: 0 };
    case "wrong_code":
      return { error: "code_wrong", attemptsLeft: result.attemptsLeft };
    case "expired":
      return { error: "code_expired", attemptsLeft: 0 };
    case "locked":
      return { error: "code_locked", attemptsLeft: 0 };
    case "not_possible":
      if (result.invitation === "identity_taken") return { error: "identity_taken", attemptsLeft: 0 };
      return { error: result.invitation === null ? "not_possible" : "invitation_unusable", attemptsLeft: 0 };
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = context.get(requestContext);
  guardEmailSignIn(state);

  const form = await request.formData();
  const code = form.get("code");
  const returnTo = safeReturnPath(form.get("returnTo"));
  const cookies = parseCookies(request.headers.get("cookie") ?? "");
  const invitationToken = cookies[INVITATION_COOKIE];

  const result = await verifyEmailCode(
    { db: state.portal.db, keys: state.portal.keys, log: state.log },
    { challengeId: cookies[EMAIL_CHALLENGE_COOKIE], code, invitationToken },
  );
  const secure = state.portal.config.https;
  if (result.status !== "verified") {
    // An invalid, expired or used invitation never becomes usable, so the browser need not keep it. After
    // identity_taken the invitation is still open, and signing in to the existing account redeems it.
    const spent = result.status === "not_possible" && result.invitation !== null && result.invitation !== "identity_taken";
    const headers = spent ? { "Set-Cookie": clearCookieHeader(INVITATION_COOKIE, { secure }) } : undefined;
    return data({ ...codeError(result), code: typeof code === "string" ? code : "" }, { status: 400, headers });
  }

  const clearCookies = [clearCookieHeader(EMAIL_CHALLENGE_COOKIE, { secure, path: EMAIL_CHALLENGE_COOKIE_PATH })];
  // The invitation cookie has done its work whether the invitation was redeemed or not.
  if (invitationToken !== undefined) clearCookies.push(clearCookieHeader(INVITATION_COOKIE, { secure }));
  return completeSignIn(state, { accountId: result.accountId, method: "email", returnTo }, clearCookies);
}

const errorMessages: Record<CodeError, (attemptsLeft: number) => string> = {
  code_missing: () => m.email_sign_in_code_missing(),
  code_malformed: () => m.email_sign_in_code_malformed(),
  code_wrong: (attemptsLeft) => m.email_sign_in_code_wrong({ attemptsLeft }),
  code_expired: () => m.email_sign_in_code_expired(),
  code_locked: () => m.email_sign_in_code_locked(),
  not_possible: () => m.email_sign_in_not_possible(),
  invitation_unusable: () => m.email_sign_in_invitation_unusable(),
  identity_taken: () => m.email_sign_in_identity_taken(),
};

export default function SignInEmailCode({ loaderData, actionData }: Route.ComponentProps) {
  const newCodeLink = (
    <p className="ds-paragraph">
      <Link to={`/sign-in/email${returnQuery(loaderData.returnTo)}`} className="ds-link">
        {m.email_sign_in_code_new()}
      </Link>
    </p>
  );

  if (!loaderData.hasChallenge && !actionData) {
    return (
      <>
        <h1 className="ds-heading" data-size="lg">
          {m.email_sign_in_code_title()}
        </h1>
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{m.email_sign_in_code_none()}</p>
        </div>
        {newCodeLink}
      </>
    );
  }

  const fieldError = actionData ? errorMessages[actionData.error](actionData.attemptsLeft) : undefined;
  const describedBy = ["sign-in-code-description", fieldError ? "sign-in-code-error" : undefined].filter(Boolean).join(" ");

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.email_sign_in_code_title()}
      </h1>
      <p className="ds-paragraph">{m.email_sign_in_code_sent()}</p>
      <p className="ds-paragraph">{m.email_sign_in_code_validity({ minutes: loaderData.validMinutes })}</p>

      <Form method="post" noValidate className="stack">
        <CsrfField />
        <input type="hidden" name="returnTo" value={loaderData.returnTo} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="sign-in-code">
            {m.email_sign_in_code_label()}
          </label>
          <p className="ds-paragraph" data-field="description" data-size="sm" id="sign-in-code-description">
            {m.email_sign_in_code_description()}
          </p>
          <input
            className="ds-input"
            id="sign-in-code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            required
            defaultValue={actionData?.code ?? ""}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
            autoFocus={fieldError !== undefined}
          />
          {fieldError ? (
            <p className="ds-validation-message" data-field="validation" id="sign-in-code-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.email_sign_in_code_submit()}
          </button>
        </p>
      </Form>

      <p className="ds-paragraph">{m.email_sign_in_code_no_mail()}</p>
      {newCodeLink}
    </>
  );
}
