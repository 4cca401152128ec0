import type { WebText } from '../text/web-text.ts';

interface ErrorNoticeProps {
  readonly message: string;
  readonly text: WebText;
  readonly onRetry?: () => void;
}

export function ErrorNotice({ message, text, onRetry }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {message}
      </p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {text.retry}
        </button>
      ) : null}
    </div>
  );
}
