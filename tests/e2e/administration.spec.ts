import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { demoPeople } from "../../scripts/seed-demo";
import { demoPerson, signInAsDemo } from "./support";

/**
 * An administrator runs the deployment: communities, accounts and roles, the
 * audit log. These journeys use demo people no other journey signs in as
 * (member-9, provider-3), because disabling an account ends its sessions.
 */

test.use({ locale: "nb-NO" });

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    label,
  ).toEqual([]);
}

test("disabling an account signs the person out everywhere", async ({ page, browser }) => {
  const member = demoPerson("member-9");
  const memberPage = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  await signInAsDemo(memberPage, "member-9");

  await signInAsDemo(page, "administrator");
  await page.goto("/admin/people");
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "deltaker" });
  await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Havnøy kommune" });
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/role=member/);

  // Keyboard only: focus the link and press Enter, then confirm with the keyboard too.
  await page.getByRole("link", { name: `Deaktiver kontoen til ${member.pseudonym} (pseudonym)` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Deaktivere kontoen til ${member.pseudonym} (pseudonym)?` })).toBeVisible();
  await expectNoViolations(page, "disable confirmation");
  await page.getByLabel("Grunn (valgfritt)").selectOption({ label: "Personen ba om det" });
  await page.getByRole("button", { name: "Ja, deaktiver kontoen" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByText("Kontoen er deaktivert, og alle øktene er avsluttet.")).toBeVisible();
  await expect(page).toHaveURL(/role=member/);
  await expect(page.getByRole("row").filter({ hasText: `${member.pseudonym} (pseudonym)` })).toContainText("Deaktivert");

  await memberPage.goto("/settings");
  await expect(memberPage).toHaveURL(/\/sign-in\?returnTo=%2Fsettings/);
  await memberPage.goto("/sign-in/demo");
  await expect(memberPage.getByRole("button", { name: `Logg inn som ${member.pseudonym}` })).toHaveCount(0);

  await page.getByRole("link", { name: `Aktiver kontoen til ${member.pseudonym} (pseudonym)` }).click();
  await page.getByLabel("Grunn (valgfritt)").selectOption({ label: "Kontoen ble deaktivert ved en feil" });
  await page.getByRole("button", { name: "Ja, aktiver kontoen" }).click();
  await expect(page.getByText("Kontoen er aktivert igjen.")).toBeVisible();

  await memberPage.goto("/sign-in/demo");
  await expect(memberPage.getByRole("button", { name: `Logg inn som ${member.pseudonym}` })).toHaveCount(1);
  await memberPage.context().close();

  await page.goto("/admin/audit-log");
  await page.getByLabel("Handlingen starter med").fill("account.");
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  const rows = page.getByRole("row").filter({ hasText: `${member.pseudonym} (pseudonym)` });
  await expect(rows.filter({ hasText: "Konto deaktivert" }).first()).toContainText("reason: requested_by_person");
  await expect(rows.filter({ hasText: "Konto aktivert" }).first()).toContainText("reason: disabled_by_mistake");
  expect(await page.content()).not.toContain(member.fullName);
});

test("people page never shows a member's real name", async ({ page }) => {
  await signInAsDemo(page, "administrator");
  await page.goto("/admin/people");
  const html = await page.content();

  for (const person of demoPeople) {
    if (person.pseudonym) {
      expect(html, person.key).toContain(`${person.pseudonym} (pseudonym)`);
      expect(html, person.key).not.toContain(person.fullName);
    } else {
      expect(html, person.key).toContain(person.fullName);
    }
    expect(html, person.key).not.toContain(person.email);
    expect(html, person.key).not.toContain(person.nationalId);
  }
});

test("community form keeps what was typed and explains errors", async ({ page }) => {
  await signInAsDemo(page, "administrator");
  await page.goto("/admin");
  const name = page.getByLabel("Navn", { exact: true });
  const number = page.getByLabel("Kommunenummer (valgfritt)");

  await name.fill("E");
  await number.fill("50 01");
  await page.getByRole("button", { name: "Opprett kommunen" }).click();

  await expect(page.getByText("Navnet må ha minst 2 tegn.")).toBeVisible();
  await expect(page.getByText("Kommunenummeret skal være fire siffer, for eksempel 0301.", { exact: false })).toBeVisible();
  await expect(name).toHaveValue("E");
  await expect(number).toHaveValue("50 01");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "/admin with form errors");

  await name.fill("Fjellby kommune");
  await number.fill("5001");
  await page.getByRole("button", { name: "Opprett kommunen" }).click();
  await expect(page.getByText("Kommunen Fjellby kommune er opprettet.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Fjellby kommune" }).first();
  await expect(row).toContainText("Kommunenummer: 5001");

  await row.getByRole("link", { name: "Endre navnet på Fjellby kommune" }).click();
  await page.getByLabel("Nytt navn").fill("Fjellbygda kommune");
  await page.getByRole("button", { name: "Lagre navnet" }).click();
  await expect(page.getByText("Navnet er endret.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Fjellbygda kommune" }).first()).toContainText("Kortnavn i lenker: fjellby");
});

test("community form empties after each create and explains duplicates", async ({ page }) => {
  await signInAsDemo(page, "administrator");
  await page.goto("/admin");
  const name = page.getByLabel("Navn", { exact: true });
  const number = page.getByLabel("Kommunenummer (valgfritt)");
  const submit = page.getByRole("button", { name: "Opprett kommunen" });

  // The browser's own "Please fill out this field" would block this; the server's message shows instead.
  await submit.click();
  await expect(page.getByText("Skriv inn et navn.")).toBeVisible();

  const creates: [string, string][] = [
    ["Elvdal kommune", "3401"],
    ["Skogdal kommune", ""],
  ];
  for (const [typedName, typedNumber] of creates) {
    await name.fill(typedName);
    await number.fill(typedNumber);
    await submit.click();
    await expect(page.getByText(`Kommunen ${typedName} er opprettet.`)).toBeVisible();
    await expect(name).toHaveValue("");
    await expect(number).toHaveValue("");
  }

  await name.fill("elvdal");
  await number.fill("3401");
  await submit.click();
  await expect(page.getByText("Det finnes allerede en kommune som heter «Elvdal kommune».", { exact: false })).toBeVisible();
  await expect(page.getByText("Elvdal kommune har allerede dette kommunenummeret.", { exact: false })).toBeVisible();
  await expect(name).toHaveValue("elvdal");
  await expect(number).toHaveValue("3401");

  await name.fill("Nulldal");
  await number.fill("0000");
  await submit.click();
  await expect(page.getByText("Det finnes ingen kommune med nummer 0000. Kommunenumre går fra 0101 til 5699.", { exact: false })).toBeVisible();
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "/admin with duplicate and range errors");
});

test("administrator gives and takes back a role", async ({ page }) => {
  const provider = demoPerson("provider-3");
  await signInAsDemo(page, "administrator");
  await page.goto("/admin/people?role=provider");

  await page.getByRole("link", { name: `Endre rollene til ${provider.fullName}` }).click();
  await expect(page.getByRole("heading", { name: `Rollene til ${provider.fullName}` })).toBeVisible();
  await page.getByLabel("Ny rolle").selectOption({ label: "forsker" });
  await page.getByRole("button", { name: "Legg til rollen" }).click();
  await expect(page.getByText("Rollen er lagt til.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: provider.fullName })).toContainText("behandler, forsker");

  await page.getByRole("button", { name: "Fjern rollen forsker" }).click();
  await expect(page.getByText("Rollen er fjernet.")).toBeVisible();
  await page.getByRole("button", { name: "Fjern rollen behandler" }).click();
  await expect(page.getByText("En konto må ha minst én rolle.", { exact: false })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: provider.fullName })).toContainText("behandler");
});
