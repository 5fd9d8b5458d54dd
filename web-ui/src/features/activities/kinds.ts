import type { TimelineKind } from './timelineApi';

const KIND_LABELS: Record<TimelineKind, string> = {
  customer: 'Customers',
  lead: 'Leads',
  note: 'Notes',
  document: 'Documents',
  communication: 'Communications',
  'follow-up': 'Follow-ups',
  payment: 'Payments',
  score: 'Scores',
};

/** How a kind reads ("Follow-ups"); one this version does not know reads as sent. */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string | undefined>)[kind] ?? kind;
}
