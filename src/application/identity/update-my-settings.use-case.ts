import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { Language } from '../../domain/shared/language.value-object';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { Actor } from '../shared/actor';

export interface UpdateMySettingsInput {
  readonly language?: string;
}

/**
 * A person changes their own portal settings (the language menu). For a flexworker the worker
 * record's language changes with it, in one transaction, so messages to them follow their choice.
 */
export class UpdateMySettingsUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly flexworkers: FlexworkerRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(actor: Actor, input: UpdateMySettingsInput): Promise<void> {
    if (actor.kind !== 'USER') throw new ForbiddenError('ROLE_NOT_ALLOWED', 'Only people have portal settings');
    if (input.language === undefined) return;
    let language: Language;
    try {
      language = Language.parse(input.language);
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('language') : error;
    }
    await this.unitOfWork.run(async () => {
      const user = await this.users.findById(actor.agencyId, actor.id);
      if (!user) throw new NotFoundError('User', actor.id);
      user.changeLanguage(language.code);
      await this.users.update(user);
      if (user.flexworkerId) {
        const worker = await this.flexworkers.findById(actor.agencyId, user.flexworkerId);
        if (!worker) throw new NotFoundError('Flexworker', user.flexworkerId);
        worker.changeLanguage(language.code);
        await this.flexworkers.update(worker);
      }
    });
  }
}
