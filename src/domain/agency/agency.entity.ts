import { ProblemCollector } from '../shared/domain-error';
import { boundedText } from '../shared/text';
import { AgencySettings, AgencySettingsInput } from './agency-settings.value-object';

export interface CreateAgencyProps {
  readonly id: string;
  readonly name: string;
  readonly settings?: AgencySettingsInput;
}

export interface AgencyState {
  readonly id: string;
  readonly name: string;
  readonly settings: AgencySettings;
  readonly version: number;
}

/** The tenant: a staffing agency (uitzendbureau). Every other row belongs to one. */
export class Agency {
  private constructor(private state: AgencyState) {}

  /** Problems at `name` and `settings.<field>`; settings left out take the defaults. */
  static create(props: CreateAgencyProps): Agency {
    const problems = new ProblemCollector();
    const name = problems.attempt('name', () => parseName(props.name));
    const settings = problems.attempt('settings', () => AgencySettings.DEFAULT.with(props.settings ?? {}));
    problems.throwIfAny();
    return new Agency({ id: props.id, name: name!, settings: settings!, version: 1 });
  }

  static rehydrate(state: AgencyState): Agency {
    return new Agency({ ...state });
  }

  get id(): string { return this.state.id; }
  get name(): string { return this.state.name; }
  get settings(): AgencySettings { return this.state.settings; }
  get version(): number { return this.state.version; }

  rename(name: string): void {
    const problems = new ProblemCollector();
    const parsed = problems.attempt('name', () => parseName(name));
    problems.throwIfAny();
    this.state = { ...this.state, name: parsed! };
  }

  /** Applies the given settings (others unchanged); problems at the input's field paths. */
  changeSettings(input: AgencySettingsInput): void {
    this.state = { ...this.state, settings: this.state.settings.with(input) };
  }

  withVersion(version: number): Agency {
    return new Agency({ ...this.state, version });
  }

  toState(): AgencyState {
    return { ...this.state };
  }
}

function parseName(name: string): string {
  return boundedText(name, { max: 200 });
}
