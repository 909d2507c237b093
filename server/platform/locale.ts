import { AsyncLocalStorage } from "node:async_hooks";

import { isLocale, type Locale } from "../identity/roles";

/** The locale of the request being served, read by Paraglide's `getLocale` on the server. */
export const localeStorage = new AsyncLocalStorage<Locale>();

export const LOCALE_COOKIE = "rc_locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Pick the locale: the person's own setting, then the cookie, then
 * Accept-Language, then Bokmål. Browsers send `no` for Norwegian, which means Bokmål.
 */
export function negotiateLocale(input: { personLocale: Locale | null; cookieLocale: string | undefined; acceptLanguage: string | undefined }): Locale {
  if (input.personLocale) return input.personLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;

  const ranges = (input.acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const quality = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
      return { tag: tag.toLowerCase(), quality: quality ? Number(quality.slice(2)) || 0 : 1 };
    })
    .filter((range) => range.tag && range.quality > 0)
    .sort((a, b) => b.quality - a.quality);

  for (const { tag } of ranges) {
    const primary = tag.split("-")[0];
    if (primary === "nn") return "nn";
    if (primary === "nb" || primary === "no") return "nb";
    if (primary === "en") return "en";
  }
  return "nb";
}
