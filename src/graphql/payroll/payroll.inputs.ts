import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PayrollExportStatusEnum } from './payroll.types';

@InputType({ description: 'Take the approved hours not yet booked.' })
export class CreatePayrollExportInput {
  @Field({
    description:
      'Chosen by the payroll system (1 to 128 visible ASCII characters, e.g. a UUID per run): sent again, the same export is answered and no second one is made. Keep it until the export is confirmed.',
  })
  @MaxLength(256)
  idempotencyKey: string;

  @Field(() => Date, { nullable: true, description: 'Take hours approved up to this moment (at the latest now); now when left out.' })
  upTo?: Date | null;
}

@InputType({ description: 'The export payroll booked.' })
export class ConfirmPayrollExportInput {
  @Field(() => ID, { description: 'The export (PayrollExport.id).' }) exportId: string;
}

@InputType({ description: 'The export to give back.' })
export class CancelPayrollExportInput {
  @Field(() => ID, { description: 'The export (PayrollExport.id).' }) exportId: string;
}

@InputType({ description: 'Which exports to list.' })
export class PayrollExportFilterInput {
  @Field(() => PayrollExportStatusEnum, { nullable: true, description: 'Only exports with this status (as now: a PENDING export past its expiry is EXPIRED).' })
  status?: string | null;
}
