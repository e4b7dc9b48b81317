import { AcceptInvitation } from '../../../../src/application/identity/accept-invitation.use-case';
import { AccountStates } from '../../../../src/application/identity/account-states.use-case';
import { DeleteOldTokens } from '../../../../src/application/identity/delete-old-tokens.use-case';
import { InvitationSender } from '../../../../src/application/identity/invitations';
import { InviteUser } from '../../../../src/application/identity/invite-user.use-case';
import { ResendInvitation, RevokeInvitation } from '../../../../src/application/identity/manage-invitation.use-case';
import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { LoginUseCase } from '../../../../src/application/identity/login.use-case';
import { SessionStarter } from '../../../../src/application/identity/session-starter';
import { ZonedTime } from '../../../../src/application/ports/zoned-time';
import { Actor } from '../../../../src/application/shared/actor';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { LocalDateTime } from '../../../../src/domain/timesheet/pay-calendar';
import { FakeUnitOfWork, mapParticipant } from '../../../support/fakes/fake-unit-of-work';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { InMemoryAttemptCounters, InMemoryPasswordResetRepository } from '../../../support/fakes/in-memory-attempt-counters';
import { CountingSecrets, InMemorySessionRepository, InMemoryUserRepository, PlainPasswordHasher } from '../../../support/fakes/in-memory-identity.repositories';
import { InMemoryInvitationRepository } from '../../../support/fakes/in-memory-invitations';
import { FixedPortalLinks, InMemoryMailOutbox } from '../../../support/fakes/in-memory-mail-outbox';
import {
  InMemoryAgencyRepository,
  InMemoryFlexworkerRepository,
  InMemoryPlacementRepository,
  InMemoryRelationRepository,
} from '../../../support/fakes/in-memory-organisation.repositories';
import { aFlexworker, anAgency, aPlacement, aRelation } from '../../../support/mothers/organisation.mother';

const NOW = new Date('2026-12-02T10:00:00Z');
const PASSWORD = 'purple elephant on a bicycle';

/** Wall-clock dates in UTC: enough for a Wednesday morning, far from midnight. */
class UtcZonedTime extends ZonedTime {
  localDateTimeAt(instant: Date): LocalDateTime {
    const date = LocalDate.parse(instant.toISOString().slice(0, 10));
    return { date, minuteOfDay: instant.getUTCHours() * 60 + instant.getUTCMinutes() };
  }
  instantOf(): Date {
    throw new Error('not used');
  }
}

async function world() {
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const invitations = new InMemoryInvitationRepository();
  const resets = new InMemoryPasswordResetRepository();
  const agencies = new InMemoryAgencyRepository();
  const flexworkers = new InMemoryFlexworkerRepository();
  const relations = new InMemoryRelationRepository();
  const placements = new InMemoryPlacementRepository();
  const hasher = new PlainPasswordHasher();
  const secrets = new CountingSecrets();
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds('id');
  const unitOfWork = new FakeUnitOfWork([mapParticipant(users.rows), mapParticipant(sessions.rows), mapParticipant(invitations.rows)]);
  const outbox = new InMemoryMailOutbox(unitOfWork);
  const links = new FixedPortalLinks();
  const starter = new SessionStarter(sessions, secrets, clock, ids, 60);
  const throttle = new LoginThrottle(new InMemoryAttemptCounters(clock), { maxFailures: 3, maxFailuresPerAddress: 10, windowMinutes: 15 });
  const sender = new InvitationSender({ invitations, flexworkers, agencies, outbox, links, secrets, ids, clock, settings: { ttlHours: 168 } });
  const agency = anAgency({ name: 'Zon' });
  await agencies.insert(agency);
  const worker = aFlexworker(agency.id, { language: 'pl' });
  await flexworkers.insert(worker);
  const relation = aRelation(agency.id);
  await relations.insert(relation);
  const staff: Actor = { kind: 'USER', id: 'staff-1', role: 'AGENCY_STAFF', agencyId: agency.id };
  const manage = { users, invitations, sender, unitOfWork, clock };
  return {
    users, invitations, resets, placements, outbox, clock, agency, worker, relation, staff,
    invite: new InviteUser({ users, flexworkers, relations, invitations, sender, unitOfWork, ids, clock }),
    resend: new ResendInvitation(manage),
    revoke: new RevokeInvitation(manage),
    accept: new AcceptInvitation({
      users, invitations, agencies, placements, hasher, secrets, starter, throttle, unitOfWork, clock, zonedTime: new UtcZonedTime(), links,
      commonPasswords: new Set(['password1234']),
    }),
    login: new LoginUseCase(users, hasher, starter, throttle),
    states: new AccountStates(users, invitations, clock),
    cleanUp: new DeleteOldTokens(invitations, resets, clock),
  };
}

const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1]);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return `${error.category} ${error.reason}`;
}

