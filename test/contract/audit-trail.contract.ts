import { AuditEntry } from '../../src/domain/audit/audit-entry';
import { plain } from './support/cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId } from './support/seeds';

function anEntry(agencyId: string, subjectId: string, at: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: newId(),
    agencyId,
    action: 'DECLARATION_CORRECTED',
    subjectType: 'TIMESHEET',
    subjectId,
    actorId: newId(),
    actorRole: 'AGENCY_STAFF',
    at: new Date(at),
    reason: 'Maandag was 7:30',
    before: { days: [{ date: '2026-11-23', total: '8:00' }], number: 1 },
    after: { days: [{ date: '2026-11-23', total: '7:30' }], number: 2 },
    ...overrides,
  };
}

/** AuditTrailRepository: append-only, scoped by agency and subject, oldest first; before and after as JSON. */
export function describeAuditTrailRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`AuditTrailRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });

    async function appended(...entries: AuditEntry[]): Promise<AuditEntry[]> {
      for (const entry of entries) await r.auditTrail.append(entry);
      return entries;
    }

    it("lists a subject's entries oldest first, equal moments by id; nothing of other subjects or agencies", async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      const subject = newId();
      const [late, early, sameA, sameB] = await appended(
        anEntry(a.id, subject, '2026-12-02T09:00:00Z'),
        anEntry(a.id, subject, '2026-12-01T09:00:00Z'),
        anEntry(a.id, subject, '2026-12-01T12:00:00Z'),
        anEntry(a.id, subject, '2026-12-01T12:00:00Z'),
      );
      await appended(anEntry(a.id, newId(), '2026-12-01T10:00:00Z'), anEntry(b.id, subject, '2026-12-01T10:00:00Z'));
      const listed = await r.auditTrail.listBySubject(a.id, 'TIMESHEET', subject);
      expect(listed.map((e) => e.id)).toEqual([early.id, ...[sameA.id, sameB.id].sort(), late.id]);
      expect(plain(listed[0])).toEqual(plain(early));
    });

    it("listBySubjects: the entries of all subjects asked, oldest first; unknown and malformed ids find nothing", async () => {
      const agency = await newAgency(r);
      const [s1, s2, s3] = [newId(), newId(), newId()];
      const [e1, e2] = await appended(anEntry(agency.id, s1, '2026-12-03T09:00:00Z'), anEntry(agency.id, s2, '2026-12-01T09:00:00Z'));
      await appended(anEntry(agency.id, s3, '2026-12-02T09:00:00Z'));
      expect((await r.auditTrail.listBySubjects(agency.id, 'TIMESHEET', [s1, s2, newId(), 'nope', s1])).map((e) => e.id)).toEqual([e2.id, e1.id]);
      expect(await r.auditTrail.listBySubjects(agency.id, 'TIMESHEET', [])).toEqual([]);
      expect(await r.auditTrail.listBySubjects('not-a-uuid', 'TIMESHEET', [s1])).toEqual([]);
    });

    it('keeps before and after as JSON: dates as text, nothing as null', async () => {
      const agency = await newAgency(r);
      const subject = newId();
      await appended(anEntry(agency.id, subject, '2026-12-01T09:00:00Z', { before: undefined, after: { at: new Date('2026-12-01T09:00:00Z'), nested: { list: [1, 'two', null] } }, reason: null }));
      const [read] = await r.auditTrail.listBySubject(agency.id, 'TIMESHEET', subject);
      expect(read.before).toBeNull();
      expect(read.after).toEqual({ at: '2026-12-01T09:00:00.000Z', nested: { list: [1, 'two', null] } });
      expect(read.reason).toBeNull();
    });

    it('appends an id once: a second entry with the same id is refused', async () => {
      const agency = await newAgency(r);
      const subject = newId();
      const [entry] = await appended(anEntry(agency.id, subject, '2026-12-01T09:00:00Z'));
      await expect(r.auditTrail.append({ ...entry, reason: 'Nog eens' })).rejects.toThrow();
      expect((await r.auditTrail.listBySubject(agency.id, 'TIMESHEET', subject)).map((e) => e.reason)).toEqual(['Maandag was 7:30']);
    });

    it('hands out copies, and keeps its own copy of what was appended', async () => {
      const agency = await newAgency(r);
      const subject = newId();
      const [entry] = await appended(anEntry(agency.id, subject, '2026-12-01T09:00:00Z'));
      const before = plain(entry);
      (entry.after as { number: number }).number = 99;
      const [read] = await r.auditTrail.listBySubject(agency.id, 'TIMESHEET', subject);
      (read.before as { number: number }).number = 42;
      read.at.setTime(0);
      expect(plain((await r.auditTrail.listBySubject(agency.id, 'TIMESHEET', subject))[0])).toEqual(before);
    });
  });
}
