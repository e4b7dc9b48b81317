import { DocumentDeps } from '../../../../src/application/document/document-deps';
import { OpenDocumentLink } from '../../../../src/application/document/document-link.use-case';
import { ListDocuments } from '../../../../src/application/document/list-documents.use-case';
import { UploadDocument, UploadDocumentInput } from '../../../../src/application/document/upload-document.use-case';
import { Actor } from '../../../../src/application/shared/actor';
import { Agency } from '../../../../src/domain/agency/agency.entity';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { FakeUnitOfWork, mapParticipant } from '../../../support/fakes/fake-unit-of-work';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { FakeLinkSigner, FakePdfInspector, InMemoryDocumentRepository, InMemoryDocumentStore } from '../../../support/fakes/in-memory-documents';
import { InMemoryAgencyRepository, InMemoryFlexworkerRepository } from '../../../support/fakes/in-memory-organisation.repositories';
import { aFlexworker, anAgency } from '../../../support/mothers/organisation.mother';

const NOW = new Date('2026-11-25T09:00:00Z');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

function world() {
  const documents = new InMemoryDocumentRepository();
  const store = new InMemoryDocumentStore();
  const agencies = new InMemoryAgencyRepository();
  const flexworkers = new InMemoryFlexworkerRepository();
  const clock = new FixedClock(NOW);
  const deps: DocumentDeps = {
    documents,
    store,
    pdf: new FakePdfInspector(),
    links: new FakeLinkSigner(),
    flexworkers,
    agencies,
    unitOfWork: new FakeUnitOfWork([mapParticipant(documents.rows)]),
    ids: new SequentialIds('doc'),
    clock,
    settings: { maxBytes: 1000, linkTtlSeconds: 300 },
  };
  const agency = anAgency();
  const other = anAgency();
  const worker = aFlexworker(agency.id);
  const colleague = aFlexworker(agency.id);
  const stranger = aFlexworker(other.id);
  const actors = {
    payroll: { kind: 'API_CLIENT', id: 'key-1', role: 'PAYROLL', agencyId: agency.id } as Actor,
    staff: { kind: 'USER', id: 'staff-1', role: 'AGENCY_STAFF', agencyId: agency.id } as Actor,
    worker: { kind: 'USER', id: 'user-w', role: 'FLEXWORKER', agencyId: agency.id, flexworkerId: worker.id } as Actor,
    contact: { kind: 'USER', id: 'user-c', role: 'RELATION_CONTACT', agencyId: agency.id, relationId: 'rel-1' } as Actor,
    otherPayroll: { kind: 'API_CLIENT', id: 'key-2', role: 'PAYROLL', agencyId: other.id } as Actor,
  };
  const seed = async () => {
    await Promise.all([agencies.insert(agency), agencies.insert(other)]);
    await Promise.all([flexworkers.insert(worker), flexworkers.insert(colleague), flexworkers.insert(stranger)]);
  };
  const useCases = {
    upload: new UploadDocument(deps),
    payslips: new ListDocuments(deps, 'PAYSLIP'),
    annual: new ListDocuments(deps, 'ANNUAL_STATEMENT'),
    open: new OpenDocumentLink(deps),
  };
  return { deps, documents, store, agencies, clock, agency, worker, colleague, stranger, actors, seed, ...useCases };
}

type World = ReturnType<typeof world>;

const payslip = (flexworkerId: string, start: string, end: string, payDate: string, content = pdf(`${start}`)): UploadDocumentInput => ({
  flexworkerId,
  subject: { kind: 'PAYSLIP', periodStart: start, periodEnd: end, payDate },
  content,
});

