export type FollowUpStatus = 'OPEN' | 'DONE' | 'CANCELLED';

export interface FollowUp {
  id: string;
  customerId: string;
  /** As activity-service knows it from customer events; null when it never heard the name. */
  customerName: string | null;
  leadId: string | null;
  leadTitle: string | null;
  title: string;
  notes: string | null;
  dueAt: string;
  assignee: string;
  assigneeName: string | null;
  status: FollowUpStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  version: number;
}

export interface FollowUpAssignee {
  id: string;
  name: string;
}

/** The "My follow-ups" sections; the server cuts them in the user's time zone, without overlap. */
export type DueWindow = 'overdue' | 'today' | 'week';

export interface FollowUpListArgs {
  customerId?: string;
  leadId?: string;
  assignee?: string;
  status?: FollowUpStatus;
  due?: DueWindow;
  zone?: string;
}

export interface NewFollowUpInput {
  customerId: string;
  /** The lead it is about, if any (the lead page's). */
  leadId?: string;
  title: string;
  notes: string;
  /** An ISO instant. */
  dueAt: string;
  /** A user id; empty means the caller. */
  assignee: string;
}
