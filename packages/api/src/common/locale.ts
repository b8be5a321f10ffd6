import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "@real-skills/shared";
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type SelectionSetNode, type FragmentDefinitionNode } from "graphql";
import { registerEnumType } from "type-graphql";
import { badInput } from "./errors.js";

/** The GraphQL `Locale` enum: names are upper-case, values are the internal locale codes. */
export const LocaleEnum = { EN: "en", DE: "de" } as const satisfies Record<string, Locale>;

registerEnumType(LocaleEnum, {
  name: "Locale",
  description: "A supported language. Texts missing in a language fall back to English.",
  valuesConfig: { EN: { description: "English" }, DE: { description: "German (Deutsch)" } },
});

/**
 * The locale of a request before any argument: `Accept-Language`, else `fallback` (the caller's
 * organisation's default), else English.
 */
export function localeFromHeader(
  acceptLanguage: string | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  return negotiateLocale(acceptLanguage) ?? fallback;
}

export interface LocaleContext {
  locale: Locale;
}

/**
 * Applies a top-level field's `locale` argument to the whole operation before execution, so that
 * every localised text below it (skills → lessons → …) uses it without each resolver passing it
 * on. Two different explicit locales in one operation are a client error.
 */
export function localePlugin<TContext extends LocaleContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return Promise.resolve();
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const found = new Set<Locale>();
          collectLocales(operation.selectionSet, fragments, request.variables ?? {}, found);
          if (found.size > 1) {
            throw badInput("locale", "all fields of one operation must use the same locale");
          }
          const [explicit] = found;
          if (explicit) contextValue.locale = explicit;
          return Promise.resolve();
        },
      });
    },
  };
}

function collectLocales(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  found: Set<Locale>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const argument = selection.arguments?.find((a) => a.name.value === "locale");
      if (!argument) continue;
      const name =
        argument.value.kind === Kind.ENUM
          ? argument.value.value
          : argument.value.kind === Kind.VARIABLE
            ? variables[argument.value.name.value]
            : undefined;
      const locale = typeof name === "string" ? name.toLowerCase() : undefined;
      if (isLocale(locale)) found.add(locale);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectLocales(selection.selectionSet, fragments, variables, found);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) collectLocales(fragment.selectionSet, fragments, variables, found);
    }
  }
}
