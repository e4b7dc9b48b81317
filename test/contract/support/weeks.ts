import { Placement } from '../../../src/domain/placement/placement.entity';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { DayEntry } from '../../../src/domain/timesheet/day-entry.value-object';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { aBreakdown } from '../../support/mothers/timesheet.mother';
import { Repositories } from './repositories';
import { newAgency, newId, newPlacement, newRelation, newWorker } from './seeds';

/**
 * Weeks and declarations for the contracts, stored through the repositories (a week and its new
 * declaration in one unit of work, as the use cases do). The placements use manual hour codes, so
 * the days are hours per code: no times, no CAO schedule.
 */
export interface SubmittedWeek {
  readonly timesheet: Timesheet;
  readonly declaration: Declaration;
}

/** `{ H100: 480 }` on the Monday of `week`, plus `extra` minutes on its Tuesday. */
export function daysOf(week: string, extra = 0): DayEntry[] {
  const monday = IsoWeek.parse(week).monday;
  const days = [DayEntry.hourCodes(monday, [{ hourCode: 'H100', minutes: 480 }])];
  if (extra > 0) days.push(DayEntry.hourCodes(monday.plusDays(1), [{ hourCode: 'OW150', minutes: extra }]));
  return days;
}

/** A week of the placement, with `days` saved as a draft, stored. */
export async function openWeek(r: Repositories, placement: Placement, week: string, days: readonly DayEntry[] = []): Promise<Timesheet> {
  const timesheet = Timesheet.open({ id: newId(), placement, week: IsoWeek.parse(week) });
  if (days.length > 0) timesheet.saveDraft(placement, 'FLEXWORKER', days);
  await r.timesheets.insertMissing([timesheet]);
  return timesheet;
}

/** The worker saves and approves the week: SUBMITTED, with declaration 1 awaiting the relation. */
export async function submitWeek(r: Repositories, placement: Placement, week: string, at = new Date('2026-11-29T18:00:00.000Z')): Promise<SubmittedWeek> {
  const days = daysOf(week, 90);
  const timesheet = await openWeek(r, placement, week, days);
  const declaration = timesheet.approveByWorker(placement, {
    by: newId(),
    at,
    declarationId: newId(),
    confirmed: true,
    today: LocalDate.parse('2030-01-01'),
    breakdown: aBreakdown(days),
  });
  return r.unitOfWork.run(async () => {
    const saved = await r.timesheets.update(timesheet);
    await r.declarations.insert(declaration);
    return { timesheet: saved, declaration };
  });
}

/** The relation approves (`reason` given: rejects) the week's current declaration. */
export async function decideWeek(r: Repositories, { timesheet, declaration }: SubmittedWeek, at: Date, reason?: string): Promise<SubmittedWeek> {
  if (reason === undefined) timesheet.approveByRelation(declaration, { by: newId(), at });
  else timesheet.rejectByRelation(declaration, { by: newId(), at, reason });
  return r.unitOfWork.run(async () => ({ timesheet: await r.timesheets.update(timesheet), declaration: await r.declarations.update(declaration) }));
}

/** Staff correct the week: the declaration is superseded by the next one. */
export async function correctWeek(r: Repositories, { timesheet, declaration }: SubmittedWeek, at: Date): Promise<SubmittedWeek & { superseded: Declaration }> {
  const days = daysOf(timesheet.week.toString(), 30);
  const correction = timesheet.correctByAgency(declaration, { by: newId(), at, declarationId: newId(), reason: 'Dinsdag korter', days, breakdown: aBreakdown(days) });
  return r.unitOfWork.run(async () => {
    const saved = await r.timesheets.update(timesheet);
    const superseded = await r.declarations.update(declaration);
    await r.declarations.insert(correction);
    return { timesheet: saved, declaration: correction, superseded };
  });
}

/**
 * One agency's weeks, for the lists and their filters. Workers w1 (placements pA at r1, pB at r2)
 * and w2 (pC at r1), all from 2026-01-05:
 *   t0 pA W46 OPEN, empty          t4 pC W45 APPROVED by the relation on 2026-11-12 (d4)
 *   t1 pA W47 SUBMITTED (d1)       t5 pC W49 OPEN, a draft
 *   t2 pA W48 APPROVED 2026-11-30,  t6 pB W47 OPEN, empty
 *      corrected (d2 superseded    t7 pB W46 OPEN again: rejected (d7)
 *      by d2b, approved by staff)
 *   t3 pB W48 SUBMITTED (d3)
 */
export async function weekWorld(r: Repositories) {
  const agency = await newAgency(r);
  const relations = [await newRelation(r, agency.id), await newRelation(r, agency.id)] as const;
  const workers = [await newWorker(r, agency.id), await newWorker(r, agency.id)] as const;
  const pA = await newPlacement(r, workers[0], relations[0]);
  const pB = await newPlacement(r, workers[0], relations[1]);
  const pC = await newPlacement(r, workers[1], relations[0]);
  const t0 = await openWeek(r, pA, '2026-W46');
  const s1 = await submitWeek(r, pA, '2026-W47');
  const s2 = await correctWeek(r, await decideWeek(r, await submitWeek(r, pA, '2026-W48'), new Date('2026-11-30T08:00:00.000Z')), new Date('2026-12-01T09:00:00.000Z'));
  const s3 = await submitWeek(r, pB, '2026-W48');
  const s4 = await decideWeek(r, await submitWeek(r, pC, '2026-W45', new Date('2026-11-08T18:00:00.000Z')), new Date('2026-11-12T08:00:00.000Z'));
  const t5 = await openWeek(r, pC, '2026-W49', daysOf('2026-W49'));
  const t6 = await openWeek(r, pB, '2026-W47');
  const s7 = await decideWeek(r, await submitWeek(r, pB, '2026-W46'), new Date('2026-11-17T08:00:00.000Z'), 'Maandag klopt niet');
  return {
    r,
    agency,
    relations,
    workers,
    placements: { pA, pB, pC },
    weeks: [t0, s1.timesheet, s2.timesheet, s3.timesheet, s4.timesheet, t5, t6, s7.timesheet] as const,
    declarations: { d1: s1.declaration, d2: s2.superseded, d2b: s2.declaration, d3: s3.declaration, d4: s4.declaration, d7: s7.declaration },
  };
}

export type WeekWorld = Awaited<ReturnType<typeof weekWorld>>;
