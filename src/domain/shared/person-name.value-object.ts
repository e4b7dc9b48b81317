import { ProblemCollector } from './domain-error';
import { boundedText } from './text';

const MAX_PART = 100;

export interface PersonNameInput {
  readonly firstName: string;
  readonly lastName: string;
}

/**
 * A person's name as first (given) name and last (family) name. Dutch particles such as
 * `van der` belong to the last name (`van der Berg`); sorting by last name puts them under `v`,
 * which is how the agency's own lists are sorted too.
 */
export class PersonName {
  private constructor(
    readonly firstName: string,
    readonly lastName: string,
  ) {}

  /** Problems are reported at `firstName` and `lastName`. */
  static create(input: PersonNameInput): PersonName {
    const problems = new ProblemCollector();
    const firstName = problems.attempt('firstName', () => boundedText(input.firstName, { max: MAX_PART }));
    const lastName = problems.attempt('lastName', () => boundedText(input.lastName, { max: MAX_PART }));
    problems.throwIfAny();
    return new PersonName(firstName as string, lastName as string);
  }

  get fullName(): string {
    return `${this.firstName} ${this.lastName}`;
  }

  equals(other: PersonName): boolean {
    return this.firstName === other.firstName && this.lastName === other.lastName;
  }

  toString(): string {
    return this.fullName;
  }
}
