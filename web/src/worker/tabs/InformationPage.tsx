import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemAt } from '../../app/errors';
import { Button, ErrorMessage, Field, Notice, Page, TextArea } from '../../app/ui';
import {
  TabsMyChangeRequestsDocument,
  TabsMyInformationDocument,
  TabsRequestPersonalDataChangeDocument,
  type ProposedPersonalDataInput,
  type TabsChangeRequestFieldsFragment,
  type TabsMyInformationQuery,
} from '../../gql/graphql';
import { formatDate, formatMoment, TabState } from './shared';
import './tabs.css';
import { LoadMore } from '../../shared/LoadMore';

/*
 * "Jouw gegevens" (/information): the worker's data as the agency knows it (BSN and IBAN masked by
 * the server), how to reach the agency, "Geef het ons door": a change request (a new IBAN needs the
 * password again), and the requests sent with their state.
 */
export default function InformationPage() {
  const { t } = useTranslation('tabs');
  const { data, error, loading } = useQuery(TabsMyInformationDocument);
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const title = t('info.title');
  const info = data?.myInformation;
  if (!info) return <TabState title={title} error={error} loading={loading} />;
  const worker = info.flexworker;
  const contact = info.agencyContact;
  const none = t('info.none');
  return (
    <Page title={title}>
      <section aria-labelledby="tabs-info-data" className="card tabs-box">
        <h2 id="tabs-info-data">{t('info.data')}</h2>
        <dl className="tabs-facts tabs-facts-wide">
          <Fact label={t('info.name')} value={worker.fullName} />
          <Fact label={t('info.email')} value={worker.email ?? none} />
          <Fact label={t('info.phone')} value={worker.phone ?? none} />
          <Fact label={t('info.dateOfBirth')} value={worker.dateOfBirth ? formatDate(worker.dateOfBirth, 'long') : none} />
          <Fact label={t('info.address')} value={worker.address ? formatAddress(worker.address) : none} />
          <Fact label={t('info.bsn')} value={worker.bsnMasked ?? none} />
          <Fact label={t('info.iban')} value={worker.ibanMasked ?? none} />
        </dl>
      </section>

      <section aria-labelledby="tabs-info-agency" className="card tabs-box">
        <h2 id="tabs-info-agency">{t('info.agency', { name: contact.name })}</h2>
        <dl className="tabs-facts tabs-facts-wide">
          <div>
            <dt>{t('info.email')}</dt>
            <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none}</dd>
          </div>
          <div>
            <dt>{t('info.phone')}</dt>
            <dd>{contact.phone ? <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a> : none}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="tabs-info-change">
        <h2 id="tabs-info-change">{t('info.change')}</h2>
        {sent && <Notice kind="success">{t('info.sent')}</Notice>}
        {asking ? (
          <ChangeForm
            onDone={() => {
              setAsking(false);
              setSent(true);
            }}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <>
            <p>{t('info.changeLead')}</p>
            <Button
              variant="primary"
              onClick={() => {
                setSent(false);
                setAsking(true);
              }}
            >
              {t('info.changeStart')}
            </Button>
          </>
        )}
      </section>

      <ChangeRequests />
    </Page>
  );
}

