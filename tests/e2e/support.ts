import { expect, type APIRequestContext, type Page } from "@playwright/test";

import { demoPeople, type DemoPerson } from "../../scripts/seed-demo";
import en from "../../messages/en.json" with { type: "json" };
import nb from "../../messages/nb.json" with { type: "json" };
import nn from "../../messages/nn.json" with { type: "json" };

export const catalogues = { nb, nn, en } as Record<"nb" | "nn" | "en", Record<string, unknown>>;
export type Locale = keyof typeof catalogues;
export const allLocales: Locale[] = ["nb", "nn", "en"];

export function demoPerson(key: string): DemoPerson {
  const person = demoPeople.find((candidate) => candidate.key === key);
  if (!person) throw new Error(`No demo person with key ${key}.`);
  return person;
}

/** The name the demo sign-in page shows for a person: the pseudonym for members, else the real name. */
export function demoDisplayName(person: DemoPerson): string {
  return person.pseudonym ?? person.fullName;
}

/** Sign in through the demo page in the browser, as a person would. */
export async function signInAsDemo(page: Page, key: string) {
  const person = demoPerson(key);
  await page.goto("/sign-in/demo");
  await page.getByRole("button", { name: new RegExp(`^(Logg inn som|Sign in as) ${escapeRegExp(demoDisplayName(person))}$`) }).click();
  await expect(page.getByText(new RegExp(`(Logget inn som|Logga inn som|Signed in as) ${escapeRegExp(demoDisplayName(person))}`))).toBeVisible();
}

/** Sign in through the demo form with plain HTTP requests; the request context keeps the cookies. */
export async function signInAsDemoRequest(request: APIRequestContext, key: string) {
  const person = demoPerson(key);
  const pageHtml = await (await request.get("/sign-in/demo")).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(pageHtml)?.[1];
  const forms = [...pageHtml.matchAll(/name="accountId" value="([^"]+)"[\s\S]*?<strong>([^<]+)<\/strong>/g)];
  const accountId = forms.find((match) => decodeEntities(match[2] ?? "") === demoDisplayName(person))?.[1];
  if (!csrf || !accountId) throw new Error(`Demo sign-in form for ${key} not found.`);

  const response = await request.post("/sign-in/demo", { form: { csrf, accountId, returnTo: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

/** The header's language buttons, each named in its own language. */
export const languageNames: Record<Locale, string> = { nb: "Norsk bokmål", nn: "Norsk nynorsk", en: "English" };

/** Switch language with the header's language menu, as a person would: open it, then press the language. */
export async function chooseLanguage(page: Page, locale: Locale) {
  const menu = page.locator("header details.language-menu");
  // Hydration on a busy machine can close the menu again right after it opened, so open it until the button can be pressed.
  await expect(async () => {
    if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) await menu.locator("summary").click();
    await menu.getByRole("button", { name: languageNames[locale], exact: true }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

export function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function decodeEntities(value: string) {
  return value.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** Every identifying value of the demo people: real names, e-mail addresses, national ID and HPR numbers. */
export function identityCanaries(): string[] {
  return demoPeople.flatMap((person) => [person.fullName, person.email, person.nationalId, ...(person.hprNumber ? [person.hprNumber] : [])]);
}
