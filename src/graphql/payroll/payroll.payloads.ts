import { Field, ObjectType } from 'type-graphql';
import { PayrollExportType } from './payroll.types';

@ObjectType('CreatePayrollExportPayload', { description: 'The export made for this idempotency key (now, or by an earlier request with it).' })
export class CreatePayrollExportPayload {
  @Field(() => PayrollExportType, { description: 'The export, PENDING until confirmed (unless it was settled since).' }) payrollExport: PayrollExportType;
  @Field({ description: 'True when this request made it; false when an earlier request with the same key did (a retry).' }) created: boolean;
}

@ObjectType('ConfirmPayrollExportPayload', { description: 'The export, CONFIRMED: its weeks are PROCESSED.' })
export class ConfirmPayrollExportPayload {
  @Field(() => PayrollExportType, { description: 'The export as it is now.' }) payrollExport: PayrollExportType;
}

@ObjectType('CancelPayrollExportPayload', { description: 'The export, CANCELLED (or EXPIRED): its hours go into the next export.' })
export class CancelPayrollExportPayload {
  @Field(() => PayrollExportType, { description: 'The export as it is now.' }) payrollExport: PayrollExportType;
}
