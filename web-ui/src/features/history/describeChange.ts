import type { FieldChange } from './historyApi';

const RECORD_EVENTS: Record<string, string> = { created: 'Created', deleted: 'Deleted', restored: 'Restored' };

// Names whose generic wording reads badly; any other field is its name in words ("lostReason" → "Lost reason").
const LABELS: Record<string, string> = { ownerId: 'Owner', assignee: 'Assignee', email: 'Email' };

export const EMPTY_VALUE = '—';

/** Whether the entry is about the record itself (created, deleted, restored) rather than one field. */
export function recordEvent(change: FieldChange): string | undefined {
  return RECORD_EVENTS[change.field];
}

export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Fields whose values are codes (a lead's status and source, a payment's method): "IN_PROGRESS" reads "In progress".
const CODED_FIELDS = new Set(['status', 'source', 'method']);

export function valueText(value: string | null, field?: string): string {
  if (value === null || value === '') return EMPTY_VALUE;
  if (field && CODED_FIELDS.has(field) && /^[A-Z][A-Z0-9_]*$/.test(value)) {
    const words = value.toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return value;
}

export function actorText({ actorKind, actorName }: FieldChange): string {
  if (actorKind === 'system') return 'by the system';
  if (actorKind === 'client') return `by partner client ${actorName}`;
  return `by ${actorName}`;
}
