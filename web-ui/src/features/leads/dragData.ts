/** The drag data type of a lead card (its id); columns accept only this. */
export const LEAD_DRAG_TYPE = 'application/x-crm-lead';
