import { useTranslation } from 'react-i18next';

/** A week's or declaration's status as a coloured label (the text says it; the colour only helps). */
export function StatusBadge(props: { status: string; kind?: 'timesheet' | 'declaration' | 'thread' | 'request' }) {
  const { t } = useTranslation('staff');
  const prefix = { timesheet: 'status', declaration: 'declarationStatus', thread: 'threadStatus', request: 'requestStatus' }[props.kind ?? 'timesheet'];
  return <span className={`staff-status staff-status-${props.status}`}>{t(`${prefix}.${props.status}`)}</span>;
}
