/**
 * What a stored document is. PAYSLIP and ANNUAL_STATEMENT come from payroll (issue 10); documents
 * a worker must sign and message attachments will use the same store and table.
 */
export const DOCUMENT_KINDS = ['PAYSLIP', 'ANNUAL_STATEMENT', 'SIGN_REQUEST', 'ATTACHMENT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
