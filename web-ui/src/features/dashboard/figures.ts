/** The headline figures, in the order the cards show them. */
export const FIGURES = ['customers', 'openLeads', 'pipelineValue', 'revenue', 'conversionRate', 'followUpsDue'] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_LABELS: Record<Figure, string> = {
  customers: 'Customers',
  openLeads: 'Open leads',
  pipelineValue: 'Pipeline value',
  revenue: 'Revenue this month',
  conversionRate: 'Conversion rate',
  followUpsDue: 'Follow-ups due',
};

