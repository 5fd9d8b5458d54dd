import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { leadsApi, useGetLeadScoreHistoryQuery, useGetLeadScoreQuery } from './leadsApi';
import type { LeadScore } from './types';
import { Sparkline } from './Sparkline';

// Scores are computed from events a moment after a change: look again while the page is open, soon while a new lead
// has none yet, and every second while the service says a change waits to be scored (after a move on this page).
const SCORE_POLL_MS = 10_000;
const FIRST_SCORE_POLL_MS = 2_000;
const PENDING_SCORE_POLL_MS = 1_000;
const MIN = 0;
const MAX = 100;

/** The factors lead-service's rules name today, as headings; another one reads as its kind, capitalised. */
const FACTOR_LABELS: Record<string, string> = {
  activity: 'Follow-ups',
  communication: 'Communications',
  customer: 'Customer updates',
  note: 'Notes',
  payment: 'Payments',
};

/** A factor's name as a heading ("Follow-ups" for the rule kind "activity"). */
function factorLabel(name: string) {
  return FACTOR_LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/[-_]/g, ' ');
}

type ComputedScore = LeadScore & { score: number; ruleSetVersion: string; computedAt: string };

function computed(score: LeadScore): score is ComputedScore {
  return score.score !== null && score.ruleSetVersion !== null && score.computedAt !== null;
}

/** The score, why (each factor's points and reason), and how it moved (a sparkline of the history). */
export function ScorePanel({ leadId }: { leadId: string }) {
  const current = leadsApi.endpoints.getLeadScore.useQueryState(leadId).data;
  const notScoredYet = current !== undefined && current.score === null;
  const interval = notScoredYet ? FIRST_SCORE_POLL_MS : current?.pending ? PENDING_SCORE_POLL_MS : SCORE_POLL_MS;
  const poll = { pollingInterval: interval, skipPollingIfUnfocused: true };
  const { data, error, isLoading } = useGetLeadScoreQuery(leadId, poll);
  const score = data && computed(data) ? data : undefined;
  const { data: history = [] } = useGetLeadScoreHistoryQuery(leadId, { ...poll, skip: !score });
  const series = [...history].reverse().map((point) => point.score);
  const sum = score?.factors.reduce((total, factor) => total + factor.points, 0) ?? 0;

  return (
    <Section title="Score">
      {isLoading && <PageLoading label="Loading score" />}
      {notScoredYet && <Typography color="text.secondary">Not scored yet.</Typography>}
      {error && <ErrorAlert error={error} />}
      {score && (
        <Paper sx={{ p: 2 }}>
          <Stack direction="row" spacing={3} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Box>
              <Typography variant="h4" component="p" aria-label={`Score ${score.score} of 100`}>
                {score.score}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                of 100 · scoring rules {score.ruleSetVersion} · {formatDateTime(score.computedAt)}
              </Typography>
              {score.pending && (
                <Typography variant="body2" color="text.secondary" role="status">
                  Updating after the latest change…
                </Typography>
              )}
            </Box>
            {series.length > 1 && (
              <Box sx={{ color: 'primary.main' }}>
                <Sparkline values={series} label={`Score history, oldest to newest: ${series.join(', ')}`} />
              </Box>
            )}
          </Stack>
          {score.factors.length > 0 && (
            // focusable: on a phone the table scrolls sideways, and keyboard users scroll it too
            <Box tabIndex={0} role="region" aria-label="Score factors (scrolls sideways)" sx={{ overflowX: 'auto', mt: 1 }}>
              <Table size="small" aria-label="Score factors" sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
                <TableHead>
                  <TableRow>
                    <TableCell>Factor</TableCell>
                    <TableCell align="right">Points</TableCell>
                    <TableCell>Why</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {score.factors.map((factor) => (
                    <TableRow key={factor.name}>
                      <TableCell>{factorLabel(factor.name)}</TableCell>
                      <TableCell align="right">{factor.points > 0 ? `+${factor.points}` : factor.points}</TableCell>
                      <TableCell>{factor.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {(sum > MAX || sum < MIN) && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  The factors add up to {sum}; a score stays within {MIN}–{MAX}.
                </Typography>
              )}
            </Box>
          )}
        </Paper>
      )}
    </Section>
  );
}
