import type { Communication, CommunicationType, Direction } from './types';

export const TYPE_LABELS: Record<CommunicationType, string> = {
  CALL: 'Call',
  EMAIL: 'Email',
  MEETING: 'Meeting',
  MESSAGE: 'Message',
};

export const DIRECTION_LABELS: Record<Direction, string> = { INBOUND: 'Inbound', OUTBOUND: 'Outbound' };

/** "Inbound call", "Outbound meeting". */
export function kindOf({ type, direction }: Pick<Communication, 'type' | 'direction'>): string {
  return `${DIRECTION_LABELS[direction]} ${TYPE_LABELS[type].toLowerCase()}`;
}

export function durationOf(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
