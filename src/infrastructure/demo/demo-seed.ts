import { CreateCaoSchedule } from '../../application/cao-schedule/create-cao-schedule.use-case';
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
import { CorrectDeclaration } from '../../application/timesheet/correct-declaration.use-case';
import { ApproveTimesheet, SaveTimesheet } from '../../application/timesheet/enter-hours.use-case';
import { ApproveDeclarations, RejectDeclaration } from '../../application/timesheet/relation-approval.use-case';
import { GetTimesheetForWeek } from '../../application/timesheet/timesheet-queries.use-case';
import { Agency } from '../../domain/agency/agency.entity';
import { User } from '../../domain/identity/user.entity';
import { Placement } from '../../domain/placement/placement.entity';
import { DEMO, DEMO_AGENCY_ID, DEMO_LOGINS, DEMO_SCHEDULE, DEMO_STAFF_ID } from './demo-data';
import { planDemoWeeks, PlannedStep } from './demo-weeks';

export { DEMO_LOGINS };

/** The week's use cases the seed runs (those of the composition root, on the seed's own clock). */
export interface DemoWeekUseCases {
  readonly getTimesheetForWeek: GetTimesheetForWeek;
  readonly saveTimesheet: SaveTimesheet;
  readonly approveTimesheet: ApproveTimesheet;
  readonly approveDeclarations: ApproveDeclarations;
  readonly rejectDeclaration: RejectDeclaration;
  readonly correctDeclaration: CorrectDeclaration;
}

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
  readonly createCaoSchedule: CreateCaoSchedule;
  /** The week's use cases on another clock: each past step runs at the moment it happened. */
  weekAt(clock: Clock): DemoWeekUseCases;
}

/** Where the demo goes: its fixed ids, or (tests) fresh ones, so a kept database can hold several. */
export interface DemoIds {
  readonly agencyId: string;
  readonly staffId: string;
}

export const DEMO_IDS: DemoIds = { agencyId: DEMO_AGENCY_ID, staffId: DEMO_STAFF_ID };

/**
 * Creates the demo agency "U-Boss uitzendbureau" once: a staff member, three relations with a
 * contact each, the schoonmaak CAO unravel schedule, four workers with logins and placements (one
 * on the schedule, two with hand-filled hour codes, one where the relation enters the hours), and
 * a few past weeks of each in every state, relative to the clock (see demo-data.ts). All of it in
 * one transaction; returns false when the demo agency already exists (also when another process
 * created it at the same moment).
 */
export async function seedDemo(deps: DemoSeedDeps, ids: DemoIds = DEMO_IDS): Promise<boolean> {
  if (await deps.agencies.findById(ids.agencyId)) return false;
  try {
    await deps.unitOfWork.run(() => createDemo(deps, ids));
    return true;
  } catch (error) {
    if (await deps.agencies.findById(ids.agencyId)) return false;
    throw error;
  }
}

interface DemoParty {
  readonly placement: Placement;
  /** Whoever enters the placement's hours: the worker, or the relation's contact. */
  readonly enterer: Actor;
  readonly contact: Actor;
}

async function createDemo(deps: DemoSeedDeps, ids: DemoIds): Promise<void> {
  const agencyId = ids.agencyId;
  const agency = Agency.create({ id: agencyId, name: DEMO.agencyName });
  await deps.agencies.insert(agency);
  const plan = planDemoWeeks(deps.clock.now(), agency.settings.timeZone);
  const password = DEMO_LOGINS.password;
  const staff = User.create({
    id: ids.staffId,
    agencyId,
    email: DEMO.staff.email,
    displayName: DEMO.staff.displayName,
    role: 'AGENCY_STAFF',
    language: 'nl',
    passwordHash: await deps.hasher.hash(password),
    now: deps.clock.now(),
  });
  await deps.users.insert(staff);
  const actor: Actor = { kind: 'USER', id: staff.id, role: 'AGENCY_STAFF', agencyId };
  const contacts: Actor[] = [];
  for (const r of DEMO.relations) {
    const relation = await deps.createRelation.execute(actor, r.relation);
    const user = await deps.createUser.execute(actor, { ...r.contact, role: 'RELATION_CONTACT', relationId: relation.id, password });
    contacts.push({ kind: 'USER', id: user.id, role: 'RELATION_CONTACT', agencyId, relationId: relation.id });
  }
  const schedule = await deps.createCaoSchedule.execute(actor, DEMO_SCHEDULE);
  const parties: DemoParty[] = [];
  for (const [index, w] of DEMO.workers.entries()) {
    const worker = await deps.createFlexworker.execute(actor, w.worker);
    const user = await deps.createUser.execute(actor, {
      email: w.worker.email,
      displayName: `${w.worker.firstName} ${w.worker.lastName}`,
      role: 'FLEXWORKER',
      flexworkerId: worker.id,
      language: w.worker.language,
      password,
    });
    const contact = contacts[w.relationIndex];
    const placement = await deps.createPlacement.execute(actor, {
      ...settingsOf(w.placement, schedule.id),
      startDate: plan.placementStarts[index].toString(),
      flexworkerId: worker.id,
      relationId: contact.relationId!,
    });
    const self: Actor = { kind: 'USER', id: user.id, role: 'FLEXWORKER', agencyId, flexworkerId: worker.id };
    parties.push({ placement, contact, enterer: placement.hoursEnteredBy === 'RELATION' ? contact : self });
  }
  const clock = new SeedClock();
  const week = deps.weekAt(clock);
  for (const step of plan.steps) {
    clock.at = step.at;
    await runStep(week, actor, parties[step.workerIndex], step);
  }
}

/** A demo placement's settings: the schedule's id where it says `caoSchedule`, else its hour codes. */
function settingsOf(placement: (typeof DEMO.workers)[number]['placement'], scheduleId: string) {
  if ('caoSchedule' in placement) {
    const { startWeeksAgo: _weeks, caoSchedule: _schedule, ...settings } = placement;
    return { ...settings, caoScheduleId: scheduleId };
  }
  const { startWeeksAgo: _weeks, ...settings } = placement;
  return settings;
}

/** One past step through the real use case, as the person who took it. */
async function runStep(week: DemoWeekUseCases, staff: Actor, party: DemoParty, step: PlannedStep): Promise<void> {
  const timesheet = await week.getTimesheetForWeek.execute(staff, { placementId: party.placement.id, week: step.week.toString() });
  const current = { timesheetId: timesheet.id, expectedVersion: timesheet.version };
  const declarationId = timesheet.currentDeclarationId ?? '';
  switch (step.do) {
    case 'SAVE':
      await week.saveTimesheet.execute(party.enterer, { ...current, days: step.days });
      return;
    case 'APPROVE':
      await week.approveTimesheet.execute(party.enterer, { ...current, days: step.days, confirm: true });
      return;
    case 'RELATION_APPROVES':
      await week.approveDeclarations.execute(party.contact, { declarationIds: [declarationId] });
      return;
    case 'RELATION_REJECTS':
      await week.rejectDeclaration.execute(party.contact, { declarationId, reason: step.reason ?? '' });
      return;
    case 'STAFF_CORRECTS':
      await week.correctDeclaration.execute(staff, { declarationId, expectedVersion: timesheet.version, days: step.days, reason: step.reason ?? '' });
      return;
  }
}

/** The clock the seed's week use cases read: set to each step's moment before it runs. */
class SeedClock extends Clock {
  at = new Date(0);

  now(): Date {
    return new Date(this.at.getTime());
  }
}
