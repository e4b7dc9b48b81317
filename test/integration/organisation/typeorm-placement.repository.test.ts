import { pageQuery } from '../../../src/application/shared/pagination';
import { Placement } from '../../../src/domain/placement/placement.entity';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { TypeormCaoScheduleRepository } from '../../../src/infrastructure/database/cao-schedule/typeorm-cao-schedule.repository';
import { aCaoSchedule } from '../../support/mothers/cao-schedule.mother';
import { aFlexworker, aPlacement, aRelation } from '../../support/mothers/organisation.mother';
import { newId, OrganisationDatabase } from './organisation-database';
import { TEST_DATE_WINDOW } from '../../support/mothers/date-window.mother';

describe('TypeormPlacementRepository', () => {
  let odb: OrganisationDatabase;
  beforeAll(async () => {
    odb = await OrganisationDatabase.open();
  });
  afterAll(() => odb.close());

  async function setting() {
    const agency = await odb.newAgency();
    const r1 = aRelation(agency.id, { id: newId() });
    const r2 = aRelation(agency.id, { id: newId() });
    const w1 = aFlexworker(agency.id, { id: newId() });
    const w2 = aFlexworker(agency.id, { id: newId() });
    for (const r of [r1, r2]) await odb.relations.insert(r);
    for (const w of [w1, w2]) await odb.flexworkers.insert(w);
    const schedule = aCaoSchedule(agency.id, { id: newId() });
    await new TypeormCaoScheduleRepository(odb.db).insert(schedule);
    const place = async (workerId: string, relationId: string, overrides: Partial<Parameters<typeof aPlacement>[3]> = {}) => {
      const placement = aPlacement(agency.id, workerId, relationId, { id: newId(), caoScheduleId: schedule.id, ...overrides });
      await odb.placements.insert(placement);
      return placement;
    };
    return { agency, r1, r2, w1, w2, place };
  }

  it('round-trips a placement with a schedule and one with manual hour codes', async () => {
    const { agency, r1, w1, place } = await setting();
    const withSchedule = await place(w1.id, r1.id, { endDate: '2026-12-31', costCentre: 'KP-1', allowedEntryModes: ['TIMES'] });
    const manual = await place(w1.id, r1.id, {
      caoScheduleId: undefined,
      hourCodes: [{ code: 'H100', percentage: 100, label: 'Normaal' }, { code: 'OW150', percentage: 150 }],
      hoursEnteredBy: 'RELATION',
    });
    for (const placement of [withSchedule, manual]) {
      const read = await odb.placements.findById(agency.id, placement.id);
      const a = read!.toState();
      const b = placement.toState();
      expect({ ...a, startDate: a.startDate.toString(), endDate: a.endDate?.toString(), hourSource: JSON.stringify(a.hourSource) }).toEqual({
        ...b,
        startDate: b.startDate.toString(),
        endDate: b.endDate?.toString(),
        hourSource: JSON.stringify(b.hourSource),
      });
    }
  });

  it('cannot point at a worker or relation of another agency (composite foreign keys)', async () => {
    const a = await setting();
    const b = await setting();
    const crossing = aPlacement(a.agency.id, b.w1.id, a.r1.id, { id: newId(), caoScheduleId: undefined, hourCodes: [{ code: 'H100', percentage: 100 }] });
    await expect(odb.placements.insert(crossing)).rejects.toThrow();
    expect(await odb.placements.findById(a.agency.id, crossing.id)).toBeNull();
  });

  it('scopes by agency and updates optimistically', async () => {
    const { agency, r1, w1, place } = await setting();
    const other = await odb.newAgency();
    const placement = await place(w1.id, r1.id);
    const stale = (await odb.placements.findById(agency.id, placement.id))!;
    placement.end(LocalDate.parse('2026-06-30'), TEST_DATE_WINDOW);
    expect((await odb.placements.update(placement)).version).toBe(2);
    expect((await odb.placements.findById(agency.id, placement.id))?.endDate?.toString()).toBe('2026-06-30');
    stale.changeSettings({ functionName: 'Anders' }, TEST_DATE_WINDOW);
    await expect(odb.placements.update(stale)).rejects.toMatchObject({ reason: 'STALE_VERSION' });
    expect(await odb.placements.findById(other.id, placement.id)).toBeNull();
    expect(await odb.placements.findByIds(other.id, [placement.id])).toEqual([]);
    expect((await odb.placements.findByIds(agency.id, [placement.id, 'x'])).map((p) => p.id)).toEqual([placement.id]);
  });

  it('pages latest start first across pages and filters by day, relation and worker', async () => {
    const { agency, r1, r2, w1, w2, place } = await setting();
    const made: Placement[] = [];
    made.push(await place(w1.id, r1.id, { startDate: '2026-01-05', endDate: '2026-03-31' }));
    made.push(await place(w1.id, r2.id, { startDate: '2026-04-01' }));
    made.push(await place(w2.id, r1.id, { startDate: '2026-02-02', endDate: '2026-02-28' }));
    made.push(await place(w2.id, r2.id, { startDate: '2026-04-01' }));
    made.push(await place(w2.id, r1.id, { startDate: '2025-11-03' }));

    const seen: Placement[] = [];
    let after: string | null = null;
    do {
      const page = await odb.placements.list(agency.id, {}, pageQuery({ first: 2, after }));
      seen.push(...page.items);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen.map((p) => p.startDate.toString())).toEqual(['2026-04-01', '2026-04-01', '2026-02-02', '2026-01-05', '2025-11-03']);
    expect(new Set(seen.map((p) => p.id)).size).toBe(5);

    const ids = async (filter: Parameters<typeof odb.placements.list>[1]) =>
      (await odb.placements.list(agency.id, filter, pageQuery())).items.map((p) => made.indexOf(made.find((m) => m.id === p.id)!)).sort();
    expect(await ids({ activeOn: LocalDate.parse('2026-02-15') })).toEqual([0, 2, 4]);
    expect(await ids({ activeOn: LocalDate.parse('2026-03-31') })).toEqual([0, 4]);
    expect(await ids({ relationId: r2.id })).toEqual([1, 3]);
    expect(await ids({ flexworkerId: w2.id, relationId: r1.id })).toEqual([2, 4]);
    expect(await ids({ relationId: 'not-a-uuid' })).toEqual([]);
  });

  it('tells which workers were ever placed at a relation', async () => {
    const { agency, r1, r2, w1, w2, place } = await setting();
    await place(w1.id, r1.id, { startDate: '2020-01-06', endDate: '2020-02-28' });
    await place(w2.id, r2.id);
    expect([...(await odb.placements.flexworkerIdsPlacedAt(agency.id, r1.id, [w1.id, w2.id, 'x']))]).toEqual([w1.id]);
    const other = await odb.newAgency();
    expect((await odb.placements.flexworkerIdsPlacedAt(other.id, r1.id, [w1.id])).size).toBe(0);
  });

  it('has the database refuse an end before the start and notifications when the relation enters hours', async () => {
    const { agency, r1, w1 } = await setting();
    const base = { id: newId(), agency_id: agency.id, flexworker_id: w1.id, relation_id: r1.id };
    const insert = (extra: string, values: unknown[]) =>
      odb.dataSource.query(
        `INSERT INTO placements (id, agency_id, flexworker_id, relation_id, start_date, end_date, function_name, contract_minutes_per_week,
           allowed_entry_modes, hours_entered_by, send_invitations, send_reminders, hour_codes) VALUES ($1, $2, $3, $4, ${extra})`,
        [base.id, base.agency_id, base.flexworker_id, base.relation_id, ...values],
      );
    await expect(insert(`'2026-02-01', '2026-01-31', 'X', 0, '{TIMES}', 'FLEXWORKER', true, true, '[{"code":"H100","percentage":100}]'`, [])).rejects.toThrow(/placements_period_check/);
    await expect(insert(`'2026-02-01', NULL, 'X', 0, '{TIMES}', 'RELATION', true, false, '[{"code":"H100","percentage":100}]'`, [])).rejects.toThrow(/notifications_check/);
  });
});
