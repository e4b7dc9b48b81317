import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { PersonName } from '../../domain/shared/person-name.value-object';

/**
 * What an actor may see of a worker: the whole record (staff, payroll, the worker themself) or
 * only the name (a contact of a relation where the worker is or was placed). `bsnForPayroll` is
 * the full BSN, set only for a PAYROLL actor of an agency that allows it (payroll-bsn.ts); every
 * other view has null there and sees the BSN masked.
 */
export type FlexworkerView =
  | {
      readonly access: 'FULL';
      readonly id: string;
      readonly name: PersonName;
      readonly flexworker: Flexworker;
      readonly bsnForPayroll: string | null;
    }
  | { readonly access: 'NAME_ONLY'; readonly id: string; readonly name: PersonName };

export function fullView(flexworker: Flexworker, bsnForPayroll: string | null = null): FlexworkerView {
  return { access: 'FULL', id: flexworker.id, name: flexworker.name, flexworker, bsnForPayroll };
}

export function nameOnlyView(flexworker: Flexworker): FlexworkerView {
  return { access: 'NAME_ONLY', id: flexworker.id, name: flexworker.name };
}
