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

/** Keyset cursors: an opaque, URL-safe encoding of the sort key of a row. */
export const cursor = {
  encode(position: number, slug: string): string {
    return Buffer.from(JSON.stringify([position, slug])).toString("base64url");
  },
  decode(value: string, field = "after"): { position: number; slug: string } {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
      if (
        Array.isArray(decoded) &&
        decoded.length === 2 &&
        Number.isInteger(decoded[0]) &&
        typeof decoded[1] === "string"
      ) {
        return { position: decoded[0] as number, slug: decoded[1] };
      }
    } catch {
      // Falls through to the error below: a cursor is opaque, so any decoding failure is bad input.
    }
    throw badInput(field, "is not a cursor returned by this API");
  },
};
