import { Alert, Flex, Form, Heading, LoadingButton, Select, TextArea, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardText } from '../card-text.ts';
import { newIdempotencyKey } from '../idempotency-key.ts';
import type { CallFailure, JourneyClient } from '../journey-client.ts';
import { stageChangeRequestSchema, type JourneyResponse } from '../vendor/shared/api/journey-api.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { Locale } from '../vendor/shared/i18n/locale.ts';
import { problemText } from '../vendor/shared/i18n/problem-text.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

export interface StageChangeFormProps {
  readonly view: CardView;
  readonly text: CardText;
  readonly objectId: string;
  readonly client: JourneyClient;
  readonly onChanged: (response: JourneyResponse, stageLabel: string) => void;
}

interface FormErrors {
  readonly stage?: string;
  readonly reason?: string;
  readonly form?: string;
}

/** Channel managers only: move the partner to another stage, with the reason that goes into the history. */
export function StageChangeForm({ view, text, objectId, client, onChanged }: StageChangeFormProps) {
  const ui = messagesFor(view.locale).ui;
  const [stage, setStage] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  // Kept until a change succeeds, so resubmitting after a timeout cannot record the change twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const options = view.stageIds.map((id, index) => ({ value: id, label: view.stepNames[index] ?? id }));

  const submit = async () => {
    const request = stageChangeRequestSchema.safeParse({ objectId, stage, reason, idempotencyKey });
    if (!request.success) {
      const fields = new Set(request.error.issues.map((issue) => String(issue.path[0])));
      setErrors({
        ...(fields.has('stage') ? { stage: text.stageRequired } : {}),
        ...(fields.has('reason') ? { reason: ui.reasonHint } : {}),
      });
      return;
    }
    setSaving(true);
    setErrors({});
    const outcome = await client.changeStage(request.data);
    setSaving(false);
    if (!outcome.ok) {
      setErrors(errorsFor(outcome.failure, text, view.locale));
      return;
    }
    const label = options.find((option) => option.value === request.data.stage)?.label ?? request.data.stage;
    setStage('');
    setReason('');
    setIdempotencyKey(newIdempotencyKey());
    onChanged(outcome.response, label);
  };

  return (
    <Tile testId="stage-change">
      <Form onSubmit={() => void submit()} preventDefault>
        <Flex direction="column" gap="sm">
          <Heading>{ui.changeStage}</Heading>
          <Select
            name="stage"
            label={text.newStage}
            placeholder={text.chooseStage}
            required
            options={options}
            value={stage}
            onChange={(value) => setStage(String(value))}
            error={errors.stage !== undefined}
            {...(errors.stage ? { validationMessage: errors.stage } : {})}
          />
          <TextArea
            name="reason"
            label={ui.reason}
            description={ui.reasonHint}
            required
            maxLength={500}
            value={reason}
            onInput={setReason}
            onChange={setReason}
            error={errors.reason !== undefined}
            {...(errors.reason ? { validationMessage: errors.reason } : {})}
          />
          {errors.form ? (
            <Alert variant="danger" title={text.stageNotChanged}>
              {errors.form}
            </Alert>
          ) : null}
          <LoadingButton type="submit" variant="primary" loading={saving}>
            {ui.save}
          </LoadingButton>
        </Flex>
      </Form>
    </Tile>
  );
}

function errorsFor(failure: CallFailure, text: CardText, locale: Locale): FormErrors {
  if (failure.kind !== 'problem') return { form: text.serviceUnreachable };
  const { problem } = failure;
  // The service names the field in English; other languages get the form's own hint for it.
  const own: Readonly<Record<string, string>> = locale === 'en' ? {} : { stage: text.stageRequired, reason: messagesFor(locale).ui.reasonHint };
  const byField = new Map((problem.errors ?? []).map((error) => [error.field, own[error.field] ?? error.problem]));
  const stage = byField.get('stage');
  const reason = byField.get('reason');
  const known = stage !== undefined || reason !== undefined;
  return {
    ...(stage !== undefined ? { stage } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(known ? {} : { form: problemText(problem, locale) }),
  };
}
