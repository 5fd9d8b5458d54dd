import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney, formatMoneyList, formatPercent } from '../../lib/format';
import { REPORT_POLL_MS } from '../reports/reportsApi';
import { useGetDashboardQuery } from './dashboardApi';
import { FIGURE_LABELS, FIGURES, type Figure } from './figures';
import type { DashboardSummary } from './types';
import type { Money } from '../reports/types';

const count = new Intl.NumberFormat();

/** How many currencies a card lists before "+N more". */
export const MONEY_LINES = 3;

type Shown = { value: string; amounts?: readonly Money[]; note?: string };

function figureOf(summary: DashboardSummary, figure: Figure): Shown {
  switch (figure) {
    case 'customers':
      return { value: count.format(summary.customers), note: `${count.format(summary.newCustomers)} new this month` };
    case 'openLeads':
      return { value: count.format(summary.openLeads) };
    case 'pipelineValue':
      return { value: formatMoneyList(summary.pipelineValue), amounts: summary.pipelineValue };
    case 'revenue':
      return { value: formatMoneyList(summary.revenue), amounts: summary.revenue };
    case 'conversionRate':
      return {
        value: formatPercent(summary.conversionRate),
        note: `${count.format(summary.wonLeads)} won, ${count.format(summary.lostLeads)} lost`,
      };
    case 'followUpsDue':
      return { value: count.format(summary.followUpsDue), note: 'by the end of today' };
  }
}

/**
 * Money in several currencies: one currency a line (figures aligned), the first few, then "+N more" naming the rest
 * in its title; the rest stay readable for a screen reader.
 */
function MoneyLines({ amounts }: { amounts: readonly Money[] }) {
  const lines = amounts.map(({ amount, currency }) => formatMoney(amount, currency));
  const hidden = lines.slice(MONEY_LINES);
  return (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column', fontSize: '1.25rem', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {lines.slice(0, MONEY_LINES).map((line) => (
        <span key={line}>{line}</span>
      ))}
      {hidden.length > 0 && (
        <Box component="span" title={lines.join('\n')} sx={{ typography: 'body2', color: 'text.secondary' }}>
          <span aria-hidden>+{hidden.length} more</span>
          <Box component="span" sx={visuallyHidden}>
            {`, ${hidden.join(', ')}`}
          </Box>
        </Box>
      )}
    </Box>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The headline figures as cards: a list a screen reader reads as "label, value". */
export function HeadlineCards({ figures = FIGURES, label = 'Headline figures' }: { figures?: readonly Figure[]; label?: string }) {
  const { data, error, isLoading } = useGetDashboardQuery(undefined, {
    pollingInterval: REPORT_POLL_MS,
    skipPollingIfUnfocused: true,
  });
  if (error) return <ErrorAlert error={error} />;
  return (
    <Box
      component="ul"
      aria-label={label}
      aria-busy={isLoading}
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(3, minmax(0, 1fr))', lg: 'repeat(6, minmax(0, 1fr))' },
      }}
    >
      {figures.map((figure) => {
        const shown = data ? figureOf(data, figure) : undefined;
        return (
          <Paper component="li" key={figure} aria-label={FIGURE_LABELS[figure]} sx={{ p: 2, minWidth: 0, position: 'relative' }}>
            <Typography variant="body2" color="text.secondary">
              {FIGURE_LABELS[figure]}
            </Typography>
            <Typography variant="h5" component="p" sx={{ overflowWrap: 'anywhere' }}>
              {shown?.amounts && shown.amounts.length > 1 ? <MoneyLines amounts={shown.amounts} /> : (shown?.value ?? '…')}
            </Typography>
            {shown?.note && (
              <Typography variant="caption" color="text.secondary">
                {shown.note}
              </Typography>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
