import { Agency } from '../../../src/domain/agency/agency.entity';
import { CreateFlexworkerProps, Flexworker } from '../../../src/domain/flexworker/flexworker.entity';
import { CreatePlacementProps, Placement } from '../../../src/domain/placement/placement.entity';
import { CreateRelationProps, Relation } from '../../../src/domain/relation/relation.entity';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { TEST_DATE_WINDOW } from './date-window.mother';

/** Object mothers: valid organisation objects with every field overridable. */
let sequence = 0;
export function uniqueId(): string {
  sequence += 1;
  const hex = (Date.now().toString(16) + sequence.toString(16).padStart(6, '0') + Math.random().toString(16).slice(2)).padEnd(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const TODAY = LocalDate.parse('2026-11-27');

/** The default schedule id of a placement: a store needs a schedule with this id in the placement's agency. */
export const A_CAO_SCHEDULE_ID = '5c0a1e2d-3b4c-4d5e-8f60-7a8b9c0d1e2f';

export function anAgency(overrides: Partial<Parameters<typeof Agency.create>[0]> = {}): Agency {
  return Agency.create({ id: uniqueId(), name: 'U-Boss uitzendbureau', ...overrides });
}

export function aRelation(agencyId: string, overrides: Partial<CreateRelationProps> = {}): Relation {
  return Relation.create({ id: uniqueId(), agencyId, name: 'Bakkerij de Korenschoof', chamberOfCommerceNumber: '12345678', ...overrides });
}

export function aFlexworker(agencyId: string, overrides: Partial<CreateFlexworkerProps> = {}): Flexworker {
  const id = overrides.id ?? uniqueId();
  return Flexworker.create(
    {
      id,
      agencyId,
      firstName: 'Jan',
      lastName: 'Jansen',
      email: `jan.${id.slice(0, 8)}.${id.slice(-6)}@example.nl`,
      phone: '+31 6 1234 5678',
      language: 'nl',
      dateOfBirth: '1990-05-17',
      address: { street: 'Damrak', houseNumber: '1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
      bsn: '123456782',
      iban: 'NL91ABNA0417164300',
      ...overrides,
    },
    TODAY,
  );
}

export function aPlacement(
  agencyId: string,
  flexworkerId: string,
  relationId: string,
  overrides: Partial<CreatePlacementProps> = {},
): Placement {
  return Placement.create({
    id: uniqueId(),
    agencyId,
    flexworkerId,
    relationId,
    startDate: '2026-01-05',
    functionName: 'Productiemedewerker',
    contractHoursPerWeek: '38:00',
    caoScheduleId: A_CAO_SCHEDULE_ID,
    ...overrides,
  }, TEST_DATE_WINDOW);
}
