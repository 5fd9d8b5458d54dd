import type { CustomerInput } from './types';

export type CustomerFieldErrors = Partial<Record<keyof CustomerInput, string>>;

// Mirrors customer-service's bean validation.
export const NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const PHONE_MAX = 40;
export const COMPANY_MAX = 200;
export const TAGS_MAX = 20;
export const TAG_MAX = 40;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()./-]*$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} ._&+#/-]*$/u;

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
  if (input.company.trim().length > COMPANY_MAX) errors.company = `Company must be at most ${COMPANY_MAX} characters`;
  const tagError = validateTags(input.tags);
  if (tagError) errors.tags = tagError;
  return errors;
}

function validateTags(tags: readonly string[]): string | undefined {
  if (tags.length > TAGS_MAX) return `At most ${TAGS_MAX} tags`;
  const bad = tags.map((tag) => tag.trim()).find((tag) => tag.length > TAG_MAX || !TAG.test(tag));
  if (bad === undefined) return undefined;
  return bad.length > TAG_MAX
    ? `A tag must be at most ${TAG_MAX} characters`
    : `“${bad}”: a tag starts with a letter or digit and holds only letters, digits, spaces and . _ & + # / -`;
}

export function hasErrors(errors: CustomerFieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
