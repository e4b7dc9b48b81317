/**
 * Why a step of a payroll export is refused, each with its own stable reason. A state that does
 * not allow the step is a CONFLICT; a bad key or moment is BAD_USER_INPUT.
 */
export const PayrollReason = {
  EXPORT_EXPIRED: 'PAYROLL_EXPORT_EXPIRED',
  EXPORT_CANCELLED: 'PAYROLL_EXPORT_CANCELLED',
  EXPORT_CONFIRMED: 'PAYROLL_EXPORT_ALREADY_CONFIRMED',
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  UP_TO_IN_FUTURE: 'PAYROLL_UP_TO_IN_FUTURE',
} as const;
