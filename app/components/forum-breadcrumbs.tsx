import { Link } from "react-router";

import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";

/** Render the trail above a forum page: the forum itself, then any places between it and this page. */
export function ForumBreadcrumbs(props: { trail?: { label: string; to: string }[] }) {
  return (
    <nav aria-label={m.forum_breadcrumbs_label()} className="breadcrumbs">
      <ol>
        <li>
          <Link to={forumPaths.index()}>{m.nav_forum()}</Link>
        </li>
        {(props.trail ?? []).map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
