import { Actor } from '../../../../src/application/shared/actor';
import { Flexworker } from '../../../../src/domain/flexworker/flexworker.entity';
import { Placement } from '../../../../src/domain/placement/placement.entity';
import { Relation } from '../../../../src/domain/relation/relation.entity';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import {
  InMemoryAgencyRepository,
  InMemoryFlexworkerRepository,
  InMemoryPlacementRepository,
  InMemoryRelationRepository,
} from '../../../support/fakes/in-memory-organisation.repositories';
import { InMemoryCaoScheduleRepository } from '../../../support/fakes/in-memory-cao-schedule.repository';
import { aCaoSchedule } from '../../../support/mothers/cao-schedule.mother';
import { aFlexworker, anAgency, aPlacement, aRelation } from '../../../support/mothers/organisation.mother';
import { DateWindowPolicy } from '../../../../src/application/shared/date-window';

/**
 * Two agencies, A and B. In A: relation R1 with worker W1 placed there, relation R2 with worker
 * W2, and worker W3 placed nowhere; both placements unravel by CAO schedule cao-a. In B: its own
 * relation, worker, schedule and placement.
 */
export class OrganisationWorld {
  readonly agencies = new InMemoryAgencyRepository();
  readonly relations = new InMemoryRelationRepository();
  readonly flexworkers = new InMemoryFlexworkerRepository();
  readonly placements = new InMemoryPlacementRepository();
  readonly caoSchedules = new InMemoryCaoScheduleRepository();
  readonly ids = new SequentialIds('new');
  readonly clock = new FixedClock();
  readonly dateWindow = new DateWindowPolicy(this.clock);

  readonly agencyA = anAgency({ id: 'agency-a' });
  readonly agencyB = anAgency({ id: 'agency-b', name: 'Andere uitzender' });
  readonly r1 = aRelation('agency-a', { id: 'r1', name: 'Bakkerij' });
  readonly r2 = aRelation('agency-a', { id: 'r2', name: 'Aannemer' });
  readonly w1 = aFlexworker('agency-a', { id: 'w1', firstName: 'Anna', lastName: 'Bakker', email: 'anna@example.nl' });
  readonly w2 = aFlexworker('agency-a', { id: 'w2', firstName: 'Piotr', lastName: 'Nowak', email: 'piotr@example.pl', language: 'pl' });
  readonly w3 = aFlexworker('agency-a', { id: 'w3', firstName: 'Carla', lastName: 'Dias', email: 'carla@example.pt' });
  readonly cA = aCaoSchedule('agency-a', { id: 'cao-a' });
  readonly p1 = aPlacement('agency-a', 'w1', 'r1', { id: 'p1', startDate: '2026-01-05', caoScheduleId: 'cao-a' });
  readonly p2 = aPlacement('agency-a', 'w2', 'r2', { id: 'p2', startDate: '2026-03-02', endDate: '2026-06-30', caoScheduleId: 'cao-a' });
  readonly rB = aRelation('agency-b', { id: 'rB' });
  readonly wB = aFlexworker('agency-b', { id: 'wB', email: 'anna@example.nl' });
  readonly cB = aCaoSchedule('agency-b', { id: 'cao-b' });
  readonly pB = aPlacement('agency-b', 'wB', 'rB', { id: 'pB', caoScheduleId: 'cao-b' });

  readonly staffA: Actor = { kind: 'USER', id: 'u-staff-a', role: 'AGENCY_STAFF', agencyId: 'agency-a' };
  readonly staffB: Actor = { kind: 'USER', id: 'u-staff-b', role: 'AGENCY_STAFF', agencyId: 'agency-b' };
  readonly worker1: Actor = { kind: 'USER', id: 'u-w1', role: 'FLEXWORKER', agencyId: 'agency-a', flexworkerId: 'w1' };
  readonly workerB: Actor = { kind: 'USER', id: 'u-wB', role: 'FLEXWORKER', agencyId: 'agency-b', flexworkerId: 'wB' };
  readonly contact1: Actor = { kind: 'USER', id: 'u-c1', role: 'RELATION_CONTACT', agencyId: 'agency-a', relationId: 'r1' };
  readonly payroll: Actor = { kind: 'API_CLIENT', id: 'api-1', role: 'PAYROLL', agencyId: 'agency-a' };

  static async build(): Promise<OrganisationWorld> {
    const world = new OrganisationWorld();
    await world.agencies.insert(world.agencyA);
    await world.agencies.insert(world.agencyB);
    for (const r of [world.r1, world.r2, world.rB] as Relation[]) await world.relations.insert(r);
    for (const w of [world.w1, world.w2, world.w3, world.wB] as Flexworker[]) await world.flexworkers.insert(w);
    for (const s of [world.cA, world.cB]) await world.caoSchedules.insert(s);
    for (const p of [world.p1, world.p2, world.pB] as Placement[]) await world.placements.insert(p);
    return world;
  }
}
