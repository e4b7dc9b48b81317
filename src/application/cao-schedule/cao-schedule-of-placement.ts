import { Placement } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';

/**
 * A placement's CAO schedule must be one of its agency's: otherwise CAO_SCHEDULE_NOT_FOUND at
 * `caoScheduleId` (bad input, like any other field; also when the id names another agency's).
 * It must also be in force from the placement's first day, or the weeks before its first version
 * could never be unravelled: CAO_SCHEDULE_NOT_IN_FORCE.
 */
export async function checkCaoScheduleOfPlacement(problems: ProblemCollector, schedules: CaoScheduleRepository, placement: Placement): Promise<void> {
  const source = placement.hourSource;
  if (source.kind !== 'CAO_SCHEDULE') return;
  const schedule = await schedules.findById(placement.agencyId, source.caoScheduleId);
  if (!schedule) {
    problems.add('caoScheduleId', 'CAO_SCHEDULE_NOT_FOUND', 'There is no CAO unravel schedule with this id at this agency');
    return;
  }
  const firstValidFrom = schedule.versions[0].validFrom;
  if (placement.startDate.toString() < firstValidFrom) {
    problems.add('caoScheduleId', 'CAO_SCHEDULE_NOT_IN_FORCE', `The schedule applies from ${firstValidFrom}, after the placement starts`, {
      validFrom: firstValidFrom,
      startDate: placement.startDate.toString(),
    });
  }
}
