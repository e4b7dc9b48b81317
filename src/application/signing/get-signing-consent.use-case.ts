import { NotFoundError } from '../../domain/shared/domain-error';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { ConsentStatement, consentStatement } from './consent';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { visibleRequest } from './signing-views';

/** The statement a worker agrees to when signing this document, in `language` (the viewer's): shown before signDocument. */
export class GetSigningConsent {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, id: string, language: string): Promise<ConsentStatement> {
    requireRole(actor, 'FLEXWORKER');
    const agency = await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await visibleRequest(this.deps, actor, id);
    const worker = actor.flexworkerId ? await this.deps.flexworkers.findById(actor.agencyId, actor.flexworkerId) : null;
    if (!worker) throw new NotFoundError('Flexworker', actor.flexworkerId);
    return consentStatement(this.deps.translator, language, { title: request.title, name: worker.name.fullName, agency: agency.name });
  }
}
