import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, OperationTypeNode, type ParseOptions, type ValidationRule } from "graphql";

/**
 * The shape limits every operation must stay within. They are checked while parsing and
 * validating, before any resolver runs, and are the same for every caller.
 */
export const QUERY_LIMITS = {
  /**
   * Nesting of fields, leaves included (`assessments { nodes { items { options { label } } } }`
   * is 5). The deepest query the clients need is 6; fragments do not count as a level.
   */
  maxDepth: 8,
  /** Aliased fields per operation (`__typename` is free). */
  maxAliases: 15,
  /** Directives (`@include`, `@skip`) per operation. */
  maxDirectives: 20,
  /**
   * graphql-armor's static cost estimate: 2 per object and 1 per scalar field, each level
   * weighing 1.5 times the one above, a list times its literal `first`. A page of 100
   * assessments with their items and options costs about 9,000; the example operations at most
   * 1,400.
   */
  maxCost: 10_000,
  /** Lexical tokens per document. Introspection needs about 200. */
  maxTokens: 2_000,
} as const;

export interface QueryLimitProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * graphql-armor's Apollo protections with {@link QUERY_LIMITS}. Violations fail validation, so
 * clients get a 400 with GRAPHQL_VALIDATION_FAILED (Apollo's code for every validation error).
 * Field suggestions ("Did you mean …") are removed from error messages.
 *
 * The token limit is graphql-js's own `maxLexicalTokens` parse option rather than armor's: armor's
 * Apollo plugin throws from `parsingDidStart`, which Apollo treats as a crash (a 500), while a
 * parse option makes an over-long document an ordinary syntax error (400, GRAPHQL_PARSE_FAILED).
 */
export function queryLimitProtection(): QueryLimitProtection {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, flattenFragments: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    // armor is a CommonJS package, so its declarations name the CommonJS copy of Apollo's types,
    // which TypeScript tells apart from the ES module copy we use; the objects are the same.
    plugins: plugins as unknown as ApolloServerPlugin[],
    validationRules: [...validationRules, noSubscriptions],
    parseOptions: { maxLexicalTokens: QUERY_LIMITS.maxTokens },
  };
}

/**
 * The schema has no subscriptions, but graphql-js 16 does not check an operation's type against
 * the schema's roots (17 does): without this rule a subscription fails in execution, as an
 * internal error.
 */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError("Subscriptions are not supported: send queries and mutations over HTTP.", {
        nodes: node,
      }),
    );
  },
});
