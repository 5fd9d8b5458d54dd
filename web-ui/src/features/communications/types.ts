export const COMMUNICATION_TYPES = ['CALL', 'EMAIL', 'MEETING', 'MESSAGE'] as const;
export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

export type CommunicationType = (typeof COMMUNICATION_TYPES)[number];
export type Direction = (typeof DIRECTIONS)[number];

export interface Communication {
  id: string;
  customerId: string;
  type: CommunicationType;
  direction: Direction;
  subject: string;
  /** Sanitised HTML; '' when none was given. */
  body: string;
  occurredAt: string;
  participants: string[];
  durationMinutes: number | null;
  loggedBy: string;
  loggedByName: string;
  loggedAt: string;
}

export interface NewCommunication {
  type: CommunicationType;
  direction: Direction;
  subject: string;
  body: string;
  occurredAt: string;
  participants: string[];
  durationMinutes: number | null;
}