async function refusal(work: Promise<unknown>): Promise<{ category: string; reason: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { category: error.category, reason: error.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('document use cases', () => {
  let w: World;
  beforeEach(async () => {
    w = world();
    await w.seed();
  });

  it('numbers uploads of the same period 1, 2, … and lists only the latest', async () => {
    const first = await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', pdf('v1')));
    const second = await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-26', pdf('v2')));
    expect([first.version, second.version, second.previousVersionId]).toEqual([1, 2, first.id]);
    const listed = await w.payslips.execute(w.actors.worker);
    expect(listed.items.map((v) => v.document.id)).toEqual([second.id]);
    expect(w.documents.rows.size).toBe(2);
  });

  it('lists newest pay date first, each with a link for the viewer that expires after the TTL', async () => {
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-02', '2026-11-08', '2026-11-11'));
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'));
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-09', '2026-11-15', '2026-11-18'));
    const page = await w.payslips.execute(w.actors.worker, { first: 2 });
    expect(page.items.map((v) => v.document.subject.kind === 'PAYSLIP' && v.document.subject.period.payDate.toString())).toEqual(['2026-11-25', '2026-11-18']);
    expect(page.hasNextPage).toBe(true);
    expect(page.items[0].link.expiresAt).toEqual(new Date(NOW.getTime() + 300_000));
    const rest = await w.payslips.execute(w.actors.worker, { first: 2, after: page.endCursor });
    expect(rest.items).toHaveLength(1);
  });

  it('refuses a bad upload before anything is stored', async () => {
    const cases: [Actor, UploadDocumentInput, string][] = [
      [w.actors.worker, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'), 'ROLE_NOT_ALLOWED'],
      [w.actors.contact, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'), 'ROLE_NOT_ALLOWED'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-22', '2026-11-16', '2026-11-25'), 'PERIOD_END_BEFORE_START'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '25-11-2026'), 'LOCAL_DATE_FORMAT'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', Buffer.from('plain text')), 'DOCUMENT_NOT_PDF'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', pdf('BROKEN')), 'DOCUMENT_UNREADABLE'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', pdf('x'.repeat(1000))), 'DOCUMENT_TOO_LARGE'],
      [w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', Buffer.alloc(0)), 'DOCUMENT_EMPTY'],
      [w.actors.payroll, payslip(w.stranger.id, '2026-11-16', '2026-11-22', '2026-11-25'), 'NOT_FOUND'],
      [w.actors.payroll, { ...payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'), fileName: 'a/b.pdf' }, 'FILE_NAME_INVALID'],
      [w.actors.payroll, { flexworkerId: w.worker.id, subject: { kind: 'ANNUAL_STATEMENT', year: '26' }, content: pdf('y') }, 'DOCUMENT_YEAR_RANGE'],
    ];
    for (const [actor, input, reason] of cases) {
      expect({ reason: (await refusal(w.upload.execute(actor, input))).reason }).toEqual({ reason });
    }
    expect([w.documents.rows.size, w.store.blobs.size]).toEqual([0, 0]);
  });

  it('reports every problem of a period at once', async () => {
    const input: UploadDocumentInput = { flexworkerId: w.worker.id, subject: { kind: 'PAYSLIP', periodStart: 'x', periodEnd: null, payDate: '2026-02-30' }, content: pdf('p') };
    try {
      await w.upload.execute(w.actors.payroll, input);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { problems: { path: string; reason: string }[] }).problems.map((p) => [p.path, p.reason])).toEqual([
        ['periodStart', 'LOCAL_DATE_FORMAT'],
        ['periodEnd', 'DOCUMENT_DATE_MISSING'],
        ['payDate', 'LOCAL_DATE_INVALID'],
      ]);
    }
  });

  it('shows a worker only their own; staff and payroll the agency; contacts nothing', async () => {
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'));
    await w.upload.execute(w.actors.staff, payslip(w.colleague.id, '2026-11-16', '2026-11-22', '2026-11-25'));
    const ids = async (actor: Actor, flexworkerId?: string) => (await w.payslips.execute(actor, { flexworkerId })).items.map((v) => v.document.flexworkerId);
    expect(await ids(w.actors.worker)).toEqual([w.worker.id]);
    expect(await ids(w.actors.worker, w.colleague.id)).toEqual([]);
    expect((await ids(w.actors.staff)).sort()).toEqual([w.worker.id, w.colleague.id].sort());
    expect(await ids(w.actors.payroll, w.colleague.id)).toEqual([w.colleague.id]);
    expect(await ids(w.actors.otherPayroll)).toEqual([]);
    expect(await refusal(w.payslips.execute(w.actors.contact))).toEqual({ category: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('refuses the worker a list and a link of a tab the agency hides (TAB_DISABLED); staff go on', async () => {
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25'));
    const [view] = (await w.payslips.execute(w.actors.worker)).items;
    const agency = (await w.agencies.findById(w.agency.id)) as Agency;
    agency.changeSettings({ enabledTabs: ['ANNUAL_STATEMENTS'] });
    await w.agencies.update(agency);
    expect(await refusal(w.payslips.execute(w.actors.worker))).toEqual({ category: 'FORBIDDEN', reason: 'TAB_DISABLED' });
    expect(await refusal(w.open.execute(view.link.token))).toEqual({ category: 'FORBIDDEN', reason: 'TAB_DISABLED' });
    expect((await w.annual.execute(w.actors.worker)).items).toEqual([]);
    const [staffView] = (await w.payslips.execute(w.actors.staff)).items;
    expect((await w.open.execute(staffView.link.token)).content.toString('latin1')).toContain('%PDF-');
  });

  it('opens a link until it expires, and no link it did not make', async () => {
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', pdf('the bytes')));
    const [view] = (await w.payslips.execute(w.actors.worker)).items;
    expect((await w.open.execute(view.link.token)).content.equals(pdf('the bytes'))).toBe(true);
    w.clock.set(new Date(view.link.expiresAt.getTime() - 1));
    await w.open.execute(view.link.token);
    w.clock.set(view.link.expiresAt);
    expect(await refusal(w.open.execute(view.link.token))).toEqual({ category: 'FORBIDDEN', reason: 'DOCUMENT_LINK_EXPIRED' });
    expect(await refusal(w.open.execute('forged'))).toEqual({ category: 'FORBIDDEN', reason: 'DOCUMENT_LINK_INVALID' });
  });

  it('stores the same bytes once for two workers', async () => {
    const bytes = pdf('shared');
    await w.upload.execute(w.actors.payroll, payslip(w.worker.id, '2026-11-16', '2026-11-22', '2026-11-25', bytes));
    await w.upload.execute(w.actors.payroll, payslip(w.colleague.id, '2026-11-16', '2026-11-22', '2026-11-25', bytes));
    expect([w.documents.rows.size, w.store.blobs.size]).toEqual([2, 1]);
  });
});
