import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, Outlet, StaticRouterProvider, useLoaderData } from "react-router";
import { describe, expect, test } from "vitest";

import nb from "../../messages/nb.json" with { type: "json" };
import AdminAuditLog from "./admin-audit-log";

type AuditLogData = Parameters<typeof AdminAuditLog>[0]["loaderData"];

const emptyPage: AuditLogData = { events: [], actionPrefix: "", prefixInvalid: false, nextCursor: null, onLaterPage: false };

/** Server-render the audit log page with the given loader data, inside a router like the real one. */
async function renderAuditLog(loaderData: AuditLogData): Promise<string> {
  function Page() {
    return createElement(AdminAuditLog, { loaderData: useLoaderData() as AuditLogData } as Parameters<typeof AdminAuditLog>[0]);
  }
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "nb", csrfToken: "test-token", demo: false, viewer: null }),
      Component: Outlet,
      children: [{ path: "admin/audit-log", loader: () => loaderData, Component: Page }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://127.0.0.1/admin/audit-log"));
  if (context instanceof Response) throw new Error(`The test router returned a ${context.status} response.`);

  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

function decode(html: string): string {
  return html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

describe("audit log empty message", () => {
  test("empty log without a filter", async () => {
    const html = decode(await renderAuditLog(emptyPage));

    expect(html).toContain(nb.admin_audit_empty_unfiltered);
    expect(html).not.toContain(nb.admin_audit_empty);
  });

  test("filter that matches nothing", async () => {
    const html = decode(await renderAuditLog({ ...emptyPage, actionPrefix: "role." }));

    expect(html).toContain(nb.admin_audit_empty);
    expect(html).not.toContain(nb.admin_audit_empty_unfiltered);
  });

  test("page past the last event", async () => {
    const html = decode(await renderAuditLog({ ...emptyPage, onLaterPage: true }));

    expect(html).toContain(nb.admin_audit_empty_later_page);
    expect(html).toContain(nb.admin_first_page);
  });

  test("invalid filter shows only its error", async () => {
    const html = decode(await renderAuditLog({ ...emptyPage, actionPrefix: "Role!", prefixInvalid: true }));

    expect(html).toContain(nb.admin_audit_error_invalid_prefix);
    expect(html).not.toContain(nb.admin_audit_empty);
    expect(html).not.toContain(nb.admin_audit_empty_unfiltered);
  });
});
