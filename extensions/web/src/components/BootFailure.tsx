import type { Locale } from '../../../../shared/i18n/locale.ts';
import { webTextFor } from '../text/web-text.ts';

export function BootFailure({ locale }: { readonly locale: Locale }) {
  return (
    <main className="app">
      <p className="notice notice-error" role="alert">
        {webTextFor(locale).badBoot}
      </p>
    </main>
  );
}
