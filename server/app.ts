import { randomBytes, randomUUID } from "node:crypto";

import { createRequestHandler } from "@react-router/express";
import { parse as parseCookies } from "cookie";
import express, { type NextFunction, type Request, type Response } from "express";
import { RouterContextProvider, type ServerBuild } from "react-router";

import { m } from "../app/paraglide/messages";
import { anonymous, type Actor } from "./identity/actor";
import type { Locale } from "./identity/roles";
import { buildContentSecurityPolicy } from "./platform/content-security-policy";
import { LOCALE_COOKIE, localeStorage, negotiateLocale } from "./platform/locale";
import type { Portal } from "./platform/portal";
import { requestContext, type RequestState } from "./platform/request-context";
import { clearCookieHeader, cookieHeader, CSRF_COOKIE, SESSION_COOKIE } from "./platform/cookies";
import { resolveSession } from "./sessions";

export { loadConfig, ConfigError } from "./platform/config";
export { createLogger } from "./platform/logger";
export { startPortal } from "./platform/portal";

export interface PortalAppOptions {
  portal: Portal;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's dev server relaxes the content security policy for hot reload. */
  development?: boolean;
  /** Serves built assets (production) or Vite's middleware (development); mounted before anything else. */
  assets?: express.RequestHandler;
}

/** Build the Express app: health checks, security headers, session and locale resolution, then React Router. */
export function createPortalApp({ portal, build, development = false, assets }: PortalAppOptions) {
  const { config, log } = portal;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  // Public, unauthenticated: process liveness only.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  // Public, unauthenticated: reports whether the database responds, and nothing more.
  app.get("/readyz", async (_req, res) => {
    try {
      await portal.ping();
      res.json({ status: "ready", database: portal.databaseKind });
    } catch (error) {
      log.error({ err: error }, "readiness.failed");
      res.status(503).json({ status: "unavailable", database: portal.databaseKind });
    }
  });

  if (portal.testClock) mountTestClock(app, portal);

  if (assets) app.use(assets);

  app.use(assignRequestId(portal));
  app.use(rejectCrossSiteWrites(config.publicUrl));

  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.state = await resolveRequestState(portal, req, res, development);
      next();
    } catch (error) {
      next(error);
    }
  });

  const handleWithReactRouter = createRequestHandler({
    build,
    mode: development ? "development" : "production",
    getLoadContext: (_req, res) => {
      const context = new RouterContextProvider();
      context.set(requestContext, res.locals.state as RequestState);
      return context;
    },
  });

  app.all("/{*splat}", (req, res, next) => {
    const state = res.locals.state as RequestState;
    localeStorage.run(state.locale, () => handleWithReactRouter(req, res, next));
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error({ err: error, requestId: res.locals.requestId, path: loggablePath(req.path) }, "request.failed");
    if (!res.headersSent) res.status(500).type("html").send(renderFailurePage((res.locals.state as RequestState | undefined)?.locale ?? "nb"));
  });

  return app;
}

/**
 * Tests only (TEST_CLOCK=on, refused in production): set the portal's clock
 * and run the jobs that are due at the new time, so a journey can reach a
 * reminder's time without waiting. Answers from 127.0.0.1 only.
 */
function mountTestClock(app: express.Express, portal: Portal) {
  app.post("/test/clock", express.json(), async (req, res) => {
    const clock = portal.testClock;
    const instant = new Date(String((req.body as { now?: unknown } | undefined)?.now ?? ""));
    if (!clock || req.socket.remoteAddress?.replace(/^::ffff:/, "") !== "127.0.0.1" || Number.isNaN(instant.getTime())) {
      res.status(400).json({ error: "send {\"now\": an ISO 8601 time} from 127.0.0.1" });
      return;
    }
    clock.set(instant);
    const jobsRun = await portal.jobs.runNow();
    res.json({ now: clock.now().toISOString(), jobsRun });
  });
}

