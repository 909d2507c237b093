import { Link } from "react-router";

import { m } from "~/paraglide/messages";

/**
 * Render why a sign-in stopped and what to do next, with the way back to
 * sign-in and the reminder of acute help.
 */
export function SignInProblem({ title, paragraphs, signInAgain = true }: { title: string; paragraphs: string[]; signInAgain?: boolean }) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      {paragraphs.map((paragraph) => (
        <p key={paragraph} className="ds-paragraph">
          {paragraph}
        </p>
      ))}
      <p className="ds-paragraph">
        {signInAgain ? (
          <Link to="/sign-in" className="ds-button" data-variant="primary">
            {m.oidc_sign_in_again()}
          </Link>
        ) : (
          <Link to="/" className="ds-link">
            {m.error_go_home()}
          </Link>
        )}
      </p>
      <p className="ds-paragraph">{m.error_acute_help_reminder()}</p>
    </>
  );
}

/** Return the name of the sign-in service as the sign-in page shows it. */
export function providerName(preset: "idporten" | "helseid"): string {
  return preset === "idporten" ? m.sign_in_idporten_heading() : m.sign_in_helseid_heading();
}
