import { useParams } from 'wouter';
import { DeclarationDetail } from './DeclarationDetail';
import { Inbox } from './Inbox';
import './contact.css';

/** The relation contact's approvals: the inbox at /approvals, one week at /approvals/:id. */
export default function ApprovalsPage() {
  const params = useParams<{ id?: string }>();
  return params.id ? <DeclarationDetail key={params.id} id={params.id} /> : <Inbox />;
}
