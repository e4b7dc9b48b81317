import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChangeFlexworkerLanguage } from '../../application/organisation/change-flexworker-language.use-case';
import { CreateFlexworker } from '../../application/organisation/create-flexworker.use-case';
import { CreatePlacement } from '../../application/organisation/create-placement.use-case';
import { CreateRelation } from '../../application/organisation/create-relation.use-case';
import { EndPlacement } from '../../application/organisation/end-placement.use-case';
import { fullView } from '../../application/organisation/flexworker-view';
import { canSeePurchaseOrderReference } from '../../application/organisation/organisation-access';
import { GetAgency } from '../../application/organisation/get-agency.use-case';
import { GetFlexworker } from '../../application/organisation/get-flexworker.use-case';
import { GetPlacement } from '../../application/organisation/get-placement.use-case';
import { GetRelation } from '../../application/organisation/get-relation.use-case';
import { ListFlexworkers } from '../../application/organisation/list-flexworkers.use-case';
import { ListPlacements } from '../../application/organisation/list-placements.use-case';
import { ListRelations } from '../../application/organisation/list-relations.use-case';
import { UpdateAgencySettings } from '../../application/organisation/update-agency-settings.use-case';
import { UpdateFlexworker } from '../../application/organisation/update-flexworker.use-case';
import { UpdatePlacement } from '../../application/organisation/update-placement.use-case';
import { UpdateRelation } from '../../application/organisation/update-relation.use-case';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { AgencyType } from './agency.types';
import { FlexworkerConnection, FlexworkerEdge, FlexworkerType } from './flexworker.types';
import {
  CreateFlexworkerInput,
  CreatePlacementInput,
  CreateRelationInput,
  EndPlacementInput,
  FlexworkerFilterInput,
  PlacementFilterInput,
  RelationFilterInput,
  UpdateAgencySettingsInput,
  UpdateFlexworkerInput,
  UpdatePlacementInput,
  UpdateRelationInput,
} from './organisation.inputs';
import {
  CreateFlexworkerPayload,
  CreatePlacementPayload,
  CreateRelationPayload,
  EndPlacementPayload,
  UpdateAgencySettingsPayload,
  UpdateFlexworkerPayload,
  UpdatePlacementPayload,
  UpdateRelationPayload,
} from './organisation.payloads';
import { PlacementConnection, PlacementEdge, PlacementType } from './placement.types';
import { RelationConnection, RelationEdge, RelationType } from './relation.types';

export interface OrganisationUseCases {
  readonly getAgency: GetAgency;
  readonly updateAgencySettings: UpdateAgencySettings;
  readonly createRelation: CreateRelation;
  readonly updateRelation: UpdateRelation;
  readonly getRelation: GetRelation;
  readonly listRelations: ListRelations;
  readonly createFlexworker: CreateFlexworker;
  readonly updateFlexworker: UpdateFlexworker;
  readonly changeFlexworkerLanguage: ChangeFlexworkerLanguage;
  readonly getFlexworker: GetFlexworker;
  readonly listFlexworkers: ListFlexworkers;
  readonly createPlacement: CreatePlacement;
  readonly updatePlacement: UpdatePlacement;
  readonly endPlacement: EndPlacement;
  readonly getPlacement: GetPlacement;
  readonly listPlacements: ListPlacements;
}

@Resolver()
export class OrganisationResolver {
  constructor(private readonly useCases: OrganisationUseCases) {}

  @Query(() => AgencyType, { description: "The viewer's agency with its settings." })
  async agency(@Ctx() ctx: GraphQLContext): Promise<AgencyType> {
    return AgencyType.from(await this.useCases.getAgency.execute(actorOf(ctx)));
  }

  @Mutation(() => UpdateAgencySettingsPayload, { description: "Staff: changes the agency's name and settings." })
  async updateAgencySettings(@Arg('input') input: UpdateAgencySettingsInput, @Ctx() ctx: GraphQLContext): Promise<UpdateAgencySettingsPayload> {
    const agency = AgencyType.from(await this.useCases.updateAgencySettings.execute(actorOf(ctx), input));
    return Object.assign(new UpdateAgencySettingsPayload(), { agency });
  }

  @Query(() => RelationConnection, { description: 'Staff: every relation; a contact: their own; a worker: those where they are placed.' })
  async relations(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RelationFilterInput, { nullable: true, description: 'Only relations that match; all the viewer may see when left out.' })
    filter?: RelationFilterInput,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<RelationConnection> {
    const page = await this.useCases.listRelations.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(RelationConnection, RelationEdge, page, RelationType.from);
  }

