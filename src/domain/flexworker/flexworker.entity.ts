import { Address, AddressInput } from '../shared/address.value-object';
import { Bsn } from '../shared/bsn.value-object';
import { attemptUnprefixed } from '../shared/collect';
import { LocalDate } from '../time/local-date.value-object';
import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { Email } from '../shared/email.value-object';
import { Iban } from '../shared/iban.value-object';
import { Language } from '../shared/language.value-object';
import { PersonName } from '../shared/person-name.value-object';
import { PhoneNumber } from '../shared/phone-number.value-object';
import { parseOptional, short } from '../shared/text';
import { PayrollNumber } from './payroll-number.value-object';

/** Dutch law lets 15-year-olds do (holiday) jobs through an agency; no younger. */
export const MINIMUM_AGE = 15;
/** A birth date implying an age above this is a typing error. */
export const MAXIMUM_AGE = 100;

/**
 * Personal details as given by staff. In an update, a field left `undefined` stays as it is and
 * `null` clears an optional field. Phone, birth date, address, BSN and IBAN are optional: a
 * worker is often registered with name and e-mail first and completes the rest later.
 */
export interface PersonalDetailsInput {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string | null;
  readonly dateOfBirth?: string | null;
  readonly address?: AddressInput | null;
  readonly bsn?: string | null;
  readonly iban?: string | null;
  /** Not personal, but set by staff alongside: the worker's number in the payroll system. */
  readonly payrollNumber?: string | null;
}

export interface CreateFlexworkerProps extends PersonalDetailsInput {
  readonly id: string;
  readonly agencyId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly language?: string;
}

export interface FlexworkerState {
  readonly id: string;
  readonly agencyId: string;
  readonly name: PersonName;
  readonly email: Email;
  readonly phone: PhoneNumber | null;
  readonly language: Language;
  readonly dateOfBirth: LocalDate | null;
  readonly address: Address | null;
  readonly bsn: Bsn | null;
  readonly iban: Iban | null;
  readonly payrollNumber: PayrollNumber | null;
  readonly version: number;
}

type PersonalDetails = Omit<FlexworkerState, 'id' | 'agencyId' | 'language' | 'version'>;

/**
 * A temp worker (flexwerker) of one agency. The e-mail address is unique within the agency; the
 * store enforces that (a constraint), not this class; so is the payroll number, when set. BSN and
 * IBAN are only ever shown masked (the full BSN only to payroll, where the agency allows it).
 */
export class Flexworker {
  private constructor(private state: FlexworkerState) {}

  /** `today` (the agency's local date) is for the age rule. Problems at the input's field paths. */
  static create(props: CreateFlexworkerProps, today: LocalDate): Flexworker {
    const problems = new ProblemCollector();
    const language = problems.attempt('language', () => Language.parse(props.language ?? 'nl'));
    const details = applyDetails(undefined, props, today, problems);
    problems.throwIfAny();
    return new Flexworker({ id: props.id, agencyId: props.agencyId, ...details!, language: language!, version: 1 });
  }

  static rehydrate(state: FlexworkerState): Flexworker {
    return new Flexworker({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get name(): PersonName { return this.state.name; }
  get email(): Email { return this.state.email; }
  get phone(): PhoneNumber | null { return this.state.phone; }
  get language(): Language { return this.state.language; }
  get dateOfBirth(): LocalDate | null { return this.state.dateOfBirth; }
  get address(): Address | null { return this.state.address; }
  get bsn(): Bsn | null { return this.state.bsn; }
  get iban(): Iban | null { return this.state.iban; }
  get payrollNumber(): PayrollNumber | null { return this.state.payrollNumber; }
  get version(): number { return this.state.version; }

  /** Staff correct or complete personal details; only the fields given change. */
  updatePersonalDetails(input: PersonalDetailsInput, today: LocalDate): void {
    const problems = new ProblemCollector();
    const details = applyDetails(this.state, input, today, problems);
    problems.throwIfAny();
    this.state = { ...this.state, ...details! };
  }

  /** The worker (or staff) picks the portal's language. Problem at `language`. */
  changeLanguage(code: string): void {
    const problems = new ProblemCollector();
    const language = problems.attempt('language', () => Language.parse(code));
    problems.throwIfAny();
    this.state = { ...this.state, language: language! };
  }

  withVersion(version: number): Flexworker {
    return new Flexworker({ ...this.state, version });
  }

  toState(): FlexworkerState {
    return { ...this.state };
  }
}

function applyDetails(
  current: PersonalDetails | undefined,
  input: PersonalDetailsInput,
  today: LocalDate,
  problems: ProblemCollector,
): PersonalDetails | undefined {
  const before = problems.problems.length;
  const name = attemptUnprefixed(problems, () =>
    PersonName.create({
      firstName: input.firstName ?? current?.name.firstName ?? '',
      lastName: input.lastName ?? current?.name.lastName ?? '',
    }),
  );
  const email = input.email === undefined && current ? current.email : problems.attempt('email', () => Email.parse(input.email ?? ''));
  const phone = change(problems, 'phone', input.phone, current?.phone ?? null, PhoneNumber.parse);
  const dateOfBirth = change(problems, 'dateOfBirth', input.dateOfBirth, current?.dateOfBirth ?? null, (text) =>
    parseDateOfBirth(text, today),
  );
  const address = change(problems, 'address', input.address, current?.address ?? null, Address.create);
  const bsn = change(problems, 'bsn', input.bsn, current?.bsn ?? null, Bsn.parse);
  const iban = change(problems, 'iban', input.iban, current?.iban ?? null, Iban.parse);
  const payrollNumber = change(problems, 'payrollNumber', input.payrollNumber, current?.payrollNumber ?? null, PayrollNumber.parse);
  if (problems.problems.length > before) return undefined;
  return { name: name!, email: email!, phone, dateOfBirth, address, bsn, iban, payrollNumber };
}

/** `undefined` keeps `current`, `null` (or blank text) clears, anything else is parsed. */
function change<I, T>(
  problems: ProblemCollector,
  path: string,
  input: I | null | undefined,
  current: T | null,
  parse: (input: I) => T,
): T | null {
  if (input === undefined) return current;
  if (input === null) return null;
  if (typeof input === 'string') {
    return problems.attempt(path, () => parseOptional(input, parse as (text: string) => T)) ?? null;
  }
  return problems.attempt(path, () => parse(input)) ?? null;
}

function parseDateOfBirth(text: string, today: LocalDate): LocalDate {
  const date = short(10, LocalDate.parse)(text);
  const age = ageOn(date, today);
  if (age < MINIMUM_AGE) {
    throw ValidationError.of('', 'TOO_YOUNG', `A flexworker must be at least ${MINIMUM_AGE} years old`, { min: MINIMUM_AGE });
  }
  if (age > MAXIMUM_AGE) {
    throw ValidationError.of('', 'DATE_OF_BIRTH_IMPLAUSIBLE', `A birth date more than ${MAXIMUM_AGE} years ago is not plausible`, {
      max: MAXIMUM_AGE,
    });
  }
  return date;
}

/** Whole years from `birth` to `day`; someone born on 29 February turns a year older on 1 March. */
export function ageOn(birth: LocalDate, day: LocalDate): number {
  const years = day.year - birth.year;
  return day.month * 100 + day.day >= birth.month * 100 + birth.day ? years : years - 1;
}
