import { useMutation } from '@apollo/client/react';
import { dropFromConnection } from '../app/cache-policies';
import { ContactApprovalsApproveDocument, ContactApprovalsRejectDocument } from '../gql/graphql';

/*
 * The contact's two decisions, each updating the contact's own cache from its payload
 * (docs/front-end.md, "After each mutation"): the decided declarations leave the inbox, and a week
 * the relation entered leaves its open weeks. The objects in the payload update every screen that
 * shows them; nothing else needs a refetch for the contact.
 */

export function useApproveDeclarations() {
  return useMutation(ContactApprovalsApproveDocument, {
    update(cache, { data }) {
      if (!data) return;
      dropFromConnection(cache, 'declarationsAwaitingApproval', 'Declaration', data.approveDeclarations.removedFromAwaitingApproval);
      dropFromConnection(cache, 'openTimesheets', 'Timesheet', data.approveDeclarations.removedFromOpenTimesheets);
    },
  });
}

export function useRejectDeclaration() {
  return useMutation(ContactApprovalsRejectDocument, {
    update(cache, { data }) {
      if (!data) return;
      dropFromConnection(cache, 'declarationsAwaitingApproval', 'Declaration', data.rejectDeclaration.removedFromAwaitingApproval);
    },
  });
}

/** What the inbox says after a decision taken on a week's own screen (carried in the history state). */
export interface DecisionFlash {
  readonly decision: 'approved' | 'rejected';
  readonly name: string;
  readonly week: number;
}

export function isDecisionFlash(value: unknown): value is DecisionFlash {
  const flash = value as Partial<DecisionFlash> | null;
  return !!flash && (flash.decision === 'approved' || flash.decision === 'rejected') && typeof flash.name === 'string' && typeof flash.week === 'number';
}
