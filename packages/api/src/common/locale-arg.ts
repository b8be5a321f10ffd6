import { Arg } from "type-graphql";
import { LocaleEnum } from "./locale.js";

/**
 * The `locale` argument of top-level query fields. Its value is applied to the whole operation by
 * `localePlugin` before execution, so resolvers read `ctx.locale` instead of the argument.
 */
export const LocaleArg = () =>
  Arg("locale", () => LocaleEnum, {
    nullable: true,
    description:
      "Language of every text in the result. Defaults to the request's `Accept-Language`, else English.",
  });
