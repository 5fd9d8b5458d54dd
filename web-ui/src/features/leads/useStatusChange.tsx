import Alert from '@mui/material/Alert';
import { useState, type ReactNode } from 'react';
import { describeError, httpStatus, problemOf } from '../../api/problem';
import { STATUS_LABELS } from './labels';
import { useSetLeadStatusMutation } from './leadsApi';
import { LostReasonDialog } from './LostReasonDialog';
import { allowedIn } from './transitions';
import type { Lead, LeadStatus } from './types';

type Outcome = { severity: 'error' | 'warning'; message: string } | null;

function refusal(lead: Lead, to: LeadStatus, allowed: LeadStatus[]): string {
  const from = STATUS_LABELS[lead.status];
  const options = allowed.map((status) => STATUS_LABELS[status]).join(', ');
  return (
    `“${lead.title}” cannot move from ${from} to ${STATUS_LABELS[to]}. ` +
    (allowed.length ? `From ${from} it can move to: ${options}.` : `A lead that is ${from} stays there.`)
  );
}

/**
 * A status change as the board and the lead page offer it: asks for the reason before CLOSED_LOST, and explains a
 * refused transition (409 naming the allowed ones) or any other failure. Render `feedback` and `dialog`.
 */
export function useStatusChange() {
  const [setStatus, { isLoading }] = useSetLeadStatusMutation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [losing, setLosing] = useState<Lead | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();

  /** 'reason' when the server refused the reason itself: the dialog stays open to correct it. */
  const send = async (lead: Lead, to: LeadStatus, reason?: string): Promise<'done' | 'reason' | 'failed'> => {
    try {
      await setStatus({ id: lead.id, status: to, reason }).unwrap();
      return 'done';
    } catch (error) {
      const allowed = allowedIn(error);
      const reasonProblem = problemOf(error)?.errors?.find((field) => field.field === 'reason');
      if (reasonProblem && reason !== undefined) {
        setReasonError(reasonProblem.message);
        return 'reason';
      }
      if (httpStatus(error) === 409 && allowed) setOutcome({ severity: 'warning', message: refusal(lead, to, allowed) });
      else setOutcome({ severity: 'error', message: `“${lead.title}” was not moved: ${describeError(error)}` });
      return 'failed';
    }
  };

  const move = (lead: Lead, to: LeadStatus) => {
    setOutcome(null);
    if (lead.status === to) return;
    if (to === 'CLOSED_LOST') {
      setReasonError(undefined);
      setLosing(lead);
    } else {
      void send(lead, to);
    }
  };

  const feedback: ReactNode = outcome && (
    <Alert severity={outcome.severity} role="alert" onClose={() => setOutcome(null)}>
      {outcome.message}
    </Alert>
  );

  const dialog: ReactNode = losing && (
    <LostReasonDialog
      title={losing.title}
      busy={isLoading}
      serverError={reasonError}
      onClose={() => setLosing(null)}
      onConfirm={(reason) => {
        void send(losing, 'CLOSED_LOST', reason).then((result) => {
          // a refusal or another failure is explained on the page: the dialog has done its part
          if (result !== 'reason') setLosing(null);
        });
      }}
    />
  );

  return { move, moving: isLoading, feedback, dialog };
}
