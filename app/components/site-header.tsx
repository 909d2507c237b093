import { Form, Link, NavLink, useLocation } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";

const languageNames = { nb: "Norsk bokmål", nn: "Norsk nynorsk", en: "English" } as const;

export function SiteHeader() {
  const rootData = useRootData();
  const viewer = rootData?.viewer ?? null;
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;

  return (
    <header className="site-header">
      {rootData?.demo ? <p className="demo-banner">{m.layout_demo_banner()}</p> : null}
      <div className="site-header__bar">
        <Link to="/" className="site-header__brand">
          ReConnect
        </Link>
        <a href="/acute-help" className="ds-button acute-help-link" data-variant="primary" data-color="danger" data-size="sm">
          {m.layout_acute_help_link()}
        </a>
      </div>

      <div className="site-header__bar site-header__bar--secondary">
        {viewer && !viewer.onboarding ? (
          <nav aria-label={m.layout_navigation_label()}>
            <ul className="site-nav">
              <li>
                <NavLink to="/" end>
                  {m.nav_home()}
                </NavLink>
              </li>
              {viewer.may.invite ? (
                <li>
                  <NavLink to="/invitations">{m.nav_invitations()}</NavLink>
                </li>
              ) : null}
              {viewer.may.administer ? (
                <li>
                  <NavLink to="/admin">{m.nav_admin()}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/settings">{m.nav_settings()}</NavLink>
              </li>
            </ul>
          </nav>
        ) : (
          <span />
        )}

        <div className="site-header__tools">
          <Form method="post" action="/language" reloadDocument className="language-form">
            <CsrfField />
            <input type="hidden" name="returnTo" value={returnTo} />
            <label htmlFor="language-select" className="ds-label" data-weight="regular">
              {m.layout_language_label()}
            </label>
            <select id="language-select" name="locale" className="ds-input" data-size="sm" defaultValue={rootData?.locale ?? "nb"}>
              {Object.entries(languageNames).map(([code, name]) => (
                <option key={code} value={code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
            <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
              {m.layout_language_submit()}
            </button>
          </Form>

          {viewer ? (
            <Form method="post" action="/sign-out" className="sign-out-form">
              <CsrfField />
              <span className="site-header__who">
                {m.layout_signed_in_as({ name: viewer.displayName ?? m.layout_unnamed_person() })}
              </span>
              <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                {m.layout_sign_out()}
              </button>
            </Form>
          ) : (
            <Link to="/sign-in" className="ds-button" data-variant="secondary" data-size="sm">
              {m.layout_sign_in()}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
