import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "@playwright/test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { m } from "~/paraglide/messages";
import { setLocale, type Locale } from "~/paraglide/runtime";
import { findIdentifyingDetails, type IdentifyingDetail } from "../../server/forum/identity-guard/find-identifying-details";
import { identityGuardReasons } from "../identity-guard-reasons.server";
import { IdentityGuardFindings } from "./identity-guard-findings";

// Line breaks, a run of spaces, HTML-like text and a name that occurs twice.
const post = "Hei!\n\nJeg heter Kari Nordmann og bor i Storgata 12B, 0155 Oslo.\n   Ring meg på 412 34 567 <b>nå</b>\nKari Nordmann";
const details = findIdentifyingDetails(post);

const require = createRequire(import.meta.url);
const stylesheets = [require.resolve("@digdir/designsystemet-css"), require.resolve("@digdir/designsystemet-css/theme"), path.resolve(import.meta.dirname, "../styles/app.css")]
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

function render(text: string, findings: IdentifyingDetail[]): string {
  return renderToStaticMarkup(createElement(IdentityGuardFindings, { text, details: findings, reasons: identityGuardReasons(findings) }));
}

/**
 * Open the server-rendered component in a page with the app's stylesheets. The page carries no script, and
 * `javaScriptEnabled` can turn JavaScript off entirely, except for axe, which runs as a script in the page.
 */
async function openRendered(browser: Browser, locale: Locale, javaScriptEnabled: boolean): Promise<Page> {
  setLocale(locale, { reload: false });
  const markup = render(post, details);
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html lang="${locale}"><head><title>Identity guard</title><style>${stylesheets}</style></head><body><main class="page"><h1 class="ds-heading">Test</h1>${markup}</main></body></html>`);
  return page;
}

function reasonFor(detail: IdentifyingDetail): string {
  const messages: Record<IdentifyingDetail["kind"], () => string> = {
    phone_number: m.forum_guard_reason_phone_number,
    email_address: m.forum_guard_reason_email_address,
    national_id_number: m.forum_guard_reason_national_id_number,
    birth_date: m.forum_guard_reason_birth_date,
    street_address: m.forum_guard_reason_street_address,
    postcode: m.forum_guard_reason_postcode,
    personal_name: m.forum_guard_reason_personal_name,
    place_name: m.forum_guard_reason_place_name,
    workplace: m.forum_guard_reason_workplace,
    car_registration: m.forum_guard_reason_car_registration,
    social_media_profile: m.forum_guard_reason_social_media_profile,
  };
  return messages[detail.kind]();
}

describe("IdentityGuardFindings markup", () => {
  test("renders nothing without findings", () => {
    expect(render(post, [])).toBe("");
  });

  test("skips findings that do not fit", () => {
    const stale: IdentifyingDetail = { kind: "phone_number", start: 0, end: 4, match: "9999" };
    const outside: IdentifyingDetail = { kind: "place_name", start: post.length, end: post.length + 4, match: "Oslo" };
    expect(render(post, [stale, outside])).toBe("");
  });

  test("escapes HTML in the post", () => {
    const markup = render(post, details);
    expect(markup).toContain("&lt;b&gt;nå&lt;/b&gt;");
    expect(markup).not.toContain("<b>");
  });

  test("quotes a repeated match once", () => {
    setLocale("nb", { reload: false });
    const markup = render(post, details);
    expect(markup.match(/<q>Kari Nordmann<\/q>/g)).toHaveLength(1);
    expect(markup.match(/<mark[^>]*>Kari Nordmann<\/mark>/g)).toHaveLength(2);
  });
});

describe("IdentityGuardFindings in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    setLocale("nb", { reload: false });
    await browser?.close();
  });

  test("checker finds the post's details", () => {
    expect(details.map((detail) => detail.kind)).toEqual(["personal_name", "street_address", "postcode", "place_name", "phone_number", "personal_name"]);
  });

  test("marks each finding and ties it to its reason", async () => {
    const page = await openRendered(browser, "nb", false);

    const marks = page.locator("mark");
    await expect.poll(() => marks.allTextContents()).toEqual(details.map((detail) => detail.match));
    for (const [index, detail] of details.entries()) {
      const describedBy = await marks.nth(index).getAttribute("aria-describedby");
      expect(describedBy).toBeTruthy();
      const reason = page.locator(`[id="${describedBy}"]`);
      await expect.poll(() => reason.textContent()).toBe(reasonFor(detail));
    }
    await page.context().close();
  });

  test("keeps line breaks and spaces", async () => {
    const page = await openRendered(browser, "nb", false);
    const renderedText = await page.locator(".identity-guard__text").innerText();
    expect(renderedText).toBe(post);
    await page.context().close();
  });

  test.each(["nb", "nn", "en"] as const)("axe finds nothing in %s", async (locale) => {
    const page = await openRendered(browser, locale, true);

    await expect.poll(() => page.locator("h2").textContent()).toBe(m.forum_guard_heading({}, { locale }));
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(summary).toEqual([]);
    await page.context().close();
  });
});
