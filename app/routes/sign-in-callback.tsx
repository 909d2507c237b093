import { parse as parseCookies } from "cookie";
import { data, isRouteErrorResponse, useRouteError } from "react-router";

import { providerName, SignInProblem } from "~/components/sign-in-problem";
import { m } from "~/paraglide/messages";
import { completeSignIn } from "~/sign-in-response.server";
import { completeOidcSignIn, type CompleteOidcSignInResult } from "../../server/identity/complete-oidc-sign-in";
import { OIDC_STATE_COOKIE_PATH } from "../../server/identity/oidc-state";
import { clearCookieHeader, INVITATION_COOKIE, OIDC_STATE_COOKIE } from "../../server/platform/cookies";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in-callback";

/** The outcome the page explains; the server's failure code stays in the log. */
type CallbackProblem =
  | { outcome: "failed" | "acr_too_low" | "account_disabled" | "no_account" }
  | { outcome: "invitation_unusable"; reason: "invalid" | "expired" | "used" }
  | { outcome: "issuer_unavailable"; preset: "idporten" | "helseid" };

export function meta({ loaderData: problem }: Route.MetaArgs) {
  return [{ title: `${problem ? problemTitle(problem) : m.error_not_found_title()} – ReConnect` }];
}

// Public, unauthenticated: the redirect back from ID-porten or HelseID. It is a GET because the
// provider returns the code in the query, and it signs in only when this browser's state cookie matches.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = context.get(requestContext);
  const { portal } = state;
  const cookies = parseCookies(request.headers.get("cookie") ?? "");

  const result = await completeOidcSignIn(
    { ...portal, log: state.log },
    {
      provider: params.provider,
      callbackQuery: new URL(request.url).search,
      stateCookie: cookies[OIDC_STATE_COOKIE],
      invitationToken: cookies[INVITATION_COOKIE],
    },
  );
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  // The state cookie is single-use: it is cleared whatever the outcome.
  const secure = portal.config.https;
  const setCookies = [clearCookieHeader(OIDC_STATE_COOKIE, { secure, path: OIDC_STATE_COOKIE_PATH })];
  if ("clearInvitation" in result && result.clearInvitation) setCookies.push(clearCookieHeader(INVITATION_COOKIE, { secure }));

  if (result.status === "signed_in") {
    return completeSignIn(state, { accountId: result.accountId, method: result.method, returnTo: result.returnTo }, setCookies);
  }

  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return data(presentProblem(result), { status: statusOf(result), headers });
}

export default function SignInCallback({ loaderData: problem }: Route.ComponentProps) {
  const title = problemTitle(problem);

  switch (problem.outcome) {
    case "acr_too_low":
      return <SignInProblem title={title} paragraphs={[m.oidc_acr_too_low_body(), m.oidc_acr_too_low_next()]} />;
    case "account_disabled":
      return <SignInProblem title={title} paragraphs={[m.oidc_account_disabled_body()]} signInAgain={false} />;
    case "no_account":
      return <SignInProblem title={title} paragraphs={[m.oidc_no_account_body(), m.oidc_no_account_next()]} signInAgain={false} />;
    case "invitation_unusable":
      return <SignInProblem title={title} paragraphs={[invitationBody(problem.reason), m.oidc_invitation_next()]} signInAgain={false} />;
    case "issuer_unavailable":
      return <SignInProblem title={title} paragraphs={[m.oidc_issuer_unavailable_body({ provider: providerName(problem.preset) })]} />;
    case "failed":
      return <SignInProblem title={title} paragraphs={[m.oidc_failed_body()]} />;
  }
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return notFound ? (
    <SignInProblem title={m.error_not_found_title()} paragraphs={[m.error_not_found_body()]} signInAgain={false} />
  ) : (
    <SignInProblem title={m.oidc_failed_title()} paragraphs={[m.error_unexpected_body()]} />
  );
}

function presentProblem(result: Exclude<CompleteOidcSignInResult, { status: "signed_in" | "not_found" }>): CallbackProblem {
  switch (result.status) {
    case "invitation_unusable":
      return { outcome: "invitation_unusable", reason: result.reason };
    case "issuer_unavailable":
      return { outcome: "issuer_unavailable", preset: result.preset };
    default:
      return { outcome: result.status };
  }
}

function statusOf(result: Exclude<CompleteOidcSignInResult, { status: "signed_in" | "not_found" }>): number {
  switch (result.status) {
    case "failed":
    case "invitation_unusable":
      return 400;
    case "issuer_unavailable":
      return 503;
    default:
      return 403;
  }
}

function problemTitle(problem: CallbackProblem): string {
  switch (problem.outcome) {
    case "failed":
      return m.oidc_failed_title();
    case "acr_too_low":
      return m.oidc_acr_too_low_title();
    case "account_disabled":
      return m.oidc_account_disabled_title();
    case "no_account":
      return m.oidc_no_account_title();
    case "invitation_unusable":
      return m.oidc_invitation_title();
    case "issuer_unavailable":
      return m.oidc_issuer_unavailable_title({ provider: providerName(problem.preset) });
  }
}

function invitationBody(reason: "invalid" | "expired" | "used"): string {
  if (reason === "expired") return m.oidc_invitation_expired_body();
  if (reason === "used") return m.oidc_invitation_used_body();
  return m.oidc_invitation_invalid_body();
}
