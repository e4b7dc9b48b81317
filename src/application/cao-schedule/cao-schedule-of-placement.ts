import { Placement } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';

/**
 * A placement's CAO schedule must be one of its agency's: otherwise CAO_SCHEDULE_NOT_FOUND at
 * `caoScheduleId` (bad input, like any other field; also when the id names another agency's).
 */
export async function checkCaoScheduleOfPlacement(problems: ProblemCollector, schedules: CaoScheduleRepository, placement: Placement): Promise<void> {
  const source = placement.hourSource;
  if (source.kind !== 'CAO_SCHEDULE') return;
  if (!(await schedules.findById(placement.agencyId, source.caoScheduleId))) {
    problems.add('caoScheduleId', 'CAO_SCHEDULE_NOT_FOUND', 'There is no CAO unravel schedule with this id at this agency');
  }
}
