import { useId } from 'react';
import { LOCALES, isLocale, type Locale } from '../../../../shared/i18n/locale.ts';
import { LANGUAGE_NAMES, type WebText } from '../text/web-text.ts';

export function LocaleSwitch({ locale, text, onChange }: { readonly locale: Locale; readonly text: WebText; readonly onChange: (locale: Locale) => void }) {
  const id = useId();
  return (
    <div className="switch field-inline">
      <label htmlFor={id}>{text.language}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) onChange(e.target.value);
        }}
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LANGUAGE_NAMES[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
