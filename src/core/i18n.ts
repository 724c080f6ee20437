// Message catalogues live in src/locales/*.json; code refers to keys only. Simplified Chinese is
// the default and the fallback, English is complete (a test compares the key sets).
import { readFileSync } from "node:fs";
import i18next, { type TFunction } from "i18next";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type Translate = (key: string, values?: Record<string, unknown>) => string;

function loadCatalogue(locale: Locale): Record<string, unknown> {
  const url = new URL(`../locales/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

export function loadCatalogues(): Record<Locale, Record<string, unknown>> {
  return { "zh-CN": loadCatalogue("zh-CN"), en: loadCatalogue("en") };
}

export class I18n {
  readonly #fixed = new Map<Locale, TFunction>();

  constructor(readonly defaultLocale: Locale = "zh-CN") {
    const catalogues = loadCatalogues();
    const instance = i18next.createInstance();
    void instance.init({
      resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogues[l] }])),
      lng: defaultLocale,
      fallbackLng: "zh-CN",
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    for (const locale of LOCALES) this.#fixed.set(locale, instance.getFixedT(locale));
  }

  translator(locale: Locale): Translate {
    const t = this.#fixed.get(locale) ?? this.#fixed.get(this.defaultLocale);
    if (!t) throw new Error(`no catalogue for ${locale}`);
    return (key, values) => t(key, values ?? {}) as string;
  }
}

/** Maps a stored preference or a platform language hint ("zh-hans", "en-US") to a supported locale. */
export function matchLocale(hint: string | null | undefined): Locale | undefined {
  if (!hint) return undefined;
  const lower = hint.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return undefined;
}
