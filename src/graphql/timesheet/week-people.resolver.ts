import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLContext } from '../context';
import { PersonType } from '../identity/person.types';
import { AuditEntryType, DeclarationType, RejectionType } from './timesheet.types';

/*
 * The persons behind the `…ById` stamps of a week. Each goes through the request's `persons`
 * loader: a list of weeks costs one read for all the persons in it. The ids come from an object
 * the viewer may see (a rejection, a declaration, an audit entry), and the loader is scoped to the
 * viewer's agency: a person is null where the id names nobody there.
 */

async function personOf(id: string | null, ctx: GraphQLContext): Promise<PersonType | null> {
  if (id === null) return null;
  const person = await ctx.loaders.persons.load(id);
  return person ? PersonType.from(person) : null;
}

@Resolver(() => RejectionType)
export class RejectionPeopleResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: 'The relation contact who rejected the hours (rejectedById).' })
  rejectedBy(@Root() r: RejectionType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(r.rejectedById, ctx);
  }
}

@Resolver(() => DeclarationType)
export class DeclarationPeopleResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: 'Who approved the hours as the party that entered them (approvedByWorkerId): the worker, or the contact where the relation enters them.',
  })
  approvedByWorker(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(d.approvedByWorkerId, ctx);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The relation contact who approved this version (approvedByRelationId); null until then." })
  approvedByRelation(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(d.approvedByRelationId, ctx);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The relation contact who rejected this version; null unless it was rejected.' })
  rejectedBy(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(d.rejectedById, ctx);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The agency staff member who made this version as a correction (correctedById).' })
  correctedBy(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(d.correctedById, ctx);
  }
}

@Resolver(() => AuditEntryType)
export class AuditEntryPeopleResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: 'Who made the change (actorId).' })
  actor(@Root() e: AuditEntryType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    return personOf(e.actorId, ctx);
  }
}
