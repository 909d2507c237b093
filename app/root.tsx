import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles/app.css";

import { data, isRouteErrorResponse, Links, Meta, Outlet, redirect, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "react-router";

import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { m } from "~/paraglide/messages";
import { getLocale } from "~/paraglide/runtime";
import { needsOnboarding } from "../server/identity/actor";
import { countUnreadNotifications } from "../server/notifications/list-notifications";
import { safeEqual } from "../server/platform/crypto";
import { requestContext } from "../server/platform/request-context";
import { can } from "../server/policy";
import type { Route } from "./+types/root";

// Pages a person may open before finishing onboarding: the way through it, and help.
const onboardingPaths = [/^\/welcome$/, /^\/sign-out$/, /^\/acute-help$/, /^\/accessibility$/, /^\/language$/, /^\/invite\/[^/]+$/];

/** Rejects state-changing requests whose form lacks the CSRF token, and sends unfinished onboarding to /welcome. */
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

  if (state.actor.kind === "person" && needsOnboarding(state.actor)) {
    const path = new URL(request.url).pathname.replace(/\.data$/, "").replace(/\/_root$/, "/") || "/";
    if (!onboardingPaths.some((pattern) => pattern.test(path))) throw redirect("/welcome");
  }
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
            may: {
              invite: can(actor, "invitations.create"),
              administer: can(actor, "admin.view"),
              readForum: can(actor, "forum.read"),
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
