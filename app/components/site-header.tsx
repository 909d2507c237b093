import { useEffect, useRef } from "react";
import { Form, Link, NavLink, useLocation } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { cafePaths } from "~/cafe-paths";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { useRootData, type RootLoaderData } from "~/root";
import type { Locale } from "../../server/identity/roles";

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const languageNames: Record<Locale, string> = { nb: "Norsk bokmål", nn: "Norsk nynorsk", en: "English" };

// The language menu's label also in a second language: English on Norwegian pages, Norwegian on English ones.
const otherLanguageLabel: Record<Locale, { lang: Locale; text: string }> = {
  nb: { lang: "en", text: "Language" },
  nn: { lang: "en", text: "Language" },
  en: { lang: "nb", text: "Språk" },
};

type Viewer = NonNullable<RootLoaderData["viewer"]>;

/**
 * Render the page header in two rows: the brand, acute help and the language
 * menu, then the navigation and the signed-in person. Acute help comes right
 * after the brand in the markup, so it is the second keyboard stop after the
 * skip link. On phones the navigation folds into a "Meny" disclosure and the
 * language menu shows only its globe icon, so the header stays short.
 */
export function SiteHeader() {
  const rootData = useRootData();
  const viewer = rootData?.viewer ?? null;

  return (
    <header className="site-header">
      {rootData?.demo ? <p className="demo-banner">{m.layout_demo_banner()}</p> : null}
      <div className="site-header__inner">
        <div className="site-header__top">
          <Link to="/" className="site-header__brand">
            ReConnect
          </Link>
          <div className="site-header__urgent">
            <a href="/acute-help" className="ds-button acute-help-link" data-variant="primary" data-color="danger" data-size="sm">
              {m.layout_acute_help_link()}
            </a>
            <LanguageMenu locale={rootData?.locale ?? "nb"} />
          </div>
        </div>

        <div className="site-header__bottom">
          {viewer && !viewer.onboarding && !viewer.paused ? <SiteNavigation viewer={viewer} /> : null}
          {viewer ? (
            <Form method="post" action="/sign-out" className="sign-out-form">
              <CsrfField />
              <SignedInAs name={viewer.displayName ?? m.layout_unnamed_person()} />
              <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                {m.layout_sign_out()}
              </button>
            </Form>
          ) : (
            <Link to="/sign-in" className="ds-button sign-in-link" data-variant="secondary" data-size="sm">
              {m.layout_sign_in()}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}

/**
 * The main navigation inside a `<details>`. On wide screens `.site-menu` in
 * app.css hides its summary and shows the links inline even while it is
 * closed. Phones show a "Meny" button that opens the list.
 */
function SiteNavigation({ viewer }: { viewer: Viewer }) {
  const menu = useDismissableDisclosure();

  return (
    <details className="site-menu" ref={menu}>
      <summary className="ds-button" data-variant="secondary" data-size="sm">
        <svg className="site-header__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        {m.layout_menu()}
      </summary>
      <nav aria-label={m.layout_navigation_label()}>
        <ul className="site-nav">
          <li>
            <NavLink to="/" end>
              {m.nav_home()}
            </NavLink>
          </li>
          {viewer.may.readForum ? (
            <>
              <li>
                <NavLink to={forumPaths.index()}>{m.nav_forum()}</NavLink>
              </li>
              <li>
                <NavLink to={forumPaths.notifications()}>
                  {viewer.unreadNotifications > 0 ? m.nav_notifications_unread({ count: viewer.unreadNotifications }) : m.nav_notifications()}
                </NavLink>
              </li>
            </>
          ) : null}
          {viewer.may.readCafes ? (
            <li>
              <NavLink to={cafePaths.list()}>{m.nav_cafes()}</NavLink>
            </li>
          ) : null}
          {viewer.may.moderate ? (
            <li>
              <NavLink to={moderationPaths.overview()}>{m.nav_moderation()}</NavLink>
            </li>
          ) : null}
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
    </details>
  );
}

/**
 * "Signed in as <name>". Phones show only an icon and the name, which may
 * end in an ellipsis. The whole sentence stays in the text for screen readers.
 */
function SignedInAs({ name }: { name: string }) {
  return (
    <span className="site-header__who">
      <span className="site-header__who-sentence">{m.layout_signed_in_as({ name })}</span>
      <span className="site-header__who-name" aria-hidden="true">
        <svg className="site-header__icon" viewBox="0 0 24 24" focusable="false">
          <circle cx="12" cy="8" r="4" />
          <path d="M4.5 20c1.2-3.8 4-5.5 7.5-5.5s6.3 1.7 7.5 5.5" />
        </svg>
        <span className="site-header__who-text">{name}</span>
      </span>
    </span>
  );
}

/**
 * A disclosure with one submit button per language. A native `<details>`
 * around a plain form post opens, closes and switches the language without
 * JavaScript. The post reloads the page in the new language.
 */
function LanguageMenu({ locale }: { locale: Locale }) {
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  const menu = useDismissableDisclosure();

  return (
    <details className="language-menu" ref={menu}>
      <summary className="ds-button" data-variant="tertiary" data-size="sm">
        <svg className="site-header__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9M12 3c-2.5 2.7-3.8 5.7-3.8 9s1.3 6.3 3.8 9" />
        </svg>
        <span className="language-menu__label">
          {m.layout_language_label()}/<span lang={otherLanguageLabel[locale].lang}>{otherLanguageLabel[locale].text}</span>
        </span>
      </summary>
      <Form method="post" action="/language" reloadDocument className="language-form">
        <CsrfField />
        <input type="hidden" name="returnTo" value={returnTo} />
        <ul className="language-form__list">
          {(Object.entries(languageNames) as [Locale, string][]).map(([code, name]) => (
            <li key={code}>
              <button
                type="submit"
                name="locale"
                value={code}
                lang={code}
                className="ds-button"
                data-variant="tertiary"
                data-size="sm"
                aria-current={code === locale ? "true" : undefined}
              >
                {name}
              </button>
            </li>
          ))}
        </ul>
      </Form>
    </details>
  );
}

/**
 * Return a ref for a header `<details>` that closes when the person
 * navigates, presses Escape inside it (focus returns to its summary) or clicks
 * outside it. Without JavaScript the disclosure still opens and closes with
 * its summary.
 */
function useDismissableDisclosure() {
  const disclosure = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  const shownLocationKey = useRef(location.key);

  // Skip the first render, so a menu opened before hydration stays open.
  useEffect(() => {
    if (shownLocationKey.current === location.key) return;
    shownLocationKey.current = location.key;
    const element = disclosure.current;
    if (element) element.open = false;
  }, [location.key]);

  useEffect(() => {
    const element = disclosure.current;
    if (!element) return;

    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !element.open) return;
      element.open = false;
      element.querySelector("summary")?.focus();
    };
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (element.open && event.target instanceof Node && !element.contains(event.target)) element.open = false;
    };

    element.addEventListener("keydown", closeOnEscape);
    document.addEventListener("click", closeOnOutsideClick);
    return () => {
      element.removeEventListener("keydown", closeOnEscape);
      document.removeEventListener("click", closeOnOutsideClick);
    };
  }, []);

  return disclosure;
}
