import { expect, test } from "@playwright/test";

import { catalogues, chooseLanguage, demoPerson, identityCanaries, signInAsDemo, signInAsDemoRequest } from "./support";

test.describe("signed out", () => {
  test("front page is Norwegian with acute help", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Velkommen til ReConnect");
    await expect(page.getByRole("link", { name: "Akutt hjelp" }).first()).toBeVisible();
  });

  test("Accept-Language no means Bokmål", async ({ browser }) => {
    const context = await browser.newContext({ locale: "no" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await context.close();
  });

  test("acute help lists the configured numbers", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Akutt hjelp" }).first().click();
    await expect(page).toHaveURL(/\/acute-help$/);
    for (const number of ["113", "116 117", "116 123", "22 40 00 40"]) {
      await expect(page.getByRole("link", { name: number, exact: true })).toHaveAttribute("href", `tel:${number.replace(/ /g, "")}`);
    }
  });

  test("unknown page is not found with acute help", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi fant ikke siden");
    await expect(page.getByRole("link", { name: "Akutt hjelp" }).first()).toBeVisible();
  });

  test("skip link and acute help work by keyboard", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Akutt hjelp" }).first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/acute-help$/);
  });
});

test.describe("languages", () => {
  test("switching language changes every string", async ({ page }) => {
    // Compare whole lines of rendered text, so a short message such as "Alle" cannot match inside a sentence.
    const lines = async () => new Set((await page.locator("body").innerText()).split("\n").map((line) => line.replace(/·$/, "").trim()));
    await page.goto("/accessibility");
    const bokmalLines = await lines();
    const visibleKeys = Object.entries(catalogues.nb)
      .filter(([key, text]) => key !== "$schema" && typeof text === "string" && bokmalLines.has(text))
      .map(([key]) => key);
    expect(visibleKeys.length).toBeGreaterThan(10);

    for (const locale of ["nn", "en"] as const) {
      await chooseLanguage(page, locale);
      await expect(page).toHaveURL(/\/accessibility$/);
      const shown = await lines();
      for (const key of visibleKeys) {
        const translated = catalogues[locale][key] as string;
        const original = catalogues.nb[key] as string;
        expect(shown.has(translated), `${locale} text for ${key}`).toBe(true);
        if (translated !== original) expect(shown.has(original), `Bokmål text left for ${key} in ${locale}`).toBe(false);
      }
    }
  });

  test("signed-in choice is kept on the person", async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await signInAsDemo(page, "member-3");
    await chooseLanguage(page, "en");
    await first.close();

    const second = await browser.newContext();
    const again = await second.newPage();
    await signInAsDemo(again, "member-3");
    await expect(again.locator("html")).toHaveAttribute("lang", "en");
    await chooseLanguage(again, "nb");
    await second.close();
  });
});

test.describe("pseudonymity", () => {
  test("member sees pseudonym, never a real name", async ({ page, request }) => {
    await signInAsDemo(page, "member-1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hei, Morgenfugl");

    await signInAsDemoRequest(request, "member-1");
    const canaries = identityCanaries();
    for (const path of ["/", "/settings", "/acute-help", "/accessibility", "/settings/profile"]) {
      for (const url of [path, `${path === "/" ? "/_root" : path}.data`]) {
        const response = await request.get(url);
        const body = await response.text();
        for (const canary of canaries) expect(body, `${url} contains ${canary}`).not.toContain(canary);
      }
    }
    expect(demoPerson("member-1").pseudonym).toBe("Morgenfugl");
  });
});

test.describe("request security", () => {
  test("pages carry security headers", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["cache-control"] ?? "").not.toContain("no-store");
  });

  test("signed-in pages are not stored", async ({ request }) => {
    await signInAsDemoRequest(request, "member-2");
    const response = await request.get("/");
    expect(response.headers()["cache-control"]).toBe("no-store");
    const cookie = (await request.storageState()).cookies.find((candidate) => candidate.name === "rc_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(Buffer.from(cookie?.value ?? "", "base64url").length).toBeGreaterThanOrEqual(16);
  });

  test("sign-in gives a new session token each time", async ({ request }) => {
    const sessionToken = async () => (await request.storageState()).cookies.find((candidate) => candidate.name === "rc_session")?.value;
    await signInAsDemoRequest(request, "member-2");
    const first = await sessionToken();

    const html = await (await request.get("/settings")).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    await request.post("/sign-out", { form: { csrf }, maxRedirects: 0 });
    await signInAsDemoRequest(request, "member-2");
    const second = await sessionToken();

    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
  });

  test("form without CSRF token is rejected", async ({ request }) => {
    await request.get("/");
    const response = await request.post("/language", { form: { locale: "en", returnTo: "/" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test("cross-site form post is rejected", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const response = await request.post("/language", {
      form: { csrf, locale: "en", returnTo: "/" },
      headers: { Origin: "http://evil.invalid", "Sec-Fetch-Site": "cross-site" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test("redirect after language change stays on this site", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    for (const returnTo of ["//evil.invalid/x", "https://evil.invalid/", "/\\evil.invalid"]) {
      const response = await request.post("/language", { form: { csrf, locale: "nb", returnTo }, maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers()["location"]).toBe("/");
    }
  });

  test("sign-out ends the session", async ({ page }) => {
    await signInAsDemo(page, "member-4");
    await page.getByRole("button", { name: "Logg ut" }).click();
    await expect(page.getByText("Du er logget ut.")).toBeVisible();
    const response = await page.goto("/settings");
    expect(new URL(response?.url() ?? "").pathname).toBe("/sign-in");
  });
});

test.describe("health", () => {
  test("healthz and readyz answer JSON", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/readyz");
    expect(await ready.json()).toEqual({ status: "ready", database: "pglite" });
  });
});
