export interface Note {
  id: string;
  authorId: string;
  authorName: string;
  /** HTML sanitised by the service that keeps it; rendered through DOMPurify all the same (SafeHtml). */
  body: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Whose notes: a customer's (customer-service) or a lead's (lead-service). */
export interface NoteSubject {
  kind: 'customer' | 'lead';
  id: string;
}

/** What the notes and communications sections need to know of the customer: who owns it (absent: nobody). */
export interface CustomerRef {
  id: string;
  ownerId?: string | null;
}
