import { operationBody, type HostileRequest } from "./abuse-request.js";
import { MAX_VARIABLES_BYTES } from "./abuse-transport.js";

const SKILL_BY_SLUG = "query($slug: String!) { skill(slug: $slug) { name } }";
const SKILLS_PAGE = "query($first: Int!) { skills(first: $first) { totalCount } }";

function repeated(count: number, text: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => text(index)).join(" ");
}

/** `open` nested `depth` times around `inner`, each closed by `close`. */
function nested(depth: number, open: string, inner: string, close = "}"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Fragments F0…Fn where each spreads the next `fanOut` times: fanOut^n fields when flattened. */
function fragmentBomb(levels: number, fanOut: number, on: string, leaf: string): string {
  const fragments = Array.from(
    { length: levels },
    (_, level) => `fragment F${level} on ${on} { ${repeated(fanOut, () => `...F${level + 1}`)} }`,
  );
  return `${fragments.join(" ")} fragment F${levels} on ${on} { ${leaf} }`;
}

/**
 * Hostile documents and variables: shapes the query limits must refuse before anything runs
 * (depth, aliases, directives, cost, tokens), fragment cycles and bombs, operations that are not
 * there or not allowed, variables too large or of the wrong type, persisted-query tricks.
 */
export function graphqlCorpus(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (
    name: string,
    query: string,
    variables?: Record<string, unknown>,
    extra: Partial<Omit<HostileRequest, "category" | "name" | "body">> = {},
  ) =>
    requests.push({
      category: "graphql",
      name,
      caller: "anonymous",
      body: operationBody(query, variables),
      ...extra,
    });
  const addBody = (name: string, body: string, extra: Partial<HostileRequest> = {}) =>
    requests.push({ category: "graphql", name, caller: "anonymous", body, ...extra });

  // Depth.
  const lessonsDeep = (levels: number) => nested(levels, "lessons { skill { ", "name", "} } ");
  add("depth 9 through lessons and skills", `{ skills { nodes { ${lessonsDeep(3)} } } }`);
  add("depth 30 through lessons and skills", `{ skills { nodes { ${lessonsDeep(14)} } } }`);
  add(
    "depth hidden in fragments",
    `{ skills { nodes { ...A } } } fragment A on Skill { lessons { skill { ...B } } } fragment B on Skill { lessons { skill { ...C } } } fragment C on Skill { lessons { skill { lessons { title } } } }`,
  );
  add("600 nested selections of an unknown field", `{ ${nested(600, "a { ", "b", "} ")} }`);
  add("350 nested inline fragments", `{ ${nested(350, "... on Query { ", "viewer { kind }")} }`);
  add(
    "introspection 10 deep",
    `{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }`,
  );
  add(
    "introspection of ofType 7 deep",
    `{ __schema { types { ${nested(7, "ofType { ", "name")} } } }`,
  );
  add("__type with a script for a name", `{ __type(name: "<script>alert(1)</script>") { name } }`);
  add("__type with SQL for a name", `{ __type(name: "' OR 1=1 --") { name } }`);

  // Aliases.
  add("16 aliases", `{ ${repeated(16, (i) => `a${i}: skills { totalCount }`)} }`);
  add("1 000 aliases", `{ ${repeated(1_000, (i) => `a${i}: skills { totalCount }`)} }`);
  add("600 aliases of __typename", `{ ${repeated(600, (i) => `a${i}: __typename`)} }`);
  add("450 copies of one field without aliases", `{ ${repeated(450, () => "viewer { kind }")} }`);
  add(
    "15 aliases of 100 assessments each",
    `{ ${repeated(15, (i) => `a${i}: assessments(first: 100) { nodes { items { options { label } } } }`)} }`,
  );
  add("the same argument twice", `{ skills(first: 1, first: 100) { totalCount } }`);

  // Fragments.
  add("a fragment spreading itself", `{ ...A } fragment A on Query { viewer { kind } ...A }`);
  add(
    "two fragments spreading each other",
    `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
  );
  add(
    "a cycle of 50 fragments",
    `{ ...F0 } ${repeated(50, (i) => `fragment F${i} on Query { ...F${(i + 1) % 50} }`)}`,
  );
  add(
    "a fragment bomb of 10^40 fields on Query",
    `{ ...F0 } ${fragmentBomb(40, 10, "Query", "viewer { kind }")}`,
  );
  add(
    "a fragment bomb of 10^40 fields on Skill",
    `{ skills { nodes { ...F0 } } } ${fragmentBomb(40, 10, "Skill", "slug")}`,
  );
  add(
    "a fragment bomb of 2^150 fields",
    `{ ...F0 } ${fragmentBomb(150, 2, "Query", "__typename")}`,
  );
  add("a fragment on a type that does not exist", `{ ...A } fragment A on Nope { x }`);
  add("a fragment on the wrong type", `{ ...A } fragment A on Skill { slug }`);
  add("an unused fragment", `{ viewer { kind } } fragment A on Query { viewer { kind } }`);
  add("a spread of an undefined fragment", `{ ...Nope }`);

  // Directives.
  add("21 directives", `{ skills { ${repeated(21, () => "totalCount @skip(if: false)")} } }`);
  add("250 directives", `{ viewer ${repeated(250, () => "@include(if: true)")} { kind } }`);
  add("an unknown directive", `{ viewer @nope { kind } }`);
  add("@defer", `{ ... @defer { viewer { kind } } }`);
  add("@stream", `{ skills { nodes @stream { slug } } }`);
  add("@deprecated in a query", `{ viewer @deprecated { kind } }`);
  add("@include without its argument", `{ viewer @include { kind } }`);
  add("@skip with an undeclared variable", `{ viewer @skip(if: $nope) { kind } }`);

  // Cost.
  add("first: 100000", `{ assessments(first: 100000) { nodes { items { options { label } } } } }`);
  add("first: 2147483647", `{ skills(first: 2147483647) { totalCount } }`);
  add("first: 2147483648 (not an Int)", `{ skills(first: 2147483648) { totalCount } }`);
  add("first: -1", `{ skills(first: -1) { totalCount } }`);
  add("first as a variable of 100000", SKILLS_PAGE, { first: 100_000 });
  add(
    "nested connections of 100",
    `{ skills(first: 100) { nodes { lessons { skill { lessons { skill { lessons { title } } } } } } } }`,
  );
  add(
    "a page of 100 of everything",
    `{ assessments(first: 100) { nodes { skills { lessons { skill { name } } } items { skill { lessons { title } } options { label } } } } }`,
  );
  add(
    "authored assessments, 100 with every version",
    `{ authoredAssessments(first: 100) { nodes { versions { items { options { skillPoints { skill } } } } } } }`,
    undefined,
    { caller: "admin" },
  );
  add(
    "a year of team reports, 15 times",
    `{ ${repeated(15, (i) => `r${i}: teamReport(input: { assessmentSlug: "real-skills-check" }) { groups { skills { skill { lessons { title } } } trend { skills { skill { name } } } } }`)} }`,
    undefined,
    { caller: "admin" },
  );
  add("2 001 tokens", `{ skills { ${repeated(2_001, () => "totalCount")} } }`);

  // Variables.
  add("variables one byte over MAX_VARIABLES_BYTES", SKILL_BY_SLUG, {
    slug: "x".repeat(MAX_VARIABLES_BYTES + 1 - '{"slug":""}'.length),
  });
  add("variables of 90 KB", SKILL_BY_SLUG, { slug: "x".repeat(90_000) });
  add("variables of 5 MB", SKILL_BY_SLUG, { slug: "x".repeat(5_000_000) });
  add("5 000 unused variables", SKILL_BY_SLUG, {
    slug: "responsibility",
    ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`v${i}`, i])),
  });
  add(
    "a variable named __proto__",
    SKILL_BY_SLUG,
    JSON.parse('{"slug":"responsibility","__proto__":{"admin":true}}') as Record<string, unknown>,
  );
  const wrongTypes: [string, string, unknown][] = [
    ["a number for a String", SKILL_BY_SLUG, 42],
    ["an object for a String", SKILL_BY_SLUG, { a: 1 }],
    ["a list for a String", SKILL_BY_SLUG, ["responsibility"]],
    ["null for a String!", SKILL_BY_SLUG, null],
    ["true for a String", SKILL_BY_SLUG, true],
    ["a string for an Int", SKILLS_PAGE, "10"],
    ["a float for an Int", SKILLS_PAGE, 1.5],
    ["1e308 for an Int", SKILLS_PAGE, 1e308],
    ["2^53 for an Int", SKILLS_PAGE, 2 ** 53],
    ["an object for an Int", SKILLS_PAGE, { valueOf: 1 }],
  ];
  for (const [name, query, value] of wrongTypes) {
    add(`variables: ${name}`, query, { [query === SKILL_BY_SLUG ? "slug" : "first"]: value });
  }
  const localized = "query($locale: Locale) { skills(locale: $locale) { totalCount } }";
  for (const value of ["en", "EN; DROP TABLE skill", ["EN"], 0, { EN: true }]) {
    add(`variables: ${JSON.stringify(value)} for an enum`, localized, { locale: value });
  }
  add("a required variable missing", SKILL_BY_SLUG, {});
  add("a variable of a type that does not exist", "query($x: Nope) { viewer { kind } }", { x: 1 });
  add("a variable of an output type", "query($x: Skill) { viewer { kind } }", { x: {} });
  add("the same variable declared twice", "query($a: Int, $a: Int) { viewer { kind } }", { a: 1 });
  addBody(
    "variables as a string",
    JSON.stringify({ query: SKILL_BY_SLUG, variables: '{"slug":"x"}' }),
  );
  addBody("variables as a list", JSON.stringify({ query: SKILL_BY_SLUG, variables: [1, 2] }));
  addBody("variables as a number", JSON.stringify({ query: SKILL_BY_SLUG, variables: 7 }));

  // Operations.
  addBody(
    "an unknown operation name",
    operationBody("query A { viewer { kind } }", undefined, "B"),
  );
  addBody(
    "two operations without a name",
    JSON.stringify({ query: "query A { viewer { kind } } query B { viewer { kind } }" }),
  );
  addBody(
    "an operation name of 20 KB",
    operationBody("{ viewer { kind } }", undefined, "x".repeat(20_000)),
  );
  addBody(
    "an operation name that is an object",
    JSON.stringify({ query: "{ viewer { kind } }", operationName: { a: 1 } }),
  );
  addBody("a query that is a number", JSON.stringify({ query: 42 }));
  addBody("a query that is a list", JSON.stringify({ query: ["{ viewer { kind } }"] }));
  addBody("a query that is null", JSON.stringify({ query: null }));
  addBody("an empty query", JSON.stringify({ query: "" }));
  add("a query of a comment only", "# nothing here");
  add("a query of whitespace and commas", " , , ,\n\t ");
  add("a subscription", "subscription { viewer { kind } }");
  add(
    "a mutation without credentials",
    `mutation { createApiKey(input: { name: "x", role: ADMIN }) { key } }`,
  );
  add(
    "a mutation field asked in a query",
    `{ createApiKey(input: { name: "x", role: ADMIN }) { key } }`,
    undefined,
    { caller: "admin" },
  );
  add("an unknown field", "{ nope }");
  add("a field of the wrong case", "{ Viewer { kind } }");
  add("a scalar with a selection", "{ viewer { kind { x } } }");
  add("an object without a selection", "{ viewer }");

  // Literals the lexer and argument coercion must survive.
  add("an unterminated string", `{ skill(slug: "responsibility) { name } }`);
  add("an unterminated block string", `{ skill(slug: """responsibility) { name } }`);
  add("a NUL escape in a literal", `{ skill(slug: "a\\u0000b") { name } }`);
  add("a lone surrogate escape in a literal", `{ skill(slug: "\\ud800") { name } }`);
  add("a code point escape beyond U+10FFFF", `{ skill(slug: "\\u{110000}") { name } }`);
  add("a raw NUL character in the document", "{ viewer\u0000 { kind } }");
  add("a BOM inside the document", "{ viewer \ufeff{ kind } }");
  add("a name that is not ASCII", "{ vïewer { kind } }");
  add("a slug literal of 90 KB", `{ skill(slug: "${"a".repeat(90_000)}") { name } }`);
  add("a list literal 900 deep", `{ skill(slug: ${nested(900, "[", '"x"', "]")}) { name } }`);
  add("an object literal 600 deep", `{ skill(slug: ${nested(600, "{ a: ", "1")}) { name } }`);
  add(
    "an ID that is a number 400 digits long",
    `{ attempt(id: ${"9".repeat(400)}) { id } }`,
    undefined,
    { caller: "employee" },
  );
  add(
    "an ID of 60 000 characters",
    "query($id: ID!) { attempt(id: $id) { id } }",
    { id: "9".repeat(60_000) },
    { caller: "employee" },
  );
  add("a float for an Int literal", `{ skills(first: 1.0) { totalCount } }`);

  // Persisted queries.
  const persisted = (extensions: unknown, query?: string) => JSON.stringify({ query, extensions });
  addBody(
    "a persisted query that is not known",
    persisted({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }),
  );
  addBody(
    "a persisted query whose hash is SQL",
    persisted({ persistedQuery: { version: 1, sha256Hash: "' OR 1=1 --" } }),
  );
  addBody(
    "a persisted query whose hash does not match its text",
    persisted(
      { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      "{ viewer { kind } }",
    ),
  );
  addBody(
    "a persisted query of version 2",
    persisted({ persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } }),
  );
  addBody(
    "a persisted query that is a string",
    persisted({ persistedQuery: "yes" }, "{ viewer { kind } }"),
  );
  return requests;
}
