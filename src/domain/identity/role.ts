/** What a user or machine client is to the agency; every permission follows from it. */
export const ROLES = ['FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF', 'PAYROLL'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of people who log in with e-mail and password (PAYROLL is an API client). */
export const USER_ROLES = ['FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF'] as const;
export type UserRole = (typeof USER_ROLES)[number];
