import { AuditEntry } from '../../../src/domain/audit/audit-entry';
import { newId, statementsOf, TimesheetDatabase } from './timesheet-database';

describe('TypeormAuditTrailRepository', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  const anEntry = (agencyId: string, subjectId: string, at: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    id: newId(),
    agencyId,
    action: 'DECLARATION_CORRECTED',
    subjectType: 'TIMESHEET',
    subjectId,
    actorId: newId(),
    actorRole: 'AGENCY_STAFF',
    at: new Date(at),
    reason: 'Maandag was 7:30',
    before: { declarationId: newId(), number: 1, days: [{ date: '2026-11-23', total: '8:00' }], workedMinutes: 480 },
    after: { declarationId: newId(), number: 2, days: [{ date: '2026-11-23', total: '7:30' }], workedMinutes: 450 },
    ...overrides,
  });

  it('appends entries and lists them per subject, oldest first, scoped by agency', async () => {
    const agency = await tdb.org.newAgency();
    const other = await tdb.org.newAgency();
    const [a, b] = [newId(), newId()];
    const entries = [
      anEntry(agency.id, a, '2026-12-02T09:00:00Z'),
      anEntry(agency.id, a, '2026-12-01T09:00:00Z', { reason: null, before: null }),
      anEntry(agency.id, b, '2026-12-01T10:00:00Z'),
      anEntry(other.id, a, '2026-12-01T08:00:00Z'),
    ];
    for (const entry of entries) await tdb.auditTrail.append(entry);

    expect(await tdb.auditTrail.listBySubject(agency.id, 'TIMESHEET', a)).toEqual([entries[1], entries[0]]);
    expect(await tdb.auditTrail.listBySubject(other.id, 'TIMESHEET', b)).toEqual([]);
    expect(await tdb.auditTrail.listBySubject(agency.id, 'TIMESHEET', 'not-a-uuid')).toEqual([]);
    let found: AuditEntry[] = [];
    const statements = await statementsOf(tdb, async () => {
      found = await tdb.auditTrail.listBySubjects(agency.id, 'TIMESHEET', [a, b, newId(), 'x']);
    });
    expect(statements).toHaveLength(1);
    expect(found).toEqual([entries[1], entries[2], entries[0]]);
    expect(await tdb.auditTrail.listBySubjects(agency.id, 'TIMESHEET', [])).toEqual([]);
  });

  it('has the database refuse to change or remove an entry', async () => {
    const agency = await tdb.org.newAgency();
    const entry = anEntry(agency.id, newId(), '2026-12-01T09:00:00Z');
    await tdb.auditTrail.append(entry);
    await expect(tdb.sql(`UPDATE audit_entries SET reason = 'anders' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(tdb.sql(`DELETE FROM audit_entries WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(tdb.auditTrail.append(entry)).rejects.toThrow();
    expect(await tdb.auditTrail.listBySubject(agency.id, 'TIMESHEET', entry.subjectId)).toEqual([entry]);
  });
});
