import { Field, ObjectType } from 'type-graphql';
import { Page } from '../../application/shared/pagination';

@ObjectType('PageInfo', { description: 'Forward paging: pass `endCursor` (or any edge cursor) as `after` for what follows.' })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

interface Edge<N> {
  cursor: string;
  node: N;
}

/**
 * A Relay connection from a page: `edges` with a cursor per node, the same `nodes` without
 * cursors for clients that do not need them, and the page info.
 */
export function toConnection<T, N, E extends Edge<N>, C extends { edges: E[]; nodes: N[]; pageInfo: PageInfo }>(
  Connection: new () => C,
  Edge: new () => E,
  page: Page<T>,
  toNode: (item: T) => N,
): C {
  const nodes = page.items.map(toNode);
  const edges = nodes.map((node, i) => Object.assign(new Edge(), { cursor: page.cursors[i], node }));
  const pageInfo = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.endCursor });
  return Object.assign(new Connection(), { edges, nodes, pageInfo });
}