describe('InviteUser and AcceptInvitation', () => {
  it("invites a worker in the Flexworker's language; the login has no password and cannot log in until it accepts", async () => {
    const w = await world();
    const placement = aPlacement(w.agency.id, w.worker.id, w.relation.id);
    await w.placements.insert(placement);
    const { user, invitation } = await w.invite.execute(w.staff, { flexworkerId: w.worker.id });
    expect(user.hasPassword).toBe(false);
    const [mail] = w.outbox.ofKind('INVITATION');
    expect(mail).toMatchObject({ agencyName: 'Zon', to: { email: w.worker.email.value, language: 'pl', userId: user.id } });
    expect(mail.expiresAt).toEqual(new Date(NOW.getTime() + 168 * 3600_000));
    const token = tokenOf(mail.link);
    expect(invitation.tokenHash).toBe(`hash(${token})`);
    expect(await refusal(w.login.execute({ email: user.email, password: PASSWORD }))).toBe('UNAUTHENTICATED INVALID_CREDENTIALS');

    const accepted = await w.accept.execute({ token, password: PASSWORD });
    expect(accepted.user.id).toBe(user.id);
    expect(accepted.landing).toEqual({ week: '2026-W49', placementId: placement.id, url: 'https://portal.example/week/2026-W49' });
    await w.login.execute({ email: user.email, password: PASSWORD });
    expect(await refusal(w.accept.execute({ token, password: PASSWORD }))).toBe('BAD_USER_INPUT INVITATION_INVALID');
    expect(await refusal(w.invite.execute(w.staff, { flexworkerId: w.worker.id }))).toBe('CONFLICT ACCOUNT_ACTIVE');
  });

  it('refuses an expired link, an unknown one, and a weak password (which leaves the link usable)', async () => {
    const w = await world();
    await w.invite.execute(w.staff, { flexworkerId: w.worker.id });
    const token = tokenOf(w.outbox.ofKind('INVITATION')[0].link);
    expect(await refusal(w.accept.execute({ token, password: 'short' }))).toBe('BAD_USER_INPUT PASSWORD_TOO_SHORT');
    expect(await refusal(w.accept.execute({ token: `${token}x`, password: PASSWORD }))).toBe('BAD_USER_INPUT INVITATION_INVALID');
    w.clock.set(new Date(NOW.getTime() + 168 * 3600_000));
    expect(await refusal(w.accept.execute({ token, password: PASSWORD }))).toBe('BAD_USER_INPUT INVITATION_EXPIRED');
  });

  it('resend replaces the open link, revoke ends it; a second invite while one is open is refused', async () => {
    const w = await world();
    const { user } = await w.invite.execute(w.staff, { flexworkerId: w.worker.id });
    expect(await refusal(w.invite.execute(w.staff, { flexworkerId: w.worker.id }))).toBe('CONFLICT INVITATION_OPEN');
    await w.resend.execute(w.staff, { userId: user.id });
    const [first, second] = w.outbox.ofKind('INVITATION').map((m) => tokenOf(m.link));
    expect(await refusal(w.accept.execute({ token: first, password: PASSWORD }))).toBe('BAD_USER_INPUT INVITATION_INVALID');
    await w.revoke.execute(w.staff, { userId: user.id });
    expect(await refusal(w.accept.execute({ token: second, password: PASSWORD }))).toBe('BAD_USER_INPUT INVITATION_INVALID');
    expect(await refusal(w.revoke.execute(w.staff, { userId: user.id }))).toBe('BAD_USER_INPUT INVITATION_NOT_OPEN');
    expect((await w.states.ofFlexworkers(w.staff, [w.worker.id]))[0]!.state).toBe('INVITATION_REVOKED');
  });

  it('invites a contact of a relation in the language given; the contact lands on the approvals', async () => {
    const w = await world();
    const { user } = await w.invite.execute(w.staff, { relationId: w.relation.id, email: 'Els@Example.com', name: 'Els', language: 'de' });
    expect(user).toMatchObject({ role: 'RELATION_CONTACT', email: 'els@example.com', relationId: w.relation.id });
    const [mail] = w.outbox.ofKind('INVITATION');
    expect(mail.to.language).toBe('de');
    const accepted = await w.accept.execute({ token: tokenOf(mail.link), password: PASSWORD });
    expect(accepted.landing).toEqual({ week: '2026-W49', placementId: null, url: 'https://portal.example/approvals' });
    expect((await w.states.contactsOfRelations(w.staff, [w.relation.id]))[0]!.map((c) => c.state)).toEqual(['ACTIVE']);
  });

  it('only staff invite, and only staff see account states', async () => {
    const w = await world();
    const worker: Actor = { kind: 'USER', id: 'u', role: 'FLEXWORKER', agencyId: w.agency.id, flexworkerId: w.worker.id };
    expect(await refusal(w.invite.execute(worker, { flexworkerId: w.worker.id }))).toBe('FORBIDDEN ROLE_NOT_ALLOWED');
    expect(await w.states.ofFlexworkers(worker, [w.worker.id])).toEqual([null]);
    expect(await w.states.ofFlexworkers(w.staff, [w.worker.id])).toEqual([expect.objectContaining({ state: 'NONE', userId: null })]);
  });

  it('an expired invitation shows INVITATION_EXPIRED; the clean-up deletes it 30 days later', async () => {
    const w = await world();
    await w.invite.execute(w.staff, { flexworkerId: w.worker.id });
    w.clock.set(new Date(NOW.getTime() + 169 * 3600_000));
    expect((await w.states.ofFlexworkers(w.staff, [w.worker.id]))[0]!.state).toBe('INVITATION_EXPIRED');
    expect(await w.cleanUp.execute()).toEqual({ invitations: 0, passwordResets: 0 });
    w.clock.set(new Date(NOW.getTime() + (168 + 30 * 24 + 1) * 3600_000));
    expect(await w.cleanUp.execute()).toEqual({ invitations: 1, passwordResets: 0 });
    expect(w.invitations.rows.size).toBe(0);
  });
});
