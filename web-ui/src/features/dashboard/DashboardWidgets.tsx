import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { download } from '../../api/download';
import { describeError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useCan } from '../auth/useMe';
import {
  FollowUpsWidget,
  FunnelWidget,
  HeadlineWidget,
  PipelineWidget,
  RecentActivityWidget,
  RevenueWidget,
  SalesPerformanceWidget,
} from './BuiltInWidgets';
import { roleLabel } from '../auth/permissions';
import { CustomWidget } from './CustomWidget';
import { useGetLayoutQuery, useResetLayoutMutation, useSaveLayoutMutation } from './dashboardApi';
import { BUILT_IN, customDefinition } from './definitions';
import { append, COLUMNS, inReadingOrder, MAX_WIDGETS, moveBy, moveTo, newWidgetId, replace, resizeBy, without, withoutHidden } from './grid';
import type { Widget, WidgetType } from './types';
import { GAP, ROW_HEIGHT, WidgetCard, type WidgetAction } from './WidgetCard';
import { WidgetEditor } from './WidgetEditor';
import { WidgetGallery } from './WidgetGallery';
import { PublishLayoutDialog } from './PublishLayoutDialog';

function WidgetBody({ widget }: { widget: Widget }) {
  // what a chart may fill: the widget's rows less its title and toggle
  const height = Math.max(widget.h * (ROW_HEIGHT + GAP) - GAP - 90, 140);
  switch (widget.type) {
    case 'headline':
      return <HeadlineWidget widget={widget} />;
    case 'revenue':
      return <RevenueWidget widget={widget} height={height} />;
    case 'funnel':
      return <FunnelWidget widget={widget} height={height} />;
    case 'pipeline':
      return <PipelineWidget widget={widget} height={height} />;
    case 'sales-performance':
      return <SalesPerformanceWidget />;
    case 'recent-activity':
      return <RecentActivityWidget widget={widget} />;
    case 'follow-ups':
      return <FollowUpsWidget />;
    case 'custom':
      return <CustomWidget widget={widget} height={height} />;
    default:
      return <Typography color="text.secondary">This kind of widget is not known to this version of the CRM.</Typography>;
  }
}

type Editing = { widget?: Widget } | undefined;

