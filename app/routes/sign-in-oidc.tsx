import { data, isRouteErrorResponse, redirect, useRouteError } from "react-router";

import { providerName, SignInProblem } from "~/components/sign-in-problem";
import { m } from "~/paraglide/messages";
import { OIDC_STATE_COOKIE_PATH, OIDC_STATE_MAX_AGE_SECONDS } from "../../server/identity/oidc-state";
import { startOidcSignIn } from "../../server/identity/start-oidc-sign-in";
import { cookieHeader, OIDC_STATE_COOKIE } from "../../server/platform/cookies";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in-oidc";

type StartProblem = { code: "not_found" } | { code: "oidc_rate_limited"; minutes: number } | { code: "oidc_issuer_unavailable"; preset: "idporten" | "helseid" };

export function meta({ error }: Route.MetaArgs) {
  return [{ title: `${problemTitle(problemOf(error))} – ReConnect` }];
}

// Sign-in starts only from the sign-in page's form, a POST with the CSRF token, so a GET finds nothing.
export function loader() {
  throw data({ code: "not_found" } satisfies StartProblem, { status: 404 });
}

// Public, unauthenticated: sends the browser to ID-porten or HelseID with a fresh, encrypted state cookie.
export async function action({ request, params, context }: Route.ActionArgs) {
  const state = context.get(requestContext);
  const form = await request.formData();

  const result = await startOidcSignIn(
    { ...state.portal, log: state.log },
    { provider: params.provider, returnTo: form.get("returnTo"), clientAddress: state.clientAddress, locale: state.locale },
  );

  switch (result.status) {
    case "redirect":
      return redirect(result.authorizationUrl, {
        headers: {
          "Set-Cookie": cookieHeader(OIDC_STATE_COOKIE, result.stateCookie, {
            secure: state.portal.config.https,
            maxAgeSeconds: OIDC_STATE_MAX_AGE_SECONDS,
            path: OIDC_STATE_COOKIE_PATH,
          }),
        },
      });
    case "not_found":
      throw data({ code: "not_found" } satisfies StartProblem, { status: 404 });
    case "rate_limited":
      throw data({ code: "oidc_rate_limited", minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) } satisfies StartProblem, {
        status: 429,
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    case "issuer_unavailable":
      throw data({ code: "oidc_issuer_unavailable", preset: result.preset } satisfies StartProblem, { status: 503, headers: { "Retry-After": "60" } });
  }
}

// Never rendered: the loader always throws, and the action redirects or throws.
export default function SignInOidc() {
  return null;
}

export function ErrorBoundary() {
  const problem = problemOf(useRouteError());

  switch (problem?.code) {
    case "oidc_rate_limited":
      return <SignInProblem title={problemTitle(problem)} paragraphs={[m.oidc_rate_limited_body({ minutes: problem.minutes })]} />;
    case "oidc_issuer_unavailable": {
      const provider = providerName(problem.preset);
      return <SignInProblem title={problemTitle(problem)} paragraphs={[m.oidc_issuer_unavailable_body({ provider })]} />;
    }
    case "not_found":
      return <SignInProblem title={problemTitle(problem)} paragraphs={[m.error_not_found_body()]} signInAgain={false} />;
    default:
      return <SignInProblem title={problemTitle(problem)} paragraphs={[m.error_unexpected_body()]} signInAgain={false} />;
  }
}

function problemOf(error: unknown): StartProblem | undefined {
  if (!isRouteErrorResponse(error) || typeof error.data !== "object" || error.data === null) return undefined;
  return error.data as StartProblem;
}

function problemTitle(problem: StartProblem | undefined): string {
  switch (problem?.code) {
    case "oidc_rate_limited":
      return m.oidc_rate_limited_title();
    case "oidc_issuer_unavailable":
      return m.oidc_issuer_unavailable_title({ provider: providerName(problem.preset) });
    case "not_found":
      return m.error_not_found_title();
    default:
      return m.error_unexpected_title();
  }
}
