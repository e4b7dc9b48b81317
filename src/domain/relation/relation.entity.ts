import { ChamberOfCommerceNumber } from '../shared/chamber-of-commerce-number.value-object';
import { ProblemCollector } from '../shared/domain-error';
import { Email } from '../shared/email.value-object';
import { PhoneNumber } from '../shared/phone-number.value-object';
import { boundedText, parseOptional } from '../shared/text';

/** In an update, a field left `undefined` stays as it is and `null` (or blank) clears it. */
export interface RelationDetailsInput {
  readonly name?: string;
  readonly chamberOfCommerceNumber?: string | null;
  readonly contactEmail?: string | null;
  readonly contactPhone?: string | null;
}

export interface CreateRelationProps extends RelationDetailsInput {
  readonly name: string;
  readonly id: string;
  readonly agencyId: string;
}

export interface RelationState {
  readonly id: string;
  readonly agencyId: string;
  readonly name: string;
  readonly chamberOfCommerceNumber: ChamberOfCommerceNumber | null;
  readonly contactEmail: Email | null;
  readonly contactPhone: PhoneNumber | null;
  readonly active: boolean;
  readonly version: number;
}

interface RelationDetails {
  name: string;
  chamberOfCommerceNumber: ChamberOfCommerceNumber | null;
  contactEmail: Email | null;
  contactPhone: PhoneNumber | null;
}

/**
 * A client company (relatie / inlener) of one agency, where its flexworkers are placed. Its
 * contacts log in as RELATION_CONTACT users (the identity model keeps them). An inactive relation
 * keeps its history; the agency just places nobody new there.
 */
export class Relation {
  private constructor(private state: RelationState) {}

  /** Problems at `name`, `chamberOfCommerceNumber`, `contactEmail`, `contactPhone`. */
  static create(props: CreateRelationProps): Relation {
    const details = parseDetails(undefined, props);
    return new Relation({ id: props.id, agencyId: props.agencyId, ...details, active: true, version: 1 });
  }

  static rehydrate(state: RelationState): Relation {
    return new Relation({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get name(): string { return this.state.name; }
  get chamberOfCommerceNumber(): ChamberOfCommerceNumber | null { return this.state.chamberOfCommerceNumber; }
  get contactEmail(): Email | null { return this.state.contactEmail; }
  get contactPhone(): PhoneNumber | null { return this.state.contactPhone; }
  get active(): boolean { return this.state.active; }
  get version(): number { return this.state.version; }

  /** Changes the details given (all checked, all problems reported, nothing changed on failure). */
  updateDetails(input: RelationDetailsInput): void {
    this.state = { ...this.state, ...parseDetails(this.state, input) };
  }

  deactivate(): void {
    this.state = { ...this.state, active: false };
  }

  activate(): void {
    this.state = { ...this.state, active: true };
  }

  /** A copy carrying the version the store gave it after a successful update. */
  withVersion(version: number): Relation {
    return new Relation({ ...this.state, version });
  }

  toState(): RelationState {
    return { ...this.state };
  }
}

function parseDetails(current: RelationDetails | undefined, input: RelationDetailsInput): RelationDetails {
  const problems = new ProblemCollector();
  const name = input.name === undefined && current ? current.name : problems.attempt('name', () => boundedText(input.name ?? '', { max: 200 }));
  const kvk = change(problems, 'chamberOfCommerceNumber', input.chamberOfCommerceNumber, current?.chamberOfCommerceNumber, ChamberOfCommerceNumber.parse);
  const email = change(problems, 'contactEmail', input.contactEmail, current?.contactEmail, Email.parse);
  const phone = change(problems, 'contactPhone', input.contactPhone, current?.contactPhone, PhoneNumber.parse);
  problems.throwIfAny();
  return { name: name!, chamberOfCommerceNumber: kvk, contactEmail: email, contactPhone: phone };
}

function change<T>(problems: ProblemCollector, path: string, text: string | null | undefined, current: T | null | undefined, parse: (text: string) => T): T | null {
  if (text === undefined) return current ?? null;
  return problems.attempt(path, () => parseOptional(text, parse)) ?? null;
}
