import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DocumentView } from '../../application/document/list-documents.use-case';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { LocalDateScalar } from '../shared/local-date.scalar';

/** Makes the absolute download URL of a link token (PUBLIC_URL or the server's own address, then /documents/<token>). */
export type DownloadUrlOf = (token: string) => string;

const DOWNLOAD_URL =
  'A link to the PDF for this viewer, valid for a few minutes (DOCUMENT_LINK_TTL_SECONDS, 5 by default): it needs no token or cookie, so a plain `<a href>` works. Ask for the list again for a fresh one.';
const EXPIRES_AT = 'When downloadUrl stops working (403/410 after that).';

@ObjectType('Payslip', { description: "A worker's payslip for one pay period, uploaded by payroll as a PDF (the latest version of that period)." })
export class PayslipType {
  @Field(() => ID, { description: 'The id of this version of the payslip.' }) id: string;
  @Field(() => ID, { description: 'The worker it is for (Flexworker.id).' }) flexworkerId: string;
  @Field(() => LocalDateScalar, { description: 'The first day of the pay period.' }) periodStart: string;
  @Field(() => LocalDateScalar, { description: 'The last day of the pay period (inclusive).' }) periodEnd: string;
  @Field(() => LocalDateScalar, { description: 'The day the pay is paid.' }) payDate: string;
  @Field(() => Int, { description: 'Which upload of this period it is: 1 for the first; a correction by payroll is 2, 3, …' }) version: number;
  @Field({ description: 'The file name the download gets, e.g. payslip-2026-11-16-2026-11-22.pdf.' }) fileName: string;
  @Field(() => Int, { description: 'The size of the PDF in bytes.' }) size: number;
  @Field({ description: 'When payroll uploaded this version.' }) uploadedAt: Date;
  @Field({ description: DOWNLOAD_URL }) downloadUrl: string;
  @Field({ description: EXPIRES_AT }) downloadUrlExpiresAt: Date;

  static from(view: DocumentView, urlOf: DownloadUrlOf): PayslipType {
    const { document, link } = view;
    const subject = document.subject;
    if (subject.kind !== 'PAYSLIP') throw new Error(`Document ${document.id} is not a payslip`);
    return Object.assign(new PayslipType(), {
      id: document.id,
      flexworkerId: document.flexworkerId,
      periodStart: subject.period.start.toString(),
      periodEnd: subject.period.end.toString(),
      payDate: subject.period.payDate.toString(),
      version: document.version,
      fileName: document.fileName,
      size: document.size,
      uploadedAt: document.uploadedAt,
      downloadUrl: urlOf(link.token),
      downloadUrlExpiresAt: link.expiresAt,
    });
  }
}

@ObjectType('AnnualStatement', { description: "A worker's annual statement (jaaropgave) for one year, uploaded by payroll as a PDF (the latest version of that year)." })
export class AnnualStatementType {
  @Field(() => ID, { description: 'The id of this version of the statement.' }) id: string;
  @Field(() => ID, { description: 'The worker it is for (Flexworker.id).' }) flexworkerId: string;
  @Field(() => Int, { description: 'The calendar year it covers.' }) year: number;
  @Field(() => Int, { description: 'Which upload of this year it is: 1 for the first; a correction by payroll is 2, 3, …' }) version: number;
  @Field({ description: 'The file name the download gets, e.g. annual-statement-2026.pdf.' }) fileName: string;
  @Field(() => Int, { description: 'The size of the PDF in bytes.' }) size: number;
  @Field({ description: 'When payroll uploaded this version.' }) uploadedAt: Date;
  @Field({ description: DOWNLOAD_URL }) downloadUrl: string;
  @Field({ description: EXPIRES_AT }) downloadUrlExpiresAt: Date;

  static from(view: DocumentView, urlOf: DownloadUrlOf): AnnualStatementType {
    const { document, link } = view;
    const subject = document.subject;
    if (subject.kind !== 'ANNUAL_STATEMENT') throw new Error(`Document ${document.id} is not an annual statement`);
    return Object.assign(new AnnualStatementType(), {
      id: document.id,
      flexworkerId: document.flexworkerId,
      year: subject.year.year,
      version: document.version,
      fileName: document.fileName,
      size: document.size,
      uploadedAt: document.uploadedAt,
      downloadUrl: urlOf(link.token),
      downloadUrlExpiresAt: link.expiresAt,
    });
  }
}

@ObjectType('PayslipEdge', { description: EDGE_DESCRIPTION })
export class PayslipEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => PayslipType, { description: 'The payslip.' }) node: PayslipType;
}

@ObjectType('PayslipConnection', { description: 'A page of payslips, newest pay date first (Relay connection).' })
export class PayslipConnection {
  @Field(() => [PayslipEdge], { description: EDGES_DESCRIPTION }) edges: PayslipEdge[];
  @Field(() => [PayslipType], { description: NODES_DESCRIPTION }) nodes: PayslipType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('AnnualStatementEdge', { description: EDGE_DESCRIPTION })
export class AnnualStatementEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => AnnualStatementType, { description: 'The annual statement.' }) node: AnnualStatementType;
}

@ObjectType('AnnualStatementConnection', { description: 'A page of annual statements, newest year first (Relay connection).' })
export class AnnualStatementConnection {
  @Field(() => [AnnualStatementEdge], { description: EDGES_DESCRIPTION }) edges: AnnualStatementEdge[];
  @Field(() => [AnnualStatementType], { description: NODES_DESCRIPTION }) nodes: AnnualStatementType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
