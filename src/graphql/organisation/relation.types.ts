import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Relation } from '../../domain/relation/relation.entity';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';

@ObjectType('Relation', { description: 'A client company (inlener) where flexworkers work.' })
export class RelationType {
  @Field(() => ID, { description: 'The relation id (Placement.relationId, Viewer.relationId of its contacts).' }) id: string;
  @Field({ description: 'The company name, as the agency and its workers know it.' }) name: string;
  @Field(() => String, { nullable: true, description: 'KvK number (8 digits).' }) chamberOfCommerceNumber: string | null;
  @Field(() => String, { nullable: true, description: "The company's general e-mail address for the agency; null when none." })
  contactEmail: string | null;
  @Field(() => String, { nullable: true, description: "The company's telephone number as entered; null when none." }) contactPhone: string | null;
  @Field({ description: 'False once the agency stopped working with it: it keeps its history, but nobody new can be placed there.' })
  active: boolean;
  @Field(() => Int, { description: 'Send it back as expectedVersion when changing the relation.' }) version: number;

  static from(relation: Relation): RelationType {
    return Object.assign(new RelationType(), {
      id: relation.id,
      name: relation.name,
      chamberOfCommerceNumber: relation.chamberOfCommerceNumber?.toString() ?? null,
      contactEmail: relation.contactEmail?.value ?? null,
      contactPhone: relation.contactPhone?.toString() ?? null,
      active: relation.active,
      version: relation.version,
    });
  }
}

@ObjectType('RelationEdge', { description: EDGE_DESCRIPTION })
export class RelationEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => RelationType, { description: 'The relation.' }) node: RelationType;
}

@ObjectType('RelationConnection', { description: 'A page of relations (Relay connection).' })
export class RelationConnection {
  @Field(() => [RelationEdge], { description: EDGES_DESCRIPTION }) edges: RelationEdge[];
  @Field(() => [RelationType], { description: NODES_DESCRIPTION }) nodes: RelationType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
