import { useMutation } from '@apollo/client/react';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownErrors } from '../app/errors';
import { Button, ErrorMessage, Field, Select, TextArea } from '../app/ui';
import { StaffCorrectDeclarationDocument, type DayEntryMode, type StaffTimesheetWeekFragment } from '../gql/graphql';
import { DayDraft, draftsOf, modesOf, SentPaths, TimePair, toInput } from './days';
import { formatDay } from './format';

/**
 * A correction of approved hours: the whole week as it should be and a reason (required by the
 * server). The server's problems show at the fields they name; a week changed meanwhile
 * (STALE_VERSION) is loaded again and said so.
 */
export function CorrectionForm(props: { week: StaffTimesheetWeekFragment; onDone: (number: number) => void; onCancel: () => void; onStale: () => void }) {
  const { t } = useTranslation('staff');
  const { week } = props;
  const current = week.currentDeclaration!;
  const modes = useMemo(() => modesOf(week.placement), [week.placement]);
  const [drafts, setDrafts] = useState<DayDraft[]>(() => draftsOf(week.weekStart, week.days, modes));
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<SentPaths>({ dayPath: {}, fieldPath: {} });
  const [correct, { loading, error, reset }] = useMutation(StaffCorrectDeclarationDocument);

  const update = (date: string, change: (d: DayDraft) => DayDraft) => setDrafts((all) => all.map((d) => (d.date === date ? change(d) : d)));
  const problems = shownErrors(error).flatMap((e) => e.problems);
  const at = (path: string | undefined) => (path ? problems.find((p) => p.path === path)?.message : undefined);
  const fieldError = (date: string, field: string) => at(sent.fieldPath[`${date}|${field}`]);
  const placed = new Set<string>([...Object.values(sent.fieldPath), 'reason']);
  for (const path of Object.values(sent.dayPath)) ['', '.date', '.blocks', '.breaks', '.hours', '.total'].forEach((suffix) => placed.add(`${path}${suffix}`));
  const unplaced = problems.filter((p) => !placed.has(p.path));
  const isInput = shownErrors(error).some((e) => e.code === 'BAD_USER_INPUT');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { days, paths } = toInput(drafts);
    setSent(paths);
    const result = await correct({ variables: { input: { declarationId: current.id, expectedVersion: week.version, reason, days } } }).catch((e: unknown) => {
      if (shownErrors(e).some((s) => s.reason === 'STALE_VERSION' || s.reason === 'DECLARATION_SUPERSEDED')) props.onStale();
      return null;
    });
    if (result?.data) props.onDone(result.data.correctDeclaration.declaration.number);
  };

  return (
    <section className="staff-section" aria-labelledby="staff-correction">
      <h2 id="staff-correction">
        {t('correction.title', { number: current.number })}
      </h2>
      <p className="hint">{t('correction.lead')}</p>
      <form onSubmit={submit} noValidate>
        {drafts.map((draft) => (
          <fieldset key={draft.date} className="staff-day" aria-describedby={at(sent.dayPath[draft.date]) ? `day-${draft.date}-error` : undefined}>
            <legend>
              <h3>{formatDay(draft.date)}</h3>
            </legend>
            {(at(sent.dayPath[draft.date]) || at(`${sent.dayPath[draft.date]}.date`)) && (
              <p id={`day-${draft.date}-error`} className="field-error" role="alert">
                {at(sent.dayPath[draft.date]) ?? at(`${sent.dayPath[draft.date]}.date`)}
              </p>
            )}
            {modes.length > 1 && (
              <Select label={t('correction.mode')} value={draft.mode} onChange={(e) => update(draft.date, (d) => ({ ...d, mode: e.target.value as DayEntryMode }))}>
                {modes.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode.${mode}`)}
                  </option>
                ))}
              </Select>
            )}
            {draft.mode === 'TOTAL' && (
              <Field
                label={t('correction.total')}
                hint={t('correction.durationHint')}
                inputMode="numeric"
                autoComplete="off"
                value={draft.total}
                error={fieldError(draft.date, 'total') ?? at(`${sent.dayPath[draft.date]}.total`)}
                onChange={(e) => update(draft.date, (d) => ({ ...d, total: e.target.value }))}
              />
            )}
            {draft.mode === 'TIMES' && (
              <TimesEditor
                draft={draft}
                errorOf={(field) => fieldError(draft.date, field)}
                onChange={(change) => update(draft.date, change)}
              />
            )}
            {draft.mode === 'HOUR_CODES' &&
              (week.placement?.hourCodes ?? []).map((code) => (
                <Field
                  key={code.code}
                  label={t('correction.hoursFor', { code: code.code, label: code.label ?? `${code.percentage} %` })}
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft.hours[code.code] ?? ''}
                  error={fieldError(draft.date, `hours.${code.code}`)}
                  onChange={(e) => update(draft.date, (d) => ({ ...d, hours: { ...d.hours, [code.code]: e.target.value } }))}
                />
              ))}
          </fieldset>
        ))}
        <TextArea
          label={t('correction.reason')}
          name="reason"
          required
          value={reason}
          error={at('reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        {isInput ? (
          unplaced.length > 0 && (
            <div className="error-box" role="alert">
              {unplaced.map((p, i) => (
                <p key={i}>{p.message}</p>
              ))}
            </div>
          )
        ) : (
          <ErrorMessage error={error} />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" busy={loading}>
            {t('correction.submit')}
          </Button>
          <Button
            onClick={() => {
              reset();
              props.onCancel();
            }}
          >
            {t('common:cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function TimesEditor(props: { draft: DayDraft; errorOf: (field: string) => string | undefined; onChange: (change: (d: DayDraft) => DayDraft) => void }) {
  const { t } = useTranslation('staff');
  const { draft } = props;
  const setPair = (list: 'blocks' | 'breaks', index: number, pair: Partial<TimePair>) =>
    props.onChange((d) => ({ ...d, [list]: d[list].map((p, i) => (i === index ? { ...p, ...pair } : p)) }));
  const pairs = (list: 'blocks' | 'breaks') =>
    draft[list].map((pair, i) => (
      <div className="staff-pair" key={`${list}-${i}`}>
        <Field
          label={t(list === 'blocks' ? 'correction.blockStart' : 'correction.breakStart', { n: i + 1 })}
          inputMode="numeric"
          autoComplete="off"
          placeholder="08:00"
          value={pair.start}
          error={props.errorOf(`${list}.${i}.start`)}
          onChange={(e) => setPair(list, i, { start: e.target.value })}
        />
        <Field
          label={t(list === 'blocks' ? 'correction.blockEnd' : 'correction.breakEnd', { n: i + 1 })}
          inputMode="numeric"
          autoComplete="off"
          placeholder="17:00"
          value={pair.end}
          error={props.errorOf(`${list}.${i}.end`)}
          onChange={(e) => setPair(list, i, { end: e.target.value })}
        />
        <Button variant="link" onClick={() => props.onChange((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }))}>
          {t(list === 'blocks' ? 'correction.removeBlock' : 'correction.removeBreak', { n: i + 1 })}
        </Button>
      </div>
    ));
  return (
    <>
      {pairs('blocks')}
      <div className="staff-inline">
        <Button variant="link" onClick={() => props.onChange((d) => ({ ...d, blocks: [...d.blocks, { start: '', end: '' }] }))}>
          {t('correction.addBlock')}
        </Button>
      </div>
      {pairs('breaks')}
      <div className="staff-inline">
        <Button variant="link" onClick={() => props.onChange((d) => ({ ...d, breaks: [...d.breaks, { start: '', end: '' }] }))}>
          {t('correction.addBreak')}
        </Button>
      </div>
      <Field
        label={t('correction.breakDuration')}
        hint={t('correction.durationHint')}
        inputMode="numeric"
        autoComplete="off"
        value={draft.breakDuration}
        error={props.errorOf('breakDuration')}
        onChange={(e) => props.onChange((d) => ({ ...d, breakDuration: e.target.value }))}
      />
    </>
  );
}
