import { TIMELINE_KINDS, type TimelineKind } from './timelineApi';

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

/**
 * The kinds a timeline asks for: those chosen, or with none chosen every kind offered but scores. Each move of a lead's
 * score would crowd out what people did (a note and the rescore it causes); the lead page shows the score's history.
 */
export function shownKinds(selected: readonly TimelineKind[], offered: readonly TimelineKind[] = TIMELINE_KINDS): TimelineKind[] {
  return selected.length > 0 ? [...selected] : offered.filter((kind) => kind !== 'score');
}
