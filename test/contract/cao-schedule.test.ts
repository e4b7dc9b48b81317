import { describeCaoScheduleRepositoryContract } from './cao-schedule.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeCaoScheduleRepositoryContract('in memory', inMemory());
describeCaoScheduleRepositoryContract('TypeORM', onTheDatabase());
