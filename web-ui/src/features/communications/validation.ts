import type { CommunicationType, Direction, NewCommunication } from './types';

export const MAX_SUBJECT = 200;
export const MAX_PARTICIPANTS = 20;
export const MAX_PARTICIPANT = 200;
export const MAX_DURATION = 1440;
/** customer-service accepts a few minutes of clock skew; the form refuses anything later than now. */
const SKEW_MS = 60_000;

export interface CommunicationDraft {
  type: CommunicationType;
  direction: Direction;
  subject: string;
  body: string;
  /** A datetime-local value, in the browser's time zone. */
  occurredAt: string;
  participants: string;
  durationMinutes: string;
}

export type DraftErrors = Partial<Record<keyof CommunicationDraft, string>>;

/** Now as a datetime-local value (minutes), in the browser's time zone. */
export function localNow(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function participantsOf(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The same rules as customer-service, so most mistakes show before anything is sent. */
export function validateDraft(draft: CommunicationDraft, now = new Date()): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.subject.trim()) errors.subject = 'Subject is required';
  else if (draft.subject.trim().length > MAX_SUBJECT) errors.subject = `At most ${MAX_SUBJECT} characters`;
  const when = new Date(draft.occurredAt);
  if (!draft.occurredAt || Number.isNaN(when.getTime())) errors.occurredAt = 'Enter when it happened';
  else if (when.getTime() > now.getTime() + SKEW_MS) errors.occurredAt = 'Must not be in the future';
  else if (when.getFullYear() < 1900) errors.occurredAt = 'Must not be before 1900';
  const participants = participantsOf(draft.participants);
  if (participants.length > MAX_PARTICIPANTS) errors.participants = `At most ${MAX_PARTICIPANTS} participants`;
  else if (participants.some((name) => name.length > MAX_PARTICIPANT))
    errors.participants = `Each at most ${MAX_PARTICIPANT} characters`;
  if (draft.durationMinutes.trim()) {
    const minutes = Number(draft.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DURATION)
      errors.durationMinutes = `Whole minutes from 0 to ${MAX_DURATION}`;
  }
  return errors;
}

export function toRequest(draft: CommunicationDraft): NewCommunication {
  return {
    type: draft.type,
    direction: draft.direction,
    subject: draft.subject.trim(),
    body: draft.body,
    occurredAt: new Date(draft.occurredAt).toISOString(),
    participants: participantsOf(draft.participants),
    durationMinutes: draft.durationMinutes.trim() ? Number(draft.durationMinutes) : null,
  };
}

/** Field errors a 400/422 problem named, on the form's fields. */
export function serverErrors(errors: { field: string; message: string }[] | undefined): DraftErrors {
  const result: DraftErrors = {};
  const fields: (keyof CommunicationDraft)[] = ['type', 'direction', 'subject', 'body', 'occurredAt', 'participants',
    'durationMinutes'];
  for (const { field, message } of errors ?? []) {
    const key = fields.find((name) => field === name || field.startsWith(`${name}[`));
    if (key && !result[key]) result[key] = message;
  }
  return result;
}
