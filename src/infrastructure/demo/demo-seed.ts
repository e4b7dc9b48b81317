import { CreateUserUseCase } from '../../application/identity/create-user.use-case';
import { CreateFlexworker } from '../../application/organisation/create-flexworker.use-case';
import { CreatePlacement } from '../../application/organisation/create-placement.use-case';
import { CreateRelation } from '../../application/organisation/create-relation.use-case';
import { AgencyRepository } from '../../application/ports/agency.repository';
import { Clock } from '../../application/ports/clock';
import { PasswordHasher } from '../../application/ports/password-hasher';
import { UnitOfWork } from '../../application/ports/unit-of-work';
import { UserRepository } from '../../application/ports/user.repository';
import { Actor } from '../../application/shared/actor';
import { Agency } from '../../domain/agency/agency.entity';
import { User } from '../../domain/identity/user.entity';
import { DEMO, DEMO_AGENCY_ID, DEMO_LOGINS, DEMO_STAFF_ID } from './demo-data';

export { DEMO_LOGINS };

export interface DemoSeedDeps {
  readonly unitOfWork: UnitOfWork;
  readonly agencies: AgencyRepository;
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly createRelation: CreateRelation;
  readonly createFlexworker: CreateFlexworker;
  readonly createPlacement: CreatePlacement;
  readonly createUser: CreateUserUseCase;
}

/**
 * Creates the demo agency "U-Boss uitzendbureau" once: a staff member, two relations with a
 * contact each, three workers with logins and placements (one where the relation enters the
 * hours, one with hand-filled hour codes). All of it in one transaction; returns false when the
 * demo agency already exists (also when another process created it at the same moment).
 */
export async function seedDemo(deps: DemoSeedDeps): Promise<boolean> {
  if (await deps.agencies.findById(DEMO_AGENCY_ID)) return false;
  try {
    await deps.unitOfWork.run(() => createDemo(deps));
    return true;
  } catch (error) {
    if (await deps.agencies.findById(DEMO_AGENCY_ID)) return false;
    throw error;
  }
}

async function createDemo(deps: DemoSeedDeps): Promise<void> {
  await deps.agencies.insert(Agency.create({ id: DEMO_AGENCY_ID, name: DEMO.agencyName }));
  const staff = User.create({
    id: DEMO_STAFF_ID,
    agencyId: DEMO_AGENCY_ID,
    email: DEMO.staff.email,
    displayName: DEMO.staff.displayName,
    role: 'AGENCY_STAFF',
    language: 'nl',
    passwordHash: await deps.hasher.hash(DEMO_LOGINS.password),
    now: deps.clock.now(),
  });
  await deps.users.insert(staff);
  const actor: Actor = { kind: 'USER', id: staff.id, role: 'AGENCY_STAFF', agencyId: DEMO_AGENCY_ID };
  const password = DEMO_LOGINS.password;
  const relationIds: string[] = [];
  for (const r of DEMO.relations) {
    const relation = await deps.createRelation.execute(actor, r.relation);
    relationIds.push(relation.id);
    await deps.createUser.execute(actor, { ...r.contact, role: 'RELATION_CONTACT', relationId: relation.id, password });
  }
  for (const w of DEMO.workers) {
    const worker = await deps.createFlexworker.execute(actor, w.worker);
    await deps.createUser.execute(actor, {
      email: w.worker.email,
      displayName: `${w.worker.firstName} ${w.worker.lastName}`,
      role: 'FLEXWORKER',
      flexworkerId: worker.id,
      language: w.worker.language,
      password,
    });
    await deps.createPlacement.execute(actor, {
      ...w.placement,
      flexworkerId: worker.id,
      relationId: relationIds[w.relationIndex],
    });
  }
}
