import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { PersonName } from '../../domain/shared/person-name.value-object';

/**
 * What an actor may see of a worker: the whole record (staff, the worker themself) or only the
 * name (a contact of a relation where the worker is or was placed).
 */
export type FlexworkerView =
  | { readonly access: 'FULL'; readonly id: string; readonly name: PersonName; readonly flexworker: Flexworker }
  | { readonly access: 'NAME_ONLY'; readonly id: string; readonly name: PersonName };

export function fullView(flexworker: Flexworker): FlexworkerView {
  return { access: 'FULL', id: flexworker.id, name: flexworker.name, flexworker };
}

export function nameOnlyView(flexworker: Flexworker): FlexworkerView {
  return { access: 'NAME_ONLY', id: flexworker.id, name: flexworker.name };
}
