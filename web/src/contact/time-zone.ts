import { useQuery } from '@apollo/client/react';
import { ContactAgencyTimeZoneDocument } from '../gql/graphql';

/** The agency's IANA time zone (every viewer of the agency may read it); undefined while it loads. */
export function useAgencyTimeZone(): string | undefined {
  const { data } = useQuery(ContactAgencyTimeZoneDocument, { fetchPolicy: 'cache-first' });
  return data?.agency.settings.timeZone;
}
