export interface Note {
  id: string;
  customerId: string;
  authorId: string;
  authorName: string;
  /** HTML sanitised by customer-service; rendered through DOMPurify all the same (SafeHtml). */
  body: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What the notes and communications sections need to know of the customer: who owns it (absent: nobody). */
export interface CustomerRef {
  id: string;
  ownerId?: string | null;
}
