/**
 * The call's dialogs that open from a button (reporting a concern, requesting a recording, the consent
 * record), each fetched when first opened: the call page loads and connects without them.
 */
import type { ComponentProps } from 'react';
import { onDemand } from '../ui/on-demand';
import type * as ConsentRecord from './ConsentRecordDialog';
import { DialogUnavailable } from './DialogUnavailable';
import type * as ReportConcern from './ReportConcernDialog';
import type * as RequestRecording from './RequestRecordingDialog';

export const ReportConcernDialog = onDemand<ComponentProps<typeof ReportConcern.ReportConcernDialog>>(
  () => import('./ReportConcernDialog').then((m) => m.ReportConcernDialog),
  ({ onClose }) => <DialogUnavailable title="Report a concern" onClose={onClose} />,
);

export const RequestRecordingDialog = onDemand<
  ComponentProps<typeof RequestRecording.RequestRecordingDialog>
>(
  () => import('./RequestRecordingDialog').then((m) => m.RequestRecordingDialog),
  ({ onClose }) => <DialogUnavailable title="Request recording" onClose={onClose} />,
);

export const ConsentRecordDialog = onDemand<ComponentProps<typeof ConsentRecord.ConsentRecordDialog>>(
  () => import('./ConsentRecordDialog').then((m) => m.ConsentRecordDialog),
  ({ onClose }) => <DialogUnavailable title="Consent record" onClose={onClose} />,
);
