import { describeTimesheetRepositoryContract } from './timesheet.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeTimesheetRepositoryContract('in memory', inMemory());
describeTimesheetRepositoryContract('TypeORM', onTheDatabase());
