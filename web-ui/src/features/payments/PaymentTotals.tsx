import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import { formatMoney } from '../../lib/format';
import type { CurrencyTotal } from './types';

/** Per currency (never added across currencies): paid, refunded, net and how many payments. */
export function PaymentTotals({ totals, caption }: { totals: CurrencyTotal[]; caption?: string }) {
  if (totals.length === 0) return null;
  return (
    <Paper variant="outlined">
      <List dense aria-label="Payment totals" subheader={caption && <ListSubheader disableSticky>{caption}</ListSubheader>}>
        {totals.map((total) => (
          <ListItem key={total.currency}>
            <ListItemText
              primary={`${formatMoney(total.net, total.currency)} net`}
              secondary={`${formatMoney(total.paid, total.currency)} paid · ${formatMoney(total.refunded, total.currency)} refunded · ${total.count} payment${total.count === 1 ? '' : 's'}`}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