function Fact(props: { label: string; value: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

type Address = NonNullable<TabsMyInformationQuery['myInformation']['flexworker']['address']>;

function formatAddress(address: Pick<Address, 'street' | 'houseNumber' | 'postalCode' | 'city'> & { country?: string }): string {
  const country = address.country && address.country !== 'NL' ? `, ${address.country}` : '';
  return `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.city}${country}`;
}

const EMPTY = { firstName: '', lastName: '', email: '', phone: '', dateOfBirth: '', street: '', houseNumber: '', postalCode: '', city: '', iban: '', password: '', note: '' };

function ChangeForm(props: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('tabs');
  const [form, setForm] = useState(EMPTY);
  const [nothing, setNothing] = useState(false);
  const [request, { loading, error }] = useMutation(TabsRequestPersonalDataChangeDocument, { refetchQueries: [TabsMyChangeRequestsDocument] });
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  const addressTouched = !!(form.street || form.houseNumber || form.postalCode || form.city);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes: ProposedPersonalDataInput = {};
    if (form.firstName.trim()) changes.firstName = form.firstName;
    if (form.lastName.trim()) changes.lastName = form.lastName;
    if (form.email.trim()) changes.email = form.email;
    if (form.phone.trim()) changes.phone = form.phone;
    if (form.dateOfBirth) changes.dateOfBirth = form.dateOfBirth;
    if (addressTouched) changes.address = { street: form.street, houseNumber: form.houseNumber, postalCode: form.postalCode, city: form.city };
    if (form.iban.trim()) changes.iban = form.iban.replace(/\s+/g, '');
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    const result = await request({
      variables: { input: { changes, note: form.note, ...(changes.iban ? { currentPassword: form.password } : {}) } },
    }).catch(() => null);
    if (result?.data) props.onDone();
  };

  const at = (path: string) => problemAt(error, path);
  const fieldProblems = ['changes', 'changes.firstName', 'changes.lastName', 'changes.email', 'changes.phone', 'changes.dateOfBirth', 'changes.iban', 'changes.address', 'changes.address.street', 'changes.address.houseNumber', 'changes.address.postalCode', 'changes.address.city', 'note', 'currentPassword'];
  const shownAtField = fieldProblems.some((p) => at(p));
  return (
    <form className="card tabs-box" onSubmit={submit} noValidate>
      <p className="hint">{t('info.formLead')}</p>
      <Field label={t('info.newFirstName')} name="firstName" autoComplete="given-name" value={form.firstName} onChange={set('firstName')} error={at('changes.firstName')} />
      <Field label={t('info.newLastName')} name="lastName" autoComplete="family-name" value={form.lastName} onChange={set('lastName')} error={at('changes.lastName')} />
      <Field label={t('info.newEmail')} name="email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={at('changes.email')} />
      <Field label={t('info.newPhone')} name="phone" type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} error={at('changes.phone')} />
      <Field label={t('info.newDateOfBirth')} name="dateOfBirth" type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} error={at('changes.dateOfBirth')} />
      <fieldset className="tabs-fieldset">
        <legend>{t('info.newAddress')}</legend>
        <Field label={t('info.street')} name="street" autoComplete="address-line1" value={form.street} onChange={set('street')} error={at('changes.address.street')} required={addressTouched} />
        <Field label={t('info.houseNumber')} name="houseNumber" value={form.houseNumber} onChange={set('houseNumber')} error={at('changes.address.houseNumber')} required={addressTouched} />
        <Field label={t('info.postalCode')} name="postalCode" autoComplete="postal-code" value={form.postalCode} onChange={set('postalCode')} error={at('changes.address.postalCode')} required={addressTouched} />
        <Field label={t('info.city')} name="city" autoComplete="address-level2" value={form.city} onChange={set('city')} error={at('changes.address.city')} required={addressTouched} />
      </fieldset>
      <Field label={t('info.newIban')} name="iban" autoComplete="off" value={form.iban} onChange={set('iban')} error={at('changes.iban')} hint={t('info.ibanHint')} />
      {form.iban.trim() && (
        <Field label={t('info.password')} name="currentPassword" type="password" autoComplete="current-password" required value={form.password} onChange={set('password')} error={at('currentPassword')} />
      )}
      <TextArea label={t('info.note')} name="note" required value={form.note} onChange={set('note')} error={at('note')} />
      {nothing && (
        <p className="field-error" role="alert">
          {t('info.nothing')}
        </p>
      )}
      {!shownAtField && <ErrorMessage error={error} />}
      <div className="actions">
        <Button type="submit" variant="primary" busy={loading}>
          {t('info.send')}
        </Button>
        <Button onClick={props.onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}

function ChangeRequests() {
  const { t } = useTranslation('tabs');
  const { data, error, fetchMore } = useQuery(TabsMyChangeRequestsDocument, { notifyOnNetworkStatusChange: true });
  const connection = data?.changeRequests;
  return (
    <section aria-labelledby="tabs-info-requests">
      <h2 id="tabs-info-requests">{t('info.requests')}</h2>
      <ErrorMessage error={error} />
      {connection && connection.nodes.length === 0 && <p>{t('info.noRequests')}</p>}
      {connection && connection.nodes.length > 0 && (
        <ul className="list tabs-cards">
          {connection.nodes.map((request) => (
            <ChangeRequestCard key={request.id} request={request} />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={connection?.pageInfo} load={(after) => fetchMore({ variables: { after } })} label={t('more')} />
    </section>
  );
}

function ChangeRequestCard(props: { request: TabsChangeRequestFieldsFragment }) {
  const { t } = useTranslation('tabs');
  const r = props.request;
  const p = r.proposed;
  const value = (field: string): string => {
    switch (field) {
      case 'FIRST_NAME':
        return p.firstName ?? '–';
      case 'LAST_NAME':
        return p.lastName ?? '–';
      case 'EMAIL':
        return p.email ?? '–';
      case 'PHONE':
        return p.phone ?? '–';
      case 'DATE_OF_BIRTH':
        return p.dateOfBirth ? formatDate(p.dateOfBirth) : '–';
      case 'ADDRESS':
        return p.address ? formatAddress(p.address) : '–';
      case 'IBAN':
        return p.ibanMasked ?? '–';
      case 'LANGUAGE':
        return p.language ?? '–';
      default:
        return '';
    }
  };
  return (
    <li className="card tabs-box">
      <div className="tabs-line-head">
        <strong>{formatMoment(r.createdAt)}</strong>
        <span className={`badge tabs-status tabs-request-${r.status.toLowerCase()}`}>{t(`info.status.${r.status}`)}</span>
      </div>
      <dl className="tabs-facts tabs-facts-wide">
        {p.fields.map((field) => (
          <Fact key={field} label={t(`info.field.${field}`)} value={value(field)} />
        ))}
      </dl>
      <p className="tabs-note">{r.note}</p>
      {r.status === 'REJECTED' && r.rejectionReason && (
        <Notice kind="warning">
          {t('info.rejectedBecause')} {r.rejectionReason}
        </Notice>
      )}
      {r.decidedAt && <p className="tabs-meta">{t('info.decidedAt', { when: formatMoment(r.decidedAt) })}</p>}
    </li>
  );
}
