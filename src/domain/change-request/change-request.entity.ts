import { Flexworker, PersonalDetailsInput } from '../flexworker/flexworker.entity';
import { AddressInput } from '../shared/address.value-object';
import { attemptUnprefixed } from '../shared/collect';
import { ProblemCollector } from '../shared/domain-error';
import { boundedText } from '../shared/text';
import { LocalDate } from '../time/local-date.value-object';
import { alreadyDecided, bsnNotChangeable, noChanges } from './change-request.errors';

export const NOTE_MAX = 2000;
export const REASON_MAX = 2000;

export const CHANGE_REQUEST_STATUSES = ['OPEN', 'APPROVED', 'REJECTED'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/**
 * The values a worker proposes for their own record: a field left out stays, `null` clears an
 * optional one (as in the staff update). No BSN and no payroll number: only staff change those.
 */
export interface ProposedChanges {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string | null;
  readonly dateOfBirth?: string | null;
  readonly address?: AddressInput | null;
  readonly iban?: string | null;
  readonly language?: string;
}

export const PROPOSABLE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'address', 'iban', 'language'] as const;
export type ProposableField = (typeof PROPOSABLE_FIELDS)[number];

export interface SubmitChangeRequestProps {
  readonly id: string;
  readonly requestedBy: string;
  /** What the worker sent: may hold a `bsn`, which is refused. */
  readonly changes: ProposedChanges & { readonly bsn?: string | null };
  readonly note: string;
  readonly at: Date;
}

export interface ChangeRequestState {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  readonly requestedBy: string;
  /** Normalised as the worker's record would hold them (the IBAN compact, the e-mail trimmed). */
  readonly changes: ProposedChanges;
  readonly note: string;
  /** The worker's record version the request was made on: a newer one makes the request stale. */
  readonly flexworkerVersion: number;
  readonly status: ChangeRequestStatus;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly rejectionReason: string | null;
  readonly version: number;
}

/**
 * A worker's request to correct their personal data ("Zijn de gegevens niet (meer) correct? Geef
 * het ons door."). The proposed values are checked as the staff update checks them when the
 * request is made; staff approve it (the change is then applied to the record) or reject it with
 * a reason. Decided once.
 */
export class ChangeRequest {
  private constructor(private state: ChangeRequestState) {}

  /** Problems at `changes.<field>` and `note`; `today` is the agency's date (the age rule). */
  static submit(props: SubmitChangeRequestProps, worker: Flexworker, today: LocalDate): ChangeRequest {
    const problems = new ProblemCollector();
    const { bsn, ...changes } = props.changes;
    if (bsn !== undefined) attemptUnprefixed(problems, () => { throw bsnNotChangeable(); });
    const proposed = pickProposed(changes);
    if (Object.keys(proposed).length === 0 && bsn === undefined) attemptUnprefixed(problems, () => { throw noChanges(); });
    const normalised = problems.attempt('changes', () => normalise(proposed, worker, today));
    const note = problems.attempt('note', () => boundedText(props.note, { max: NOTE_MAX, multiline: true }));
    problems.throwIfAny();
    return new ChangeRequest({
      id: props.id,
      agencyId: worker.agencyId,
      flexworkerId: worker.id,
      requestedBy: props.requestedBy,
      changes: normalised!,
      note: note!,
      flexworkerVersion: worker.version,
      status: 'OPEN',
      createdAt: props.at,
      decidedAt: null,
      decidedBy: null,
      rejectionReason: null,
      version: 1,
    });
  }

  static rehydrate(state: ChangeRequestState): ChangeRequest {
    return new ChangeRequest({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get flexworkerId(): string { return this.state.flexworkerId; }
  get requestedBy(): string { return this.state.requestedBy; }
  get changes(): ProposedChanges { return this.state.changes; }
  get note(): string { return this.state.note; }
  get flexworkerVersion(): number { return this.state.flexworkerVersion; }
  get status(): ChangeRequestStatus { return this.state.status; }
  get createdAt(): Date { return this.state.createdAt; }
  get decidedAt(): Date | null { return this.state.decidedAt; }
  get decidedBy(): string | null { return this.state.decidedBy; }
  get rejectionReason(): string | null { return this.state.rejectionReason; }
  get version(): number { return this.state.version; }

  /** The fields this request proposes, in a fixed order. */
  get fields(): ProposableField[] {
    return PROPOSABLE_FIELDS.filter((field) => this.state.changes[field] !== undefined);
  }

  get changesIban(): boolean {
    return this.state.changes.iban !== undefined;
  }

  approve(by: string, at: Date): void {
    this.requireOpen();
    this.state = { ...this.state, status: 'APPROVED', decidedBy: by, decidedAt: at };
  }

  /** Problem at `reason`. */
  reject(by: string, at: Date, reason: string): void {
    this.requireOpen();
    const problems = new ProblemCollector();
    const text = problems.attempt('reason', () => boundedText(reason, { max: REASON_MAX, multiline: true }));
    problems.throwIfAny();
    this.state = { ...this.state, status: 'REJECTED', decidedBy: by, decidedAt: at, rejectionReason: text! };
  }

  withVersion(version: number): ChangeRequest {
    return new ChangeRequest({ ...this.state, version });
  }

  toState(): ChangeRequestState {
    return { ...this.state };
  }

  private requireOpen(): void {
    if (this.state.status !== 'OPEN') throw alreadyDecided(this.state.status);
  }
}

function pickProposed(changes: ProposedChanges): ProposedChanges {
  const picked: Record<string, unknown> = {};
  for (const field of PROPOSABLE_FIELDS) if (changes[field] !== undefined) picked[field] = changes[field];
  return picked as ProposedChanges;
}

/**
 * Checks the values exactly as the staff update does, on a copy of the worker, and keeps them as
 * the record would (so that approving applies what the worker saw accepted).
 */
function normalise(proposed: ProposedChanges, worker: Flexworker, today: LocalDate): ProposedChanges {
  const copy = Flexworker.rehydrate(worker.toState());
  const { language, ...details } = proposed;
  const problems = new ProblemCollector();
  attemptUnprefixed(problems, () => copy.updatePersonalDetails(details as PersonalDetailsInput, today));
  if (language !== undefined) attemptUnprefixed(problems, () => copy.changeLanguage(language));
  problems.throwIfAny();
  const out: Record<string, unknown> = {};
  const set = (field: ProposableField, value: unknown) => {
    if (proposed[field] !== undefined) out[field] = value;
  };
  set('firstName', copy.name.firstName);
  set('lastName', copy.name.lastName);
  set('email', copy.email.value);
  set('phone', copy.phone?.value ?? null);
  set('dateOfBirth', copy.dateOfBirth?.toString() ?? null);
  set('address', copy.address ? addressInputOf(copy) : null);
  set('iban', copy.iban?.value ?? null);
  set('language', copy.language.code);
  return out as ProposedChanges;
}

function addressInputOf(worker: Flexworker): AddressInput {
  const a = worker.address!;
  return { street: a.street, houseNumber: a.houseNumber, postalCode: a.postalCode, city: a.city, country: a.country };
}
