import { Actor } from '../../../src/application/shared/actor';
import { login, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';

/*
 * What the browser test worlds build the same way through the use cases (as
 * test/e2e/week-people-world.ts does): a user with a login, and a worker's weeks approved.
 */

export interface PersonWithLogin {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
  readonly name: string;
}

/**
 * A user of the agency who logs in with TEST_PASSWORD (Dutch unless `language` says otherwise), with
 * a unique e-mail address `<prefix>…@<domain>` and the token of a fresh login.
 */
export async function userWithLogin(
  t: TestApp,
  staff: Actor,
  input: { displayName: string; role: string; language?: string; flexworkerId?: string; relationId?: string },
  mail: { prefix: string; domain: string },
): Promise<PersonWithLogin> {
  const email = `${unique(mail.prefix)}@${mail.domain}`;
  const user = await t.app.services.identity.createUser.execute(staff, { language: 'nl', ...input, email, password: TEST_PASSWORD });
  return { userId: user.id, email, token: await login(t, email, TEST_PASSWORD), name: input.displayName };
}

/** A worker's weeks as the worker: the week of a placement, and approving one with its days ("Opslaan + Accorderen"). */
export function workerWeeks(t: TestApp, worker: Actor) {
  const s = t.app.services;
  return {
    week: (placementId: string, week: string) => s.week.getTimesheetForWeek.execute(worker, { placementId, week }),
    approve: async (timesheetId: string, days: object[]) => {
      const { version } = await s.week.getTimesheet.execute(worker, { id: timesheetId });
      return (await s.week.approveTimesheet.execute(worker, { timesheetId, expectedVersion: version, days: days as never, confirm: true })).declaration!;
    },
  };
}
