import { randomUUID } from 'node:crypto';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { Flexworker } from '../../../src/domain/flexworker/flexworker.entity';
import { NewUser, User } from '../../../src/domain/identity/user.entity';
import { Placement } from '../../../src/domain/placement/placement.entity';
import { Relation } from '../../../src/domain/relation/relation.entity';
import { aFlexworker, anAgency, aPlacement, aRelation } from '../../support/mothers/organisation.mother';
import { Repositories } from './repositories';

/**
 * Rows for the contracts, written through the repositories themselves so that the fakes and the
 * database hold the same data; ids are UUIDs, as the database's are. Every call of `newAgency`
 * is a fresh tenant: a test on the shared database sees only what it made.
 */
export const newId = (): string => randomUUID();

export async function newAgency(r: Repositories, name = 'Contract uitzendbureau'): Promise<Agency> {
  const agency = anAgency({ id: newId(), name });
  await r.agencies.insert(agency);
  return agency;
}

export async function newRelation(r: Repositories, agencyId: string, overrides: Partial<Parameters<typeof aRelation>[1]> = {}): Promise<Relation> {
  const relation = aRelation(agencyId, { id: newId(), ...overrides });
  await r.relations.insert(relation);
  return relation;
}

export async function newWorker(r: Repositories, agencyId: string, overrides: Partial<Parameters<typeof aFlexworker>[1]> = {}): Promise<Flexworker> {
  const worker = aFlexworker(agencyId, { id: newId(), ...overrides });
  await r.flexworkers.insert(worker);
  return worker;
}

/** Manual hour codes, so that a placement needs no CAO schedule. */
export const HOUR_CODES = [
  { code: 'H100', percentage: 100, label: 'Normaal' },
  { code: 'OW150', percentage: 150, label: null },
];

export async function newPlacement(
  r: Repositories,
  worker: Flexworker,
  relation: Relation,
  overrides: Partial<Parameters<typeof aPlacement>[3]> = {},
): Promise<Placement> {
  const placement = aPlacement(worker.agencyId, worker.id, relation.id, { id: newId(), caoScheduleId: undefined, hourCodes: HOUR_CODES, ...overrides });
  await r.placements.insert(placement);
  return placement;
}

/** An agency with a relation, a worker and a placement of that worker there. */
export async function newPlacementSetting(r: Repositories, overrides: Partial<Parameters<typeof aPlacement>[3]> = {}) {
  const agency = await newAgency(r);
  const relation = await newRelation(r, agency.id);
  const worker = await newWorker(r, agency.id);
  const placement = await newPlacement(r, worker, relation, overrides);
  return { agency, relation, worker, placement };
}

/** A login: staff unless a worker or relation is given; the e-mail is unique unless given. */
export async function newUser(r: Repositories, agencyId: string, overrides: Partial<NewUser> = {}): Promise<User> {
  const role = overrides.flexworkerId ? 'FLEXWORKER' : overrides.relationId ? 'RELATION_CONTACT' : 'AGENCY_STAFF';
  const user = User.create({
    id: newId(),
    agencyId,
    email: `login.${newId()}@example.nl`,
    displayName: 'Sanne Staff',
    role,
    language: 'nl',
    passwordHash: '$argon2id$contract',
    now: new Date('2026-11-27T09:00:00.000Z'),
    ...overrides,
  });
  await r.users.insert(user);
  return user;
}
