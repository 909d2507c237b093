import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles/app.css";

import { data, isRouteErrorResponse, Links, Meta, Outlet, redirect, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "react-router";

import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { getLocale } from "~/paraglide/runtime";
import { isPaused, needsOnboarding } from "../server/identity/actor";
import { countUnreadNotifications } from "../server/notifications/list-notifications";
import { safeEqual } from "../server/platform/crypto";
import { requestContext } from "../server/platform/request-context";
import { can } from "../server/policy";
import type { Route } from "./+types/root";

// Pages a person may open before finishing onboarding: the way through it, and help.
const onboardingPaths = [/^\/welcome$/, /^\/sign-out$/, /^\/acute-help$/, /^\/accessibility$/, /^\/language$/, /^\/invite\/[^/]+$/];

// Pages a person back from a break may open before confirming their return: that page, signing out again, and help.
const pausedPaths = [/^\/welcome-back$/, /^\/sign-out$/, /^\/acute-help$/, /^\/accessibility$/, /^\/language$/];

/**
 * Rejects state-changing requests whose form lacks the CSRF token, sends a
 * person back from a break to /welcome-back until they confirm, and sends
 * unfinished onboarding to /welcome.
 */
const guardMiddleware: Route.MiddlewareFunction = async ({ request, context }) => {
  const state = context.get(requestContext);

  if (request.method !== "GET" && request.method !== "HEAD") {
    const form = await request.clone().formData().catch(() => null);
    const submitted = form?.get("csrf");
    if (typeof submitted !== "string" || !safeEqual(submitted, state.csrfToken)) {
      state.log.warn("csrf.rejected");
      throw data({ code: "csrf_rejected" }, { status: 403 });
    }
  }

  if (state.actor.kind !== "person") return;
  const url = new URL(request.url);
  const path = pagePath(url.pathname);

  // The account stays paused (unmentioned, sent nothing) until its person confirms the return, so nothing else opens before that.
  if (isPaused(state.actor)) {
    if (!pausedPaths.some((pattern) => pattern.test(path))) throw redirect(welcomeBackPath(path, url.searchParams));
    return;
  }
  if (needsOnboarding(state.actor) && !onboardingPaths.some((pattern) => pattern.test(path))) throw redirect("/welcome");
};

/**
 * Return the path of the page a request is for, also for React Router's data
 * requests: `/forum.data` is for `/forum`, and with trailing-slash-aware data
 * requests `/_.data` is for `/` (without that flag React Router 7 uses `/_root.data`).
 */
function pagePath(pathname: string): string {
  if (pathname.endsWith("/_.data")) return pathname.slice(0, -"_.data".length);
  return pathname.replace(/\.data$/, "").replace(/\/_root$/, "/") || "/";
}

/** /welcome-back, carrying the page the person asked for so they land there after confirming. */
function welcomeBackPath(path: string, searchParams: URLSearchParams): string {
  if (path === "/") return moderationPaths.welcomeBack();
  const query = new URLSearchParams(searchParams);
  // React Router's own parameter for data requests, not part of the page's address.
  query.delete("_routes");
  const search = query.size > 0 ? `?${query}` : "";
  return `${moderationPaths.welcomeBack()}?returnTo=${encodeURIComponent(`${path}${search}`)}`;
};

export const middleware: Route.MiddlewareFunction[] = [guardMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const { actor, csrfToken, locale, portal } = context.get(requestContext);

  return {
    locale,
    csrfToken,
    demo: portal.demo,
    viewer:
      actor.kind === "person"
        ? {
            displayName: actor.displayName,
            roles: actor.roles,
            isDemo: actor.isDemo,
            onboarding: needsOnboarding(actor),
            paused: isPaused(actor),
            may: {
              invite: can(actor, "invitations.create"),
              administer: can(actor, "admin.view"),
              readForum: can(actor, "forum.read"),
              readCafes: can(actor, "cafes.read"),
              moderate: can(actor, "moderation.view"),
            },
            unreadNotifications: await countUnreadNotifications(portal.db, actor),
          }
        : null,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData();
  const locale = rootData?.locale ?? getLocale();

  return (
    <html lang={locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="ds-skip-link" href="#main">
          {m.layout_skip_to_content()}
        </a>
        <SiteHeader />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export function meta() {
  return [{ title: "ReConnect" }];
}

// Files in public/: browsers that skip the SVG, and those that ask for /favicon.ico unprompted, get the ICO.
export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const code = isRouteErrorResponse(error) && typeof error.data === "object" && error.data !== null ? (error.data as { code?: string }).code : undefined;

  let title = m.error_unexpected_title();
  let body = m.error_unexpected_body();
  if (status === 404) {
    title = m.error_not_found_title();
    body = m.error_not_found_body();
  } else if (code === "csrf_rejected") {
    title = m.error_form_expired_title();
    body = m.error_form_expired_body();
  } else if (code === "suspended") {
    title = m.moderation_error_suspended_title();
    body = m.moderation_error_suspended_body();
  } else if (status === 429) {
    title = m.error_too_many_requests_title();
    body = m.error_too_many_requests_body();
  }

  return (
    <>
      <title>{`${title} – ReConnect`}</title>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <p className="ds-paragraph">{body}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href="/">
          {m.error_go_home()}
        </a>
      </p>
      <p className="ds-paragraph">{m.error_acute_help_reminder()}</p>
    </>
  );
}
