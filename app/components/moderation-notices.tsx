import { Form, useLocation } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import type { ModerationNoticesText } from "~/moderation-notices.server";

/**
 * What moderators decided about the signed-in member: a suspension in force,
 * and warnings they have not marked as read. Texts come worded from the server.
 */
export function ModerationNotices({ notices }: { notices: ModerationNoticesText }) {
  const location = useLocation();
  if (!notices.suspension && notices.warnings.length === 0) return null;

  return (
    <div className="stack">
      {notices.suspension ? (
        <section className="ds-alert" data-color="warning" aria-labelledby="suspension-notice-heading">
          <h2 id="suspension-notice-heading" className="ds-heading" data-size="xs">
            {notices.suspension.heading}
          </h2>
          {notices.suspension.lines.map((line, index) => (
            <p key={index} className="ds-paragraph">
              {line}
            </p>
          ))}
        </section>
      ) : null}
      {notices.warnings.map((warning) => (
        <section key={warning.id} className="ds-alert" data-color="warning" aria-labelledby={`warning-${warning.id}-heading`}>
          <h2 id={`warning-${warning.id}-heading`} className="ds-heading" data-size="xs">
            {warning.heading}
          </h2>
          {warning.lines.map((line, index) => (
            <p key={index} className="ds-paragraph">
              {line}
            </p>
          ))}
          <Form method="post" action={forumPaths.acknowledgeWarning(warning.id)}>
            <CsrfField />
            <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
            <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
              {warning.acknowledge}
            </button>
          </Form>
        </section>
      ))}
    </div>
  );
}