/** The user's widgets on a 12-column grid (one column on a phone), and customising them. */
export default function DashboardWidgets() {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const fine = useMediaQuery('(pointer: fine)', { noSsr: true });
  const mayCustomize = useCan('customizeDashboard');
  const mayExport = useCan('exportWidgets');
  const mayPublish = useCan('publishDashboardLayouts');
  const mayViewPerformance = useCan('viewSalesPerformance');
  const [publishing, setPublishing] = useState(false);
  const [toast, setToast] = useState<string>();
  const { data: layout, error, isLoading } = useGetLayoutQuery();
  const [saveLayout, saving] = useSaveLayoutMutation();
  const [resetLayout, resetting] = useResetLayoutMutation();
  const [customizing, setCustomizing] = useState(false);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const [saveError, setSaveError] = useState<unknown>();

  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !layout) return <PageLoading label="Loading widgets" />;
  // the built-in default's widgets carry no settings (null); a role's default may hold a widget this user may not see
  const widgets = inReadingOrder(
    withoutHidden(layout.widgets, (widget) => widget.type === 'sales-performance' && !mayViewPerformance).map(
      (widget) => ({ ...widget, settings: widget.settings ?? {} }),
    ),
  );
  const full = widgets.length >= MAX_WIDGETS;

  const save = async (next: Widget[]) => {
    setSaveError(undefined);
    try {
      await saveLayout(next).unwrap();
    } catch (failure) {
      setSaveError(failure);
      throw failure;
    }
  };
  const quietly = (next: Widget[]) => void save(next).catch(() => undefined);

  const act = (widget: Widget, action: WidgetAction) => {
    switch (action) {
      case 'earlier':
        return quietly(moveBy(widgets, widget.id, -1));
      case 'later':
        return quietly(moveBy(widgets, widget.id, 1));
      case 'wider':
        return quietly(resizeBy(widgets, widget.id, 1, 0));
      case 'narrower':
        return quietly(resizeBy(widgets, widget.id, -1, 0));
      case 'taller':
        return quietly(resizeBy(widgets, widget.id, 0, 1));
      case 'shorter':
        return quietly(resizeBy(widgets, widget.id, 0, -1));
      case 'edit':
        return setEditing({ widget });
      case 'remove':
        return quietly(without(widgets, widget.id));
    }
  };

  // the rows of the widget's definition over today's dates of its period, streamed by the service
  const downloadCsv = (widget: Widget) => {
    const definition = customDefinition(widget);
    if (!definition) return;
    setToast(`Downloading ${widget.title}…`);
    download({ path: '/reports/query/export?format=csv', method: 'POST', body: definition }, `${definition.dataset}.csv`, () => undefined)
      .then((name) => setToast(`Downloaded ${name}`))
      .catch((failure: unknown) => setToast(`${widget.title} was not downloaded: ${describeError(failure)}`));
  };

  const addBuiltIn = (type: Exclude<WidgetType, 'custom'>) => {
    const item = BUILT_IN.find((candidate) => candidate.type === type)!;
    setGalleryOpen(false);
    quietly(append(widgets, { id: newWidgetId(), type, title: item.title, x: 0, y: 0, w: item.w, h: item.h, settings: {} }));
  };

  const saveWidget = async (widget: Widget) => {
    const next = widget.id ? replace(widgets, widget) : append(widgets, { ...widget, id: newWidgetId() });
    await save(next);
    setSaveError(undefined);
    setEditing(undefined);
  };

  return (
    <Stack spacing={2}>
      {mayCustomize && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          <Button variant={customizing ? 'contained' : 'outlined'} aria-pressed={customizing} onClick={() => setCustomizing(!customizing)}>
            {customizing ? 'Done' : 'Customize'}
          </Button>
          {customizing && (
            <>
              <Button onClick={() => setGalleryOpen(true)} disabled={full}>
                Add widget
              </Button>
              <Button
                onClick={() => {
                  setSaveError(undefined);
                  void resetLayout().unwrap().catch(setSaveError);
                }}
                disabled={resetting.isLoading || layout.source !== 'user'}
              >
                Reset to default
              </Button>
              {mayPublish && (
                <Button onClick={() => setPublishing(true)} disabled={widgets.length === 0}>
                  Publish as default…
                </Button>
              )}
              <Typography variant="body2" color="text.secondary" role="status">
                {saving.isLoading ? 'Saving…' : full ? `At most ${MAX_WIDGETS} widgets.` : wide && fine ? 'Drag a widget onto another to move it, or use its menu.' : "Use a widget's menu to move or resize it."}
              </Typography>
            </>
          )}
        </Box>
      )}
      {saveError !== undefined && editing === undefined && <ErrorAlert error={saveError} />}
      {widgets.length === 0 ? (
        <Alert severity="info">No widgets yet{mayCustomize ? ': Customize, then Add widget.' : '.'}</Alert>
      ) : (
        <Box
          sx={{
            display: 'grid',
            gap: `${GAP}px`,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: `repeat(${COLUMNS}, minmax(0, 1fr))` },
            // rows grow with a widget's content rather than clip it or scroll inside it
            gridAutoRows: { xs: 'auto', md: `minmax(${ROW_HEIGHT}px, auto)` },
          }}
        >
          {widgets.map((widget, index) => (
            <WidgetCard
              key={widget.id}
              widget={widget}
              index={index}
              count={widgets.length}
              editing={customizing}
              canDrag={wide && fine}
              onAction={(action) => act(widget, action)}
              onDropOn={(dragged) => quietly(moveTo(widgets, dragged, index))}
              onResize={(columns, rows) => quietly(resizeBy(widgets, widget.id, columns, rows))}
              onDownload={mayExport && widget.type === 'custom' ? () => downloadCsv(widget) : undefined}
            >
              <WidgetBody widget={widget} />
            </WidgetCard>
          ))}
        </Box>
      )}
      <WidgetGallery
        open={galleryOpen}
        full={full}
        onClose={() => setGalleryOpen(false)}
        onAdd={addBuiltIn}
        offered={BUILT_IN.filter((item) => item.type !== 'sales-performance' || mayViewPerformance)}
        added={new Set(widgets.map((widget) => widget.type))}
        onBuild={() => {
          setGalleryOpen(false);
          setEditing({});
        }}
      />
      {publishing && (
        <PublishLayoutDialog
          widgets={widgets}
          onClose={() => setPublishing(false)}
          onPublished={(role) => {
            setPublishing(false);
            setToast(`Published as the default dashboard for ${roleLabel([role])}`);
          }}
        />
      )}
      <Snackbar
        open={toast !== undefined}
        message={toast}
        autoHideDuration={6000}
        onClose={(_, reason) => reason !== 'clickaway' && setToast(undefined)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
      {editing && (
        <WidgetEditor open widget={editing.widget} onClose={() => setEditing(undefined)} onSave={saveWidget} />
      )}
    </Stack>
  );
}
