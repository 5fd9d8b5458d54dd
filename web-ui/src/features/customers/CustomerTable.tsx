import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { DataGrid, type GridColDef, type GridColumnVisibilityModel, type GridSortModel } from '@mui/x-data-grid';
import { Link as RouterLink } from 'react-router';
import { formatDate } from './format';
import type { Customer, CustomerSort } from './types';

const columns: GridColDef<Customer>[] = [
  {
    field: 'name',
    headerName: 'Name',
    flex: 1,
    minWidth: 140,
    sortingOrder: ['asc'],
    renderCell: ({ row }) => (
      <Link component={RouterLink} to={`/customers/${row.id}`}>
        {row.name}
      </Link>
    ),
  },
  { field: 'email', headerName: 'Email', flex: 1.3, minWidth: 160, sortable: false },
  { field: 'phone', headerName: 'Phone', width: 170, sortable: false },
  {
    field: 'createdAt',
    headerName: 'Created',
    width: 140,
    sortingOrder: ['desc'],
    valueFormatter: (value: string) => formatDate(value),
  },
];

// Phone and created date give way on narrow screens (constants: a new model object would make the grid recompute).
const ALL_COLUMNS: GridColumnVisibilityModel = {};
const NARROW_COLUMNS: GridColumnVisibilityModel = { phone: false, createdAt: false };

// The server sorts (keyset pagination): by name A→Z, or newest first.
const SORT_MODELS: Record<CustomerSort, GridSortModel> = {
  name: [{ field: 'name', sort: 'asc' }],
  created: [{ field: 'createdAt', sort: 'desc' }],
};

interface Props {
  customers: readonly Customer[];
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  loading: boolean;
}

/** The loaded pages in a data grid that grows with them; the page scrolls, "Load more" fetches the next page. */
export function CustomerTable({ customers, sort, onSortChange, loading }: Props) {
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  return (
    <Paper sx={{ height: { xs: '65vh', md: 'calc(100vh - 280px)' }, minHeight: 360 }}>
      <DataGrid
        aria-label="Customers"
        rows={customers}
        columns={columns}
        columnVisibilityModel={narrow ? NARROW_COLUMNS : ALL_COLUMNS}
        sortingMode="server"
        sortModel={SORT_MODELS[sort]}
        onSortModelChange={(model) => onSortChange(model[0]?.field === 'name' ? 'name' : 'created')}
        loading={loading}
        hideFooter
        density="compact"
        disableColumnMenu
        disableRowSelectionOnClick
        sx={{ border: 0 }}
      />
    </Paper>
  );
}
