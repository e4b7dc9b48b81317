import { PortalTab } from '../../domain/agency/agency-settings.value-object';
import { NotFoundError } from '../../domain/shared/domain-error';
import { Language } from '../../domain/shared/language.value-object';
import { AgencyRepository } from '../ports/agency.repository';
import { ApiClientRepository } from '../ports/api-client.repository';
import { UserRepository } from '../ports/user.repository';
import { Actor, Role } from '../shared/actor';

export interface ViewerView {
  readonly id: string;
  readonly role: Role;
  readonly displayName: string;
  readonly email: string | null;
  readonly language: string;
  readonly agencyId: string;
  readonly agencyName: string;
  /** The worker portal's tabs this viewer's front end shows: see `portalTabsOf`. */
  readonly enabledTabs: readonly PortalTab[];
  readonly flexworkerId: string | null;
  readonly relationId: string | null;
}

/**
 * The tabs are the worker portal's (declaration status, payslips, annual statements, personal
 * information, contact, documents): a worker gets those the agency enabled, in display order.
 * A relation contact writes to the agency too (issue 12), so they get CONTACT when it is enabled,
 * and no other tab. Staff and the payroll key have no worker portal, so they get none; staff
 * read and change the agency's choice in `agency.settings.enabledTabs`.
 */
export function portalTabsOf(role: Role, agencyTabs: ReadonlySet<PortalTab>): PortalTab[] {
  if (role === 'FLEXWORKER') return [...agencyTabs];
  if (role === 'RELATION_CONTACT') return agencyTabs.has('CONTACT') ? ['CONTACT'] : [];
  return [];
}

/** Who is logged in: role, agency, language and the portal tabs to show (the front end's set-up). */
export class GetViewerUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly apiClients: ApiClientRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  /**
   * `requestLanguage`: the language the request's messages come in where the viewer has none of its
   * own (an API key: the request's Accept-Language, negotiated; else the portal's default).
   */
  async execute(actor: Actor, requestLanguage?: string): Promise<ViewerView> {
    const agency = await this.agencies.findById(actor.agencyId);
    if (!agency) throw new NotFoundError('Agency', actor.agencyId);
    const base = { agencyId: agency.id, agencyName: agency.name };
    const tabsOf = (role: Role) => portalTabsOf(role, agency.settings.enabledTabs);
    if (actor.kind === 'API_CLIENT') {
      const client = await this.apiClients.findById(actor.agencyId, actor.id);
      if (!client) throw new NotFoundError('ApiClient', actor.id);
      return {
        ...base,
        id: client.id,
        role: client.role,
        enabledTabs: tabsOf(client.role),
        displayName: client.name,
        email: null,
        language: requestLanguage ?? Language.DEFAULT.code,
        flexworkerId: null,
        relationId: null,
      };
    }
    const user = await this.users.findById(actor.agencyId, actor.id);
    if (!user) throw new NotFoundError('User', actor.id);
    return {
      ...base,
      id: user.id,
      role: user.role,
      enabledTabs: tabsOf(user.role),
      displayName: user.displayName,
      email: user.email,
      language: user.language,
      flexworkerId: user.flexworkerId,
      relationId: user.relationId,
    };
  }
}
