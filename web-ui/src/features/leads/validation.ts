import { plainAmount } from '../../lib/amount';
import type { LeadInput } from './types';

export type LeadField = keyof LeadInput | 'customerId' | 'assignee';
export type LeadFieldErrors = Partial<Record<LeadField, string>>;

// Mirrors lead-service's bean validation.
export const TITLE_MAX = 200;
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Za-z]{3}$/;

export function validateLead(input: LeadInput & { customerId?: string }, needsCustomer: boolean): LeadFieldErrors {
  const errors: LeadFieldErrors = {};
  const title = input.title.trim();
  const value = plainAmount(input.value);
  if (needsCustomer && !input.customerId) errors.customerId = 'Choose the customer';
  if (!title) errors.title = 'Title is required';
  else if (title.length > TITLE_MAX) errors.title = `Title must be at most ${TITLE_MAX} characters`;
  if (!value) errors.value = 'Value is required';
  else if (!AMOUNT.test(value)) errors.value = 'Enter an amount like 12500 or 12500.50';
  if (!CURRENCY.test(input.currency.trim())) errors.currency = 'A three-letter ISO code, like EUR';
  return errors;
}

export function hasErrors(errors: LeadFieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
