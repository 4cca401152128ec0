import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { JourneyResponse } from '../../../../shared/api/journey-api.ts';
import type { UiText } from '../../../../shared/i18n/messages.ts';
import type { CardView } from '../../../../shared/view/card-view.ts';
import { useAnnounce } from '../announce.ts';
import { describeError } from '../describe-error.ts';
import { newIdempotencyKey } from '../idempotency-key.ts';
import type { JourneyApi } from '../journey-api.ts';
import { checkStageForm, fieldOf, type FieldMessages } from '../stage-form-check.ts';
import type { WebText } from '../text/web-text.ts';
import { asApiError } from '../use-journey.ts';
import { Heading } from './Heading.tsx';

interface StageChangeFormProps {
  readonly partnerId: string;
  readonly view: CardView;
  readonly api: JourneyApi;
  readonly ui: UiText;
  readonly text: WebText;
  readonly onUpdate: (response: JourneyResponse) => void;
}

/** Channel managers only: the new official stage and why. */
export function StageChangeForm({ partnerId, view, api, ui, text, onUpdate }: StageChangeFormProps) {
  const announce = useAnnounce();
  const ids = useId();
  const [stage, setStage] = useState(view.suggestion.differs ? view.suggestion.id : view.stage.id);
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per submitted form: kept while a failed request is retried unchanged, dropped on any edit.
  const keyRef = useRef<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // Controls are disabled while sending, which drops focus; it is put back once they are enabled again.
  const [focusAfter, setFocusAfter] = useState<'stage' | 'reason' | 'submit' | null>(null);

  useEffect(() => {
    if (sending || !focusAfter) return;
    const target = { stage: selectRef, reason: reasonRef, submit: submitRef }[focusAfter].current;
    if (target && (document.activeElement === document.body || document.activeElement === null)) target.focus();
    setFocusAfter(null);
  }, [sending, focusAfter]);

  const edited = () => {
    keyRef.current = null;
    setFormError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    keyRef.current ??= newIdempotencyKey();
    const check = checkStageForm({ objectId: partnerId, stage, reason, idempotencyKey: keyRef.current }, text);
    setFormError(null);
    if (!check.ok) {
      setFieldErrors(check.errors);
      (check.errors.reason ? reasonRef : selectRef).current?.focus();
      return;
    }
    setFieldErrors({});
    setSending(true);
    try {
      const response = await api.changeStage(check.request);
      keyRef.current = null;
      setReason('');
      onUpdate(response);
      const label = view.stepNames[view.stageIds.indexOf(check.request.stage)] ?? check.request.stage;
      announce(text.stageChanged(label));
      setFocusAfter('submit');
    } catch (caught) {
      const error = asApiError(caught);
      const byField: FieldMessages = {};
      const rest: string[] = [];
      // The service words field problems in English; other languages get the form's own words.
      const own: FieldMessages = text.locale === 'en' ? {} : { stage: text.stageRefused, reason: ui.reasonHint };
      for (const item of error.problem?.errors ?? []) {
        const field = fieldOf(item.field);
        const said = field ? (own[field] ?? item.problem) : item.problem;
        if (field) byField[field] = byField[field] && byField[field] !== said ? `${byField[field]} ${said}` : said;
        else if (text.locale === 'en') rest.push(`${item.field}: ${item.problem}`);
      }
      setFieldErrors(byField);
      setFocusAfter(byField.stage ? 'stage' : byField.reason ? 'reason' : 'submit');
      const hasFieldErrors = Object.keys(byField).length > 0;
      setFormError(hasFieldErrors && rest.length === 0 ? null : [describeError(error, text), ...rest].join(' '));
    } finally {
      setSending(false);
    }
  }

  const stageErrorId = `${ids}-stage-error`;
  const reasonErrorId = `${ids}-reason-error`;
  const reasonHintId = `${ids}-reason-hint`;
  return (
    <section className="card-section">
      <Heading>{ui.changeStage}</Heading>
      <form className="stage-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={sending || undefined}>
        <fieldset disabled={sending}>
          <div className="field">
            <label htmlFor={`${ids}-stage`}>{text.newStage}</label>
            <select
              id={`${ids}-stage`}
              ref={selectRef}
              value={stage}
              aria-invalid={fieldErrors.stage ? true : undefined}
              aria-describedby={fieldErrors.stage ? stageErrorId : undefined}
              onChange={(e) => {
                const next = view.stageIds.find((id) => id === e.target.value);
                if (next) setStage(next);
                setFieldErrors(({ stage: _dropped, ...others }) => others);
                edited();
              }}
            >
              {view.stageIds.map((id, index) => (
                <option key={id} value={id}>
                  {view.stepNames[index]}
                </option>
              ))}
            </select>
            {fieldErrors.stage ? (
              <p id={stageErrorId} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {fieldErrors.stage}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-reason`}>{ui.reason}</label>
            <p id={reasonHintId} className="field-hint">
              {ui.reasonHint}
            </p>
            <textarea
              id={`${ids}-reason`}
              ref={reasonRef}
              rows={3}
              value={reason}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={fieldErrors.reason ? `${reasonHintId} ${reasonErrorId}` : reasonHintId}
              onChange={(e) => {
                setReason(e.target.value);
                setFieldErrors(({ reason: _dropped, ...others }) => others);
                edited();
              }}
            />
            {fieldErrors.reason ? (
              <p id={reasonErrorId} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {fieldErrors.reason}
              </p>
            ) : null}
          </div>
          {formError ? (
            <p className="notice notice-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {formError}
            </p>
          ) : null}
          <button ref={submitRef} type="submit" className="button button-primary">
            {sending ? text.saving : ui.save}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