/**
 * The page for an error that escaped React Router: static, translated, and
 * still with the acute-help link, since the person may need help more than the page.
 */
function renderFailurePage(locale: Locale): string {
  const title = m.error_unexpected_title({}, { locale });
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ReConnect</title></head><body><header><a href="/acute-help">${m.layout_acute_help_link({}, { locale })}</a></header><main><h1>${title}</h1><p>${m.error_unexpected_body({}, { locale })}</p><p>${m.error_acute_help_reminder({}, { locale })}</p><p><a href="/">${m.error_go_home({}, { locale })}</a></p></main></body></html>`;
}

/** Replace the tokens in /invite/<token> and /calendar/<token>.ics paths, because each is a credential: an unused invitation, a member's calendar feed. */
export function loggablePath(path: string): string {
  return path.replace(/^\/invite\/[^/]+/, "/invite/[token]").replace(/^\/calendar\/[^/]+/, "/calendar/[token].ics");
}

function assignRequestId(portal: Portal) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);

    res.on("finish", () => {
      const state = res.locals.state as RequestState | undefined;
      portal.log.info(
        {
          requestId,
          method: req.method,
          // The path only: query strings can carry tokens and search terms.
          path: loggablePath(req.path),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          accountId: state?.actor.kind === "person" ? state.actor.accountId : undefined,
        },
        "request.completed",
      );
    });
    next();
  };
}

/**
 * First line of CSRF defence: browsers send Sec-Fetch-Site and Origin, and a
 * state-changing request from another site is refused before it reaches any
 * action. The form token checked in the root middleware is the second line.
 */
function rejectCrossSiteWrites(publicUrl: URL) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();

    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const ownOrigins = new Set([publicUrl.origin, `${req.protocol}://${req.get("host")}`]);
    if (fetchSite === "cross-site" || (origin !== undefined && origin !== "null" && !ownOrigins.has(origin))) {
      res.status(403).type("text/plain").send("This request came from another site and was rejected.");
      return;
    }
    next();
  };
}

async function resolveRequestState(portal: Portal, req: Request, res: Response, development: boolean): Promise<RequestState> {
  const { config } = portal;
  const cookies = parseCookies(req.get("cookie") ?? "");
  const requestId = res.locals.requestId as string;

  const lookup = await resolveSession(portal.db, portal.keys, cookies[SESSION_COOKIE]);
  const actor: Actor = lookup.status === "active" ? lookup.actor : anonymous;
  if (lookup.status === "expired") {
    res.append("Set-Cookie", clearCookieHeader(SESSION_COOKIE, { secure: config.https }));
  }

  let csrfToken = cookies[CSRF_COOKIE];
  if (!csrfToken || !/^[A-Za-z0-9_-]{43}$/.test(csrfToken)) {
    csrfToken = randomBytes(32).toString("base64url");
    res.append("Set-Cookie", cookieHeader(CSRF_COOKIE, csrfToken, { secure: config.https }));
  }

  const nonce = randomBytes(16).toString("base64");
  res.setHeader("Content-Security-Policy", buildContentSecurityPolicy({ nonce, development, formTargets: config.oidc.map((client) => new URL(client.issuer).origin) }));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (config.https) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (actor.kind === "person") res.setHeader("Cache-Control", "no-store");

  return {
    portal,
    actor,
    sessionExpired: lookup.status === "expired",
    locale: negotiateLocale({
      personLocale: actor.kind === "person" ? actor.locale : null,
      cookieLocale: cookies[LOCALE_COOKIE],
      acceptLanguage: req.get("accept-language"),
    }),
    nonce,
    csrfToken,
    requestId,
    clientAddress: req.ip ?? "unknown",
    log: portal.log.child({ requestId }),
  };
}

/** The React Router server build, resolved by Vite at build time (or on demand in dev). */
export const loadServerBuild = () => import("virtual:react-router/server-build") as Promise<ServerBuild>;
