import { LIMITS } from "@real-skills/shared";
import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "./errors.js";

@ObjectType({ description: "Where a page of a connection sits (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "Whether more items follow `endCursor`." })
  hasNextPage: boolean;

  @Field({ description: "Always false: connections page forward only, with `first` and `after`." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after`.",
  })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    defaultValue: LIMITS.defaultPageSize,
    description: `How many items to return, 1–${LIMITS.maxPageSize}.`,
  })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor (`pageInfo.endCursor` of the page before).",
  })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf(node: T): string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: Pick<PageInfo, keyof PageInfo>;
  totalCount: number;
}

export function validatePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.maxPageSize) {
    throw badInput("first", `must be between 1 and ${LIMITS.maxPageSize}`);
  }
  return first;
}

/** Builds the GraphQL connection object of one page. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const edges = page.nodes.map((node) => ({ cursor: page.cursorOf(node), node }));
  return {
    edges,
    nodes: page.nodes,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type. Connections carry
 * `nodes` next to `edges` for clients that need no per-edge cursor.
 */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque position of this item; pass it as `after`." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge], { description: "The items of this page, each with its cursor." })
    edges: Edge[];

    @Field(() => [nodeType], { description: "The items of this page." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages follow." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Number of items in all pages together." })
    totalCount: number;
  }

  return Connection;
}

/** An opaque, URL-safe cursor holding a row's sort key as a JSON tuple. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * Decodes a cursor of `encodeCursor` and checks its tuple with `accept`. A cursor is opaque, so
 * anything that fails to decode or to match is BAD_USER_INPUT on `field`.
 */
export function decodeCursor<T>(
  value: string,
  field: string,
  accept: (tuple: unknown[]) => T | undefined,
): T {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const accepted = Array.isArray(decoded) ? accept(decoded) : undefined;
    if (accepted !== undefined) return accepted;
  } catch {
    // Falls through to the error below.
  }
  throw badInput(field, "is not a cursor returned by this API");
}

/** Keyset cursors on (position, slug), the order of library lists. */
export const cursor = {
  encode(position: number, slug: string): string {
    return encodeCursor([position, slug]);
  },
  decode(value: string, field = "after"): { position: number; slug: string } {
    return decodeCursor(value, field, ([position, slug, ...rest]) =>
      Number.isInteger(position) && typeof slug === "string" && rest.length === 0
        ? { position: position as number, slug }
        : undefined,
    );
  },
};