  @Query(() => RelationType, { description: 'One relation by id: staff and payroll any of the agency, a contact their own, a worker one where they are placed; else NOT_FOUND.' })
  async relation(@Arg('id', () => ID, { description: 'The relation id (Relation.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<RelationType> {
    return RelationType.from(await this.useCases.getRelation.execute(actorOf(ctx), { id: existingId(id, 'Relation') }));
  }

  @Mutation(() => CreateRelationPayload, { description: 'Staff: adds a client company.' })
  async createRelation(@Arg('input') input: CreateRelationInput, @Ctx() ctx: GraphQLContext): Promise<CreateRelationPayload> {
    const relation = RelationType.from(await this.useCases.createRelation.execute(actorOf(ctx), input));
    return Object.assign(new CreateRelationPayload(), { relation });
  }

  @Mutation(() => UpdateRelationPayload, { description: 'Staff: changes a relation; fields left out stay as they are.' })
  async updateRelation(@Arg('input') input: UpdateRelationInput, @Ctx() ctx: GraphQLContext): Promise<UpdateRelationPayload> {
    const relation = RelationType.from(await this.useCases.updateRelation.execute(actorOf(ctx), input));
    return Object.assign(new UpdateRelationPayload(), { relation });
  }

  @Query(() => FlexworkerConnection, { description: 'Staff: the workers of the agency.' })
  async flexworkers(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => FlexworkerFilterInput, { nullable: true, description: 'Only workers that match; all when left out.' }) filter?: FlexworkerFilterInput,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<FlexworkerConnection> {
    const page = await this.useCases.listFlexworkers.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(FlexworkerConnection, FlexworkerEdge, page, FlexworkerType.from);
  }

  @Query(() => FlexworkerType, {
    description: 'One worker by id: staff, payroll and the worker themself see everything (FULL), a contact of a relation where they are placed only the name (NAME_ONLY); else NOT_FOUND.',
  })
  async flexworker(@Arg('id', () => ID, { description: 'The worker id (Flexworker.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType> {
    return FlexworkerType.from(await this.useCases.getFlexworker.execute(actorOf(ctx), { id: existingId(id, 'Flexworker') }));
  }

  @Mutation(() => CreateFlexworkerPayload, { description: 'Staff: registers a flexworker (BSN and IBAN are checked and stored encrypted).' })
  async createFlexworker(@Arg('input') input: CreateFlexworkerInput, @Ctx() ctx: GraphQLContext): Promise<CreateFlexworkerPayload> {
    const flexworker = FlexworkerType.from(fullView(await this.useCases.createFlexworker.execute(actorOf(ctx), input)));
    return Object.assign(new CreateFlexworkerPayload(), { flexworker });
  }

  @Mutation(() => UpdateFlexworkerPayload, { description: "Staff: changes a flexworker's details; fields left out stay as they are." })
  async updateFlexworker(@Arg('input') input: UpdateFlexworkerInput, @Ctx() ctx: GraphQLContext): Promise<UpdateFlexworkerPayload> {
    const flexworker = FlexworkerType.from(fullView(await this.useCases.updateFlexworker.execute(actorOf(ctx), input)));
    return Object.assign(new UpdateFlexworkerPayload(), { flexworker });
  }

  @Query(() => PlacementConnection, { description: 'Staff: all placements; a worker: their own; a contact: those at their relation.' })
  async placements(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PlacementFilterInput, { nullable: true, description: 'Only placements that match; all the viewer may see when left out.' })
    filter?: PlacementFilterInput,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<PlacementConnection> {
    const page = await this.useCases.listPlacements.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(PlacementConnection, PlacementEdge, page, PlacementType.from);
  }

  @Query(() => PlacementType, { description: 'One placement by id: staff and payroll any of the agency, a worker their own, a contact one at their relation; else NOT_FOUND.' })
  async placement(@Arg('id', () => ID, { description: 'The placement id (Placement.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<PlacementType> {
    return PlacementType.from(await this.useCases.getPlacement.execute(actorOf(ctx), { id: existingId(id, 'Placement') }));
  }

  @Mutation(() => CreatePlacementPayload, { description: 'Staff: places a worker at a relation.' })
  async createPlacement(@Arg('input') input: CreatePlacementInput, @Ctx() ctx: GraphQLContext): Promise<CreatePlacementPayload> {
    const placement = PlacementType.from(await this.useCases.createPlacement.execute(actorOf(ctx), input));
    return Object.assign(new CreatePlacementPayload(), { placement });
  }

  @Mutation(() => UpdatePlacementPayload, { description: "Staff: changes a placement's settings; fields left out stay as they are." })
  async updatePlacement(@Arg('input') input: UpdatePlacementInput, @Ctx() ctx: GraphQLContext): Promise<UpdatePlacementPayload> {
    const placement = PlacementType.from(await this.useCases.updatePlacement.execute(actorOf(ctx), input));
    return Object.assign(new UpdatePlacementPayload(), { placement });
  }

  @Mutation(() => EndPlacementPayload, { description: 'Staff: ends a placement on a date.' })
  async endPlacement(@Arg('input') input: EndPlacementInput, @Ctx() ctx: GraphQLContext): Promise<EndPlacementPayload> {
    const placement = PlacementType.from(await this.useCases.endPlacement.execute(actorOf(ctx), input));
    return Object.assign(new EndPlacementPayload(), { placement });
  }
}

/** The fields of a placement that cross to other aggregates, batched per request. */
@Resolver(() => PlacementType)
export class PlacementFieldsResolver {
  @FieldResolver(() => FlexworkerType, { nullable: true })
  async flexworker(@Root() placement: PlacementType, @Ctx() ctx: GraphQLContext): Promise<FlexworkerType | null> {
    const view = await ctx.loaders.flexworkers.load(placement.flexworkerId);
    return view ? FlexworkerType.from(view) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The relation's purchase-order (order) number to quote on invoices (1–64 characters): staff, payroll and the relation's contacts; null for the worker and when none.",
  })
  purchaseOrderReference(@Root() placement: PlacementType, @Ctx() ctx: GraphQLContext): string | null {
    return canSeePurchaseOrderReference(actorOf(ctx), placement) ? placement.storedPurchaseOrderReference : null;
  }

  @FieldResolver(() => RelationType, { nullable: true })
  async relation(@Root() placement: PlacementType, @Ctx() ctx: GraphQLContext): Promise<RelationType | null> {
    const relation = await ctx.loaders.relations.load(placement.relationId);
    return relation ? RelationType.from(relation) : null;
  }
}
