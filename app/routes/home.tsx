import { Link, useSearchParams } from "react-router";

import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";

// The front page is titled by the brand alone, because "<page> – ReConnect" would repeat "ReConnect".
export function meta() {
  return [{ title: "ReConnect" }];
}

export default function Home() {
  const viewer = useRootData()?.viewer;
  const [searchParams] = useSearchParams();

  // Set by /settings/break after pausing, when the session is already gone.
  if (!viewer && searchParams.get("break") === "started") return <BreakGoodbye />;

  if (!viewer) {
    return (
      <>
        <h1 className="ds-heading" data-size="lg">
          {m.home_title()}
        </h1>
        <p className="ds-paragraph" data-size="lg">
          {m.home_intro()}
        </p>
        <p className="ds-paragraph">{m.home_intro_peers()}</p>
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{m.home_not_for_emergencies()}</p>
        </div>
        <p>
          <Link to="/sign-in" className="ds-button" data-variant="primary">
            {m.home_sign_in()}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.home_welcome({ name: viewer.displayName ?? m.layout_unnamed_person() })}
      </h1>
      <p className="ds-paragraph">{m.home_signed_in_intro()}</p>
      <ul className="card-list">
        {viewer.may.readForum ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              <Link to="/forum">{m.forum_title()}</Link>
            </h2>
            <p className="ds-paragraph">{viewer.unreadNotifications > 0 ? m.home_card_forum_with_notifications({ count: viewer.unreadNotifications }) : m.home_card_forum()}</p>
          </li>
        ) : null}
        {viewer.may.invite ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              <Link to="/invitations">{m.nav_invitations()}</Link>
            </h2>
            <p className="ds-paragraph">{m.home_card_invitations()}</p>
          </li>
        ) : null}
        {viewer.may.administer ? (
          <li className="ds-card">
            <h2 className="ds-heading" data-size="sm">
              <Link to="/admin">{m.nav_admin()}</Link>
            </h2>
            <p className="ds-paragraph">{m.home_card_admin()}</p>
          </li>
        ) : null}
        <li className="ds-card">
          <h2 className="ds-heading" data-size="sm">
            <Link to="/settings">{m.nav_settings()}</Link>
          </h2>
          <p className="ds-paragraph">{m.home_card_settings()}</p>
        </li>
        <li className="ds-card">
          <h2 className="ds-heading" data-size="sm">
            <Link to="/acute-help">{m.layout_acute_help_link()}</Link>
          </h2>
          <p className="ds-paragraph">{m.home_card_acute_help()}</p>
        </li>
      </ul>
    </>
  );
}

/** The goodbye after pausing: calm, with the way back and acute help, and nothing about the account itself. */
function BreakGoodbye() {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.take_break_goodbye_title()}
      </h1>
      <div className="ds-alert" data-color="success" role="status">
        <p className="ds-paragraph">{m.take_break_goodbye_body()}</p>
      </div>
      <p className="ds-paragraph">{m.take_break_goodbye_come_back()}</p>
      <p>
        <Link to="/sign-in" className="ds-button" data-variant="secondary">
          {m.home_sign_in()}
        </Link>
      </p>
      <p className="ds-paragraph">{m.error_acute_help_reminder()}</p>
    </>
  );
}
