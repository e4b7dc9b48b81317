import { Field, ObjectType } from 'type-graphql';
import { Page } from '../../application/shared/pagination';

@ObjectType('PageInfo', { description: 'Forward paging: pass `endCursor` as `after` to get the next page.' })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** The connection fields of a page: its nodes and its page info. */
export function toConnection<T, N, C extends { nodes: N[]; pageInfo: PageInfo }>(
  Connection: new () => C,
  page: Page<T>,
  toNode: (item: T) => N,
): C {
  const pageInfo = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.endCursor });
  return Object.assign(new Connection(), { nodes: page.items.map(toNode), pageInfo });
}
