import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Relation } from '../../domain/relation/relation.entity';
import { PageInfo } from '../shared/connection';

@ObjectType('Relation', { description: 'A client company (inlener) where flexworkers work.' })
export class RelationType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'KvK number (8 digits).' }) chamberOfCommerceNumber: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => String, { nullable: true }) contactPhone: string | null;
  @Field() active: boolean;
  @Field(() => Int) version: number;

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

@ObjectType('RelationEdge')
export class RelationEdge {
  @Field() cursor: string;
  @Field(() => RelationType) node: RelationType;
}

@ObjectType('RelationConnection')
export class RelationConnection {
  @Field(() => [RelationEdge]) edges: RelationEdge[];
  @Field(() => [RelationType]) nodes: RelationType[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
