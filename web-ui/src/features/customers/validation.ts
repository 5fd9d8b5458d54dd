import type { CustomerInput } from './types';

export type CustomerFieldErrors = Partial<Record<keyof CustomerInput, string>>;

// Mirrors customer-service's bean validation.
export const NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const PHONE_MAX = 40;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()./-]*$/;

export function validateCustomer(input: CustomerInput): CustomerFieldErrors {
  const errors: CustomerFieldErrors = {};
  const name = input.name.trim();
  const email = input.email.trim();
  const phone = input.phone.trim();
  if (!name) errors.name = 'Name is required';
  else if (name.length > NAME_MAX) errors.name = `Name must be at most ${NAME_MAX} characters`;
  if (!email) errors.email = 'Email is required';
  else if (email.length > EMAIL_MAX) errors.email = `Email must be at most ${EMAIL_MAX} characters`;
  else if (!EMAIL.test(email)) errors.email = 'Enter a valid email address';
  if (phone.length > PHONE_MAX) errors.phone = `Phone must be at most ${PHONE_MAX} characters`;
  else if (!PHONE.test(phone)) errors.phone = 'Phone may contain digits, spaces and + ( ) . / -';
  return errors;
}

export function hasErrors(errors: CustomerFieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
