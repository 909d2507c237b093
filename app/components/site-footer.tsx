import { Link } from "react-router";

import { m } from "~/paraglide/messages";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p className="ds-paragraph" data-size="sm">
        {m.layout_not_for_emergencies()}
      </p>
      <ul className="site-footer__links">
        <li>
          <Link to="/acute-help" className="ds-link">
            {m.layout_acute_help_link()}
          </Link>
        </li>
        <li>
          <Link to="/accessibility" className="ds-link">
            {m.nav_accessibility()}
          </Link>
        </li>
      </ul>
    </footer>
  );
}
